package dev.confer.receivers;

import dev.confer.events.EventCatalog;
import dev.confer.shared.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Receiver loans at the desk (DESK token or the organizer); the figures and the overdue list for the organizer. */
@RestController
class ReceiverController {

    private final EventCatalog events;
    private final Receivers receivers;

    ReceiverController(EventCatalog events, Receivers receivers) {
        this.events = events;
        this.receivers = receivers;
    }

    /** 201 for a receiver lent; 200 for a resent loan id (nothing more lent). */
    @PostMapping("/api/v1/events/{slug}/receivers/loans")
    ResponseEntity<Loan> lend(@PathVariable String slug, @RequestBody LoanRequest request, @AuthenticationPrincipal Caller caller) {
        Loan loan = receivers.lend(events.require(slug), caller, request);
        return ResponseEntity.status(loan.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(loan);
    }

    /** 200 with the loan returned (now, or by an earlier call: {@code duplicate}). */
    @PostMapping("/api/v1/events/{slug}/receivers/loans/{id}/return")
    Loan giveBack(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return receivers.giveBack(events.require(slug), caller, id);
    }

    @GetMapping("/api/v1/events/{slug}/receivers")
    ReceiverFigures figures(@PathVariable String slug, @AuthenticationPrincipal Caller caller) {
        return receivers.figures(events.require(slug), caller);
    }
}
