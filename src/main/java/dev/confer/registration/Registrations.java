package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private final Capacity capacity;
    private final RegistrationStore store;
    private final ApplicationEventPublisher publisher;

    Registrations(Capacity capacity, RegistrationStore store, ApplicationEventPublisher publisher) {
        this.capacity = capacity;
        this.store = store;
        this.publisher = publisher;
    }

    public record Outcome(Attendee attendee, @Nullable Integer waitlistPosition) {
    }

    @Transactional
    public Outcome register(EventSchedule event, NewRegistration input, String defaultLocale) {
        String locale = validate(input, defaultLocale);
        UUID id = UUID.randomUUID();
        RegistrationStatus status = RegistrationStatus.CONFIRMED;
        Long seq = null;
        Integer shard = capacity.tryTakePlace(event.id());
        if (shard == null) {
            capacity.lockWaitlist(event.id());
            shard = capacity.takePlace(event.id());
            if (shard == null) {
                seq = capacity.joinWaitlist(event.id());
                if (seq == null) {
                    throw Rejection.conflict("registration.full");
                }
                status = RegistrationStatus.WAITLISTED;
            }
        }
        Attendee attendee;
        try {
            attendee = store.insert(id, event.id(), input, locale, status, shard, seq);
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("registration.duplicate-email", input.email());
        }
        publisher.publishEvent(new Registered(id, event.id(), event.slug(), status, locale));
        return new Outcome(attendee, seq == null ? null : store.waitlistPosition(event.id(), seq));
    }

    /** Cancels; a freed confirmed place goes to the first waitlisted registration (FIFO). */
    @Transactional
    public Attendee cancel(EventSchedule event, UUID id) {
        RegistrationStore.Held held = store.lock(event.id(), id)
                .orElseThrow(() -> Rejection.notFound("registration.not-found", id));
        if (held.status() == RegistrationStatus.CANCELLED) {
            return store.find(event.id(), id).orElseThrow();
        }
        capacity.lockWaitlist(event.id());
        if (held.status() == RegistrationStatus.CONFIRMED) {
            Optional<Attendee> next = store.lockFirstWaitlisted(event.id());
            if (next.isPresent()) {
                store.confirm(next.get().id(), held.shard());
                capacity.leaveWaitlist(event.id());
                publisher.publishEvent(new Promoted(next.get().id(), event.id(), event.slug(), next.get().locale()));
            } else {
                capacity.releasePlace(event.id(), held.shard());
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
            Integer shard = capacity.takePlace(event.id());
            if (shard == null) {
                return;
            }
            store.confirm(next.get().id(), shard);
            capacity.leaveWaitlist(event.id());
            publisher.publishEvent(new Promoted(next.get().id(), event.id(), event.slug(), next.get().locale()));
        }
    }

    public Optional<Attendee> find(EventSchedule event, UUID id) {
        return store.find(event.id(), id);
    }

    /**
     * Reads a registration and holds it as it is until the caller's transaction ends: a concurrent
     * cancellation waits, so nobody is let in on a registration that was cancelled meanwhile.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<Attendee> findAndHold(EventSchedule event, UUID id) {
        return store.findAndHold(event.id(), id);
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

    public Map<RegistrationStatus, Integer> countByStatus(EventSchedule event) {
        return store.countByStatus(event.id());
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
