package dev.confer.web.organizer;

import dev.confer.events.EventCatalog;
import dev.confer.waitingroom.WaitingRoom;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The dashboard's waiting-room figures (queue length, admissions in the last minute, drop-outs), polled while shown. */
@Controller
class WaitingRoomFigures {

    private final EventCatalog events;
    private final WaitingRoom room;

    WaitingRoomFigures(EventCatalog events, WaitingRoom room) {
        this.events = events;
        this.room = room;
    }

    @GetMapping("/organizer/{slug}/live/queue")
    String figures(@PathVariable String slug, Model model) {
        model.addAttribute("room", room.overview(events.require(slug)));
        return "organizer/queue :: figures";
    }
}
