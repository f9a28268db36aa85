package dev.confer.web.door;

import dev.confer.access.RoomDoors;
import dev.confer.events.EventSchedule;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The door windows a door page carries for its offline mode (a JSON data block, not a script): with no network the
 * page still knows which session its room is on at a scan's moment, and refuses a scan outside every window with the
 * same NOT_NOW verdict the server gives.
 */
@Component
class DoorProgramme {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private final JsonMapper json = JsonMapper.builder().build();

    String json(EventSchedule event, List<RoomDoors.DoorWindow> windows, Locale locale) {
        return json.writeValueAsString(windows.stream().map(w -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("point", w.point());
            one.put("code", w.session().code());
            one.put("title", w.session().title().in(locale));
            one.put("opens", w.opens().toString());
            one.put("starts", w.starts().toString());
            one.put("ends", w.ends().toString());
            one.put("opensAt", HOURS.format(w.opens().atZone(event.zone())));
            one.put("endsAt", HOURS.format(w.ends().atZone(event.zone())));
            one.put("hours", HOURS.format(w.starts().atZone(event.zone())) + "–" + HOURS.format(w.ends().atZone(event.zone())));
            one.put("capacity", event.seatsAt(w.session()));
            return one;
        }).toList()).replace("<", "\\u003c"); // inside a script element: no "</script>" from a title
    }
}
