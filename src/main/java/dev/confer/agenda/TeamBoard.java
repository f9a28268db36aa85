package dev.confer.agenda;

import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Team;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A team's votes as its members see them: per slot the proposed sessions with their votes and voters, the
 * seats left at each, the member's own vote and the team's plan (the most-voted session; ties go to more
 * seats left, then to the session that reached its count first). Only the team's members see it.
 */
public record TeamBoard(Team team, RegistrationId me, List<SlotBoard> slots) {

    public record SlotBoard(Slot slot, boolean open, List<EventSchedule.Session> sessions, List<Candidate> candidates,
                            @Nullable String plan, @Nullable String myVote) {

        public int votes() {
            return candidates.stream().mapToInt(Candidate::votes).sum();
        }

        /** The session the team's plan chose in this slot, if any. */
        public EventSchedule.@Nullable Session planned() {
            return candidates.stream().filter(Candidate::plan).map(Candidate::session).findFirst().orElse(null);
        }
    }

    public record Candidate(EventSchedule.Session session, int votes, List<String> voters, String proposedBy,
                            SeatsLeft.Seats seats, boolean plan) {
    }

    public SlotBoard slot(String id) {
        return slots.stream().filter(s -> s.slot().id().equals(id)).findFirst().orElseThrow();
    }
}
