package dev.confer.receivers;

import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The organizer's view: receivers in stock and out on loan now, and per event day that has ended the loans that were
 * still open at its end (lent by then, not back by then), with whom to call.
 */
public record ReceiverFigures(int stock, int out, int left, List<Overdue> overdue) {

    public record Overdue(LocalDate day, String loanId, RegistrationId registrationId, String name, String email,
                          @Nullable String company, Instant lentAt, @Nullable String lentBy, @Nullable Instant returnedAt) {
    }
}
