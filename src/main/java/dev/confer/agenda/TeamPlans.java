package dev.confer.agenda;

import dev.confer.events.EventSchedule;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The plan of the team an attendee belongs to: the chosen session per slot. */
@Component
class TeamPlans {

    Map<Slot, String> planOf(EventSchedule event, UUID registrationId) {
        return Map.of(); // replaced by the team votes once teams land
    }

    /** The members of every team whose plan for this slot is this session. */
    Set<UUID> followersOf(EventSchedule event, Slot slot, String sessionCode) {
        return Set.of(); // replaced by the team votes once teams land
    }
}
