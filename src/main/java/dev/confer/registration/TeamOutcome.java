package dev.confer.registration;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A registered team: every member CONFIRMED, or every member WAITLISTED with consecutive places in the
 * queue ({@code waitlistPositions} by member, in member order; null entries when confirmed).
 */
public record TeamOutcome(Team team, RegistrationStatus status, List<@Nullable Integer> waitlistPositions) {

    public @Nullable Integer waitlistPosition(int member) {
        return waitlistPositions.get(member);
    }
}
