package dev.confer.web.desk;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.receivers.Loan;
import dev.confer.receivers.Receivers;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * After a scan: lend the attendee an interpretation receiver, or take theirs back, through {@link Receivers} exactly
 * as the API does. The form carries the loan id it was drawn with, so a double press or a resent form lends once.
 * Online only: an offline desk shows no receiver control (the shelf's count is the server's).
 */
@Controller
class DeskReceivers {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final EventCatalog events;
    private final Receivers receivers;
    private final MessageSource messages;

    DeskReceivers(EventCatalog events, Receivers receivers, MessageSource messages) {
        this.events = events;
        this.receivers = receivers;
        this.messages = messages;
    }

    /** Puts what the receiver control shows into the model (nothing when the event lends none). */
    static void addTo(Model model, Receivers receivers, EventSchedule event, RegistrationId attendee) {
        if (event.receivers() == null) {
            return;
        }
        Receivers.OpenLoan loan = receivers.openLoan(event, attendee).orElse(null);
        model.addAttribute("receiverLoan", loan);
        model.addAttribute("receiverLoanAt", loan == null ? null : CLOCK.format(loan.lentAt().atZone(event.zone())));
        model.addAttribute("receiverStock", receivers.stock(event));
        model.addAttribute("newLoanId", UUID.randomUUID());
    }

    @PostMapping("/desk/{slug}/registrations/{id}/receiver")
    String lend(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String loanId,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                @AuthenticationPrincipal Caller caller, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        try {
            Loan loan = receivers.lendTo(event, caller, loanId, id);
            model.addAttribute("receiverNotice", messages.getMessage("desk.receiver.lent", new Object[] {loan.name()}, locale));
        } catch (Rejection r) {
            model.addAttribute("receiverError", messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
        }
        return answer(event, id, htmx, model);
    }

    @PostMapping("/desk/{slug}/registrations/{id}/receiver/return")
    String giveBack(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String loanId,
                    @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                    @AuthenticationPrincipal Caller caller, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        try {
            Loan loan = receivers.giveBack(event, caller, loanId == null ? "" : loanId);
            model.addAttribute("receiverNotice", messages.getMessage("desk.receiver.returned", new Object[] {loan.name()}, locale));
        } catch (Rejection r) {
            model.addAttribute("receiverError", messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
        }
        return answer(event, id, htmx, model);
    }

    private String answer(EventSchedule event, RegistrationId id, @Nullable String htmx, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("attendeeId", id);
        addTo(model, receivers, event, id);
        // without scripts the form was a plain post: back to the desk (the next scan shows the loan)
        return htmx != null ? "desk/desk :: receiver" : "redirect:/desk/" + event.slug();
    }
}
