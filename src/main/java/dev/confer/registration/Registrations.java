package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The registration module's API. Confirmed never exceeds the capacity and waitlisted never exceeds
 * the waitlist size, whatever the concurrency: both are enforced by the row updates in
 * {@link Capacity} and by CHECK constraints in the database.
 */
@Service
public class Registrations {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private final Capacity capacity;
    private final RegistrationStore store;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;

    Registrations(Capacity capacity, RegistrationStore store, ApplicationEventPublisher publisher,
                  TransactionTemplate transaction) {
        this.capacity = capacity;
        this.store = store;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    public record Outcome(Attendee attendee, @Nullable Integer waitlistPosition) {
    }

    /**
     * Registers someone: confirmed while places last, then waitlisted while the waitlist lasts, else 409.
     *
     * <p>Locks are always taken in one order — a new registration's own e-mail entry, then the event's
     * waitlist row, then existing registration rows, then capacity shards — so registrations and
     * cancellations do not deadlock (and if PostgreSQL ever breaks a cycle, the registration is retried). The fast path takes a place from a shard as its last statement, so the shard is
     * held only for the commit; when it finds no place it rolls back (dropping any lock PostgreSQL kept
     * on a shard it had to re-check) and the slow path starts afresh from the waitlist row.
     */
    public Outcome register(EventSchedule event, NewRegistration input, String defaultLocale) {
        return register(event, input, defaultLocale, true);
    }

    /**
     * As {@link #register(EventSchedule, NewRegistration, String)}, but with {@code mayWaitlist} false a
     * full event is refused (409 {@code registration.full-waitlist-open}) instead of waitlisting: the page
     * asks the person first and never puts anyone on the waitlist without their say.
     */
    public Outcome register(EventSchedule event, NewRegistration input, String defaultLocale, boolean mayWaitlist) {
        String locale = validate(input, defaultLocale);
        UUID id = UUID.randomUUID();
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome confirmed = transaction.execute(status -> {
                    Attendee attendee = insert(event, id, input, locale, RegistrationStatus.CONFIRMED, null);
                    publisher.publishEvent(new Registered(id, event.id(), event.slug(), RegistrationStatus.CONFIRMED, locale));
                    if (capacity.tryTakePlace(event.id())) {
                        return new Outcome(attendee, null);
                    }
                    status.setRollbackOnly();
                    return null;
                });
                if (confirmed != null) {
                    return confirmed;
                }
                return Objects.requireNonNull(transaction.execute(status -> confirmOrWaitlist(event, id, input, locale, mayWaitlist)));
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e; // PostgreSQL broke a lock cycle three times in a row: let the client retry
                }
            }
        }
    }

    private Outcome confirmOrWaitlist(EventSchedule event, UUID id, NewRegistration input, String locale, boolean mayWaitlist) {
        Attendee attendee = insert(event, id, input, locale, RegistrationStatus.CONFIRMED, null);
        capacity.lockWaitlist(event.id());
        if (capacity.takePlace(event.id())) {
            publisher.publishEvent(new Registered(id, event.id(), event.slug(), RegistrationStatus.CONFIRMED, locale));
            return new Outcome(attendee, null);
        }
        if (!mayWaitlist) {
            throw Rejection.conflict(capacity.waiting(event.id()) < event.waitlist() ? "registration.full-waitlist-open" : "registration.full");
        }
        Long seq = capacity.joinWaitlist(event.id());
        if (seq == null) {
            throw Rejection.conflict("registration.full");
        }
        store.waitlist(id, seq);
        publisher.publishEvent(new Registered(id, event.id(), event.slug(), RegistrationStatus.WAITLISTED, locale));
        Attendee waitlisted = new Attendee(id, event.id(), attendee.name(), attendee.email(), attendee.company(),
                attendee.jobTitle(), locale, RegistrationStatus.WAITLISTED, seq, attendee.registeredAt());
        return new Outcome(waitlisted, store.waitlistPosition(event.id(), seq));
    }

    private Attendee insert(EventSchedule event, UUID id, NewRegistration input, String locale, RegistrationStatus status,
                            @Nullable Long seq) {
        try {
            return store.insert(id, event.id(), input, locale, status, seq);
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("registration.duplicate-email", input.email());
        }
    }

    /** Cancels; a freed confirmed place goes to the first waitlisted registration (FIFO). */
    @Transactional
    public Attendee cancel(EventSchedule event, UUID id) {
        capacity.lockWaitlist(event.id()); // first, as every slow path does
        RegistrationStore.Held held = store.lock(event.id(), id)
                .orElseThrow(() -> Rejection.notFound("registration.not-found", id));
        if (held.status() == RegistrationStatus.CANCELLED) {
            return store.find(event.id(), id).orElseThrow();
        }
        if (held.status() == RegistrationStatus.CONFIRMED) {
            Optional<Attendee> next = store.lockFirstWaitlisted(event.id());
            if (next.isPresent()) {
                store.confirm(next.get().id()); // the place passes on: no shard changes
                capacity.leaveWaitlist(event.id());
                publisher.publishEvent(new Promoted(next.get().id(), event.id(), event.slug(), next.get().locale()));
            } else {
                capacity.releasePlace(event.id());
            }
        } else {
            capacity.leaveWaitlist(event.id());
        }
        store.cancel(id);
        publisher.publishEvent(new Cancelled(id, event.id(), event.slug(), held.status()));
        return store.find(event.id(), id).orElseThrow();
    }

    /** Fills free confirmed places from the waitlist, first come first served (after capacity grew). */
    void promoteWhilePlacesFree(EventSchedule event) {
        capacity.lockWaitlist(event.id());
        while (true) {
            Optional<Attendee> next = store.lockFirstWaitlisted(event.id());
            if (next.isEmpty()) {
                return;
            }
            if (!capacity.takePlace(event.id())) {
                return;
            }
            store.confirm(next.get().id());
            capacity.leaveWaitlist(event.id());
            publisher.publishEvent(new Promoted(next.get().id(), event.id(), event.slug(), next.get().locale()));
        }
    }

    public Optional<Attendee> find(EventSchedule event, UUID id) {
        return store.find(event.id(), id);
    }

    public Optional<Attendee> find(UUID id) {
        return store.find(id);
    }

    public List<Attendee> findAll(Collection<UUID> ids) {
        return store.findAll(ids);
    }

    public @Nullable Integer waitlistPosition(Attendee attendee) {
        return attendee.status() == RegistrationStatus.WAITLISTED && attendee.waitlistSeq() != null
                ? store.waitlistPosition(attendee.eventId(), attendee.waitlistSeq()) : null;
    }

    /** Places and waitlist places left: two small reads, cheap enough for every view of the form. */
    public Availability availability(EventSchedule event) {
        return new Availability(event.capacity(), capacity.confirmed(event.id()), event.waitlist(), capacity.waiting(event.id()));
    }

    public Map<RegistrationStatus, Integer> countByStatus(EventSchedule event) {
        return store.countByStatus(event.id());
    }

    /** The ids of an event's registrations in one status, e.g. everyone a reminder mail goes to. */
    public List<UUID> idsWithStatus(EventSchedule event, RegistrationStatus status) {
        return store.idsWithStatus(event.id(), status);
    }

    public List<Attendee> search(EventSchedule event, @Nullable RegistrationStatus status, @Nullable String query,
                                 int limit, int offset) {
        return store.search(event.id(), status, query, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
    }

    private static String validate(NewRegistration input, String defaultLocale) {
        List<Rejection.FieldProblem> problems = new java.util.ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            problems.add(new Rejection.FieldProblem("/name", "registration.name-required"));
        } else if (input.name().length() > 200) {
            problems.add(new Rejection.FieldProblem("/name", "registration.too-long", 200));
        }
        if (input.email() == null || input.email().isBlank()) {
            problems.add(new Rejection.FieldProblem("/email", "registration.email-required"));
        } else if (input.email().length() > 254 || !EMAIL.matcher(input.email().strip()).matches()) {
            problems.add(new Rejection.FieldProblem("/email", "registration.email-invalid", input.email()));
        }
        if (input.company() != null && input.company().length() > 200) {
            problems.add(new Rejection.FieldProblem("/company", "registration.too-long", 200));
        }
        if (input.jobTitle() != null && input.jobTitle().length() > 200) {
            problems.add(new Rejection.FieldProblem("/jobTitle", "registration.too-long", 200));
        }
        String locale = input.locale() == null || input.locale().isBlank() ? defaultLocale : input.locale();
        if (!locale.equals("ko") && !locale.equals("en")) {
            problems.add(new Rejection.FieldProblem("/locale", "registration.locale", locale));
        }
        if (!problems.isEmpty()) {
            throw new Rejection(400, problems.size() == 1 ? problems.getFirst().messageKey() : "registration.invalid",
                    problems, problems.size() == 1 ? problems.getFirst().args() : new Object[]{problems.size()});
        }
        return locale;
    }
}
