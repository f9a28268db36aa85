package dev.confer.demo;

import dev.confer.events.EventDefinition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo summit as kept in {@value #RESOURCE}. Its dates are written as day offsets ({@code "+0"},
 * {@code "+1"}) so that the summit can start on the day it is first loaded and staff can try
 * check-ins at once.
 */
final class DemoDefinition {

    static final String SLUG = "demo";
    static final String RESOURCE = "demo/cloud-summit-seoul.json";

    private DemoDefinition() {
    }

    /** The definition as written in the resource, dates still as offsets. */
    static EventDefinition read(JsonMapper json) {
        try (InputStream in = DemoDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return json.readValue(in, EventDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition with every day offset turned into a date counted from {@code firstDay}. */
    static EventDefinition startingOn(EventDefinition template, LocalDate firstDay) {
        List<EventDefinition.Day> days = template.days() == null ? List.of() : template.days().stream()
                .map(d -> new EventDefinition.Day(date(firstDay, d.date()), d.doorsOpen(), d.end(), d.mealVouchers(), d.keynote()))
                .toList();
        List<EventDefinition.Session> sessions = template.sessions() == null ? List.of() : template.sessions().stream()
                .map(s -> new EventDefinition.Session(s.code(), s.title(), s.track(), s.room(), date(firstDay, s.day()),
                        s.start(), s.end(), s.capacity(), s.language(), s.speakers(), s.description()))
                .toList();
        return new EventDefinition(template.name(), template.timezone(), template.capacity(), template.waitlist(), days,
                template.rooms(), template.tracks(), sessions, template.booths(), template.venue(), template.about(),
                template.reminders(), template.privacy());
    }

    private static String date(LocalDate firstDay, @Nullable String offset) {
        if (offset == null || !offset.matches("\\+\\d+")) {
            throw new IllegalStateException(RESOURCE + ": day '" + offset + "' is not an offset such as +0 or +1");
        }
        return firstDay.plusDays(Long.parseLong(offset.substring(1))).toString();
    }
}
