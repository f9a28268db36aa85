package dev.confer.receivers;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Interpretation receivers lent at the desk against a badge or ticket: one open loan per attendee, never more out
 * than the stock (one statement each: {@link ReceiverLoans#lend}, {@link ReceiverLoans#giveBack}). A resent loan id is
 * answered as the first sending was and lends nothing; a second return changes nothing. Online only: a desk without
 * network lends nothing (the loan must be refused when the shelf is empty, which only the database knows).
 */
@Service
public class Receivers {

    private final ReceiverLoans loans;
    private final Tickets tickets;
    private final Checkins checkins;
    private final Registrations registrations;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    /** A lost race to the same attendee's (or id's) other loan, or a deadlock victim: the attempt changed nothing. */
    private final RetryTemplate attempts = new RetryTemplate(RetryPolicy.builder()
            .includes(DuplicateKeyException.class, PessimisticLockingFailureException.class).maxRetries(3)
            .delay(Duration.ofMillis(1)).jitter(Duration.ofMillis(1)).build());

    Receivers(ReceiverLoans loans, Tickets tickets, Checkins checkins, Registrations registrations,
              ApplicationEventPublisher publisher, Clock clock) {
        this.loans = loans;
        this.tickets = tickets;
        this.checkins = checkins;
        this.registrations = registrations;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** An attendee's open loan, as My ticket shows it. */
    public record OpenLoan(String id, Instant lentAt) {
    }

    /** The receivers on the shelf and out on loan. */
    public record Stock(int stock, int out, int left) {
    }

    /** Lends a receiver to the attendee the credential names; 409 if they have one, none are left or they may not. */
    public Loan lend(EventSchedule event, Caller caller, LoanRequest request) {
        if (event.receivers() == null) {
            throw Rejection.conflict("receivers.none-defined");
        }
        UUID id = loanId(request.id());
        return lend(event, caller, id, registrationOf(event, request.credential()));
    }

    /**
     * Lends a receiver to an attendee the desk already has in front of it (its page knows the registration): as
     * {@link #lend(EventSchedule, Caller, LoanRequest)} without issuing and verifying their ticket again.
     */
    public Loan lendTo(EventSchedule event, Caller caller, @Nullable String loanId, RegistrationId attendee) {
        if (event.receivers() == null) {
            throw Rejection.conflict("receivers.none-defined");
        }
        return lend(event, caller, loanId(loanId), attendee);
    }

    private Loan lend(EventSchedule event, Caller caller, UUID id, RegistrationId attendee) {
        Attendee person = registrations.find(event, attendee).filter(Attendee::isConfirmed)
                .orElseThrow(() -> Rejection.conflict("receivers.not-confirmed"));
        ReceiverLoans.Lent lent = attempts.invoke(() -> loans.lend(id, event.id(), attendee, clock.instant(), caller.deskName())
                .orElseThrow(() -> Rejection.conflict("receivers.none-defined")));
        if (lent.made()) {
            ReceiverLoans.Row row = loans.loan(id, event.id()).orElseThrow();
            return answer(row, person.name(), lent.out(), lent.stock(), false);
        }
        if (lent.sameIdHolder() != null) {
            if (!lent.sameIdHolder().equals(attendee.value().toString())) {
                throw Rejection.conflict("receivers.loan-id-used", id.toString());
            }
            ReceiverLoans.Row row = loans.loan(id, event.id())
                    .orElseThrow(() -> Rejection.conflict("receivers.loan-id-used", id.toString()));
            return answer(row, person.name(), lent.out(), lent.stock(), true);
        }
        if (lent.openId() != null) {
            ReceiverLoans.Row open = loans.loan(lent.openId(), event.id()).orElseThrow();
            throw Rejection.conflict("receivers.already-on-loan", clock(event, open.lentAt()))
                    .withProperty("loanId", open.id().toString())
                    .withProperty("lentAt", open.lentAt().toString());
        }
        throw Rejection.conflict("receivers.none-left", lent.stock())
                .withProperty("stock", lent.stock())
                .withProperty("out", lent.out());
    }

    /** Takes a receiver back; a second return answers the first (200, nothing changes). */
    public Loan giveBack(EventSchedule event, Caller caller, String loanId) {
        UUID id = loanId(loanId);
        ReceiverLoans.Returned returned = attempts.invoke(() -> loans.giveBack(id, event.id(), clock.instant(), caller.deskName())
                .orElseThrow(() -> Rejection.notFound("receivers.unknown-loan", loanId)));
        ReceiverLoans.Row loan = returned.loan();
        if (!returned.now() && loan.returnedAt() == null) {
            // another return committed while this one waited; its statement's snapshot predates it: read again
            loan = loans.loan(id, event.id()).orElseThrow();
        }
        String name = registrations.find(event, loan.registrationId()).map(Attendee::name).orElse(null);
        return answer(loan, name, returned.out(), returned.stock(), !returned.now());
    }

    public Optional<OpenLoan> openLoan(EventSchedule event, RegistrationId attendee) {
        if (event.receivers() == null) {
            return Optional.empty();
        }
        return loans.openLoanOf(event.id(), attendee).map(r -> new OpenLoan(r.id().toString(), r.lentAt()));
    }

    public Stock stock(EventSchedule event) {
        int[] s = loans.stock(event.id());
        return new Stock(s[0], s[1], Math.max(0, s[0] - s[1]));
    }

    /**
     * Stock, loans out, and per event day that has ended the loans still open at its end, with the attendee's name and
     * address (recorded in the access log as the organizer's view).
     */
    public ReceiverFigures figures(EventSchedule event, Caller caller) {
        Stock stock = stock(event);
        Instant now = clock.instant();
        record DayLoan(EventSchedule.Day day, ReceiverLoans.OpenAt loan) {
        }
        List<DayLoan> open = new ArrayList<>();
        for (EventSchedule.Day day : event.days()) {
            Instant end = event.instant(day.date(), day.end());
            if (event.receivers() != null && !end.isAfter(now)) {
                loans.openAt(event.id(), end).forEach(l -> open.add(new DayLoan(day, l)));
            }
        }
        Map<RegistrationId, Attendee> people = registrations.findAll(open.stream().map(d -> d.loan().registrationId()).distinct().toList())
                .stream().collect(Collectors.toMap(Attendee::id, Function.identity()));
        List<ReceiverFigures.Overdue> overdue = open.stream().map(d -> {
            Attendee a = people.get(d.loan().registrationId());
            return new ReceiverFigures.Overdue(d.day().date(), d.loan().id().toString(), d.loan().registrationId(),
                    a == null ? "" : a.name(), a == null ? "" : a.email(), a == null ? null : a.company(), d.loan().lentAt(),
                    d.loan().lentBy(), d.loan().returnedAt());
        }).toList();
        if (!overdue.isEmpty()) {
            publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "RECEIVERS_OVERDUE", people.size(), null));
        }
        return new ReceiverFigures(stock.stock(), stock.out(), stock.left(), overdue);
    }

    private Loan answer(ReceiverLoans.Row loan, @Nullable String name, int out, int stock, boolean duplicate) {
        return new Loan(loan.id().toString(), loan.registrationId().value().toString(), name, loan.lentAt(), loan.returnedAt(),
                out, stock, Math.max(0, stock - out), duplicate);
    }

    /** The registration; 400 unless exactly one credential, 422 for a forged ticket, 404 for an unbound badge. */
    private RegistrationId registrationOf(EventSchedule event, LoanRequest.@Nullable Credential credential) {
        String ticket = credential == null || blank(credential.ticket()) ? null : credential.ticket();
        String nfcUid = credential == null || blank(credential.nfcUid()) ? null : credential.nfcUid();
        if (ticket != null && nfcUid != null) {
            throw Rejection.badRequest("receivers.credential-both");
        }
        if (ticket != null) {
            return tickets.verify(event, ticket);
        }
        if (nfcUid == null) {
            throw Rejection.badRequest("receivers.credential-required");
        }
        String uid = nfcUid.strip();
        return checkins.registrationForBadge(event.id(), uid).orElseThrow(() -> Rejection.notFound("receivers.unknown-badge", uid));
    }

    private static String clock(EventSchedule event, Instant at) {
        return at.atZone(event.zone()).toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' ');
    }

    /** The device's id for a loan (made here if it sent none). */
    private static UUID loanId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return UUID.randomUUID();
        }
        try {
            if (text.strip().length() != 36) {
                throw new IllegalArgumentException("not in the 8-4-4-4-12 form");
            }
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("receivers.loan-id-invalid", text);
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
