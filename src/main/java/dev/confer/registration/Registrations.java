package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Throttle;
import dev.confer.shared.Language;
import dev.confer.shared.LockConflicts;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registration module's API. Confirmed never exceeds the capacity and waitlisted never exceeds
 * the waitlist size, whatever the concurrency: both are enforced by the row updates in
 * {@link Capacity} and by CHECK constraints in the database.
 */
@Service
public class Registrations {

    /**
     * A bare address (RFC 5322 addr-spec with a dot-atom local part, a DNS domain): no display name, comment,
     * quoted string or angle brackets, so what is stored is exactly where the mail goes, and one inbox is one
     * address (unique ignoring case).
     */
    static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$");

    private final Capacity capacity;
    private final RegistrationStore store;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final RegistrationWindow window;
    // PostgreSQL broke a lock cycle: the attempt changed nothing, so it starts afresh (three attempts in all)
    private final RetryTemplate lockConflicts = LockConflicts.retrying(2);

    private final Throttle throttle;
    private final java.time.Clock clock;
    private final RegistrationSettings settings;
    private final Tickets tickets;

    Registrations(Capacity capacity, RegistrationStore store, ApplicationEventPublisher publisher,
                  TransactionTemplate transaction, RegistrationWindow window, Throttle throttle, java.time.Clock clock,
                  RegistrationSettings settings, Tickets tickets) {
        this.tickets = tickets;
        this.throttle = throttle;
        this.clock = clock;
        this.settings = settings;
        this.capacity = capacity;
        this.store = store;
        this.publisher = publisher;
        this.transaction = transaction;
        this.window = window;
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
    public Outcome register(EventSchedule event, NewRegistration input, Language defaultLanguage) {
        return register(event, input, defaultLanguage, true);
    }

    /**
     * As {@link #register(EventSchedule, NewRegistration, Language)}, but with {@code mayWaitlist} false a
     * full event is refused (409 {@code registration.full-waitlist-open}) instead of waitlisting: the page
     * asks the person first and never puts anyone on the waitlist without their say.
     */
    public Outcome register(EventSchedule event, NewRegistration input, Language defaultLanguage, boolean mayWaitlist) {
        Language language = validate(input, defaultLanguage);
        requireConsent(event, input.consents());
        window.requireOpen(event);
        throttle.attempt("registration-email", Objects.requireNonNull(input.email())); // after validation: a refused form costs no attempt
        RegistrationId id = RegistrationId.random();
        RegistrationStatus placed = placedStatus(event);
        tickets.issue(event, id); // signed here, not while the transaction holds its locks; kept with the row below
        return lockConflicts.invoke(() -> {
            Outcome confirmed = transaction.execute(status -> {
                Attendee attendee = insert(event, id, input, language, placed, null);
                tickets.keep(event, id);
                publisher.publishEvent(new Registered(id, event.id(), event.slug(), placed, language));
                if (capacity.tryTakePlace(event.id())) {
                    return new Outcome(attendee, null);
                }
                status.setRollbackOnly();
                return null;
            });
            if (confirmed != null) {
                return confirmed;
            }
            return Objects.requireNonNull(transaction.execute(status -> confirmOrWaitlist(event, id, input, language, mayWaitlist)));
        });
    }

    private Outcome confirmOrWaitlist(EventSchedule event, RegistrationId id, NewRegistration input, Language language,
                                      boolean mayWaitlist) {
        RegistrationStatus placed = placedStatus(event);
        Attendee attendee = insert(event, id, input, language, placed, null);
        tickets.keep(event, id);
        capacity.lockWaitlist(event.id());
        if (capacity.takePlace(event.id())) {
            publisher.publishEvent(new Registered(id, event.id(), event.slug(), placed, language));
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
        publisher.publishEvent(new Registered(id, event.id(), event.slug(), RegistrationStatus.WAITLISTED, language));
        return new Outcome(attendee.waitlisted(seq), store.waitlistPosition(event.id(), seq));
    }

    private Attendee insert(EventSchedule event, RegistrationId id, NewRegistration input, Language language,
                            RegistrationStatus status, @Nullable Long seq) {
        try {
            return store.insert(id, event.id(), input, language, status, seq,
                    event.privacy() == null ? null : event.privacy().noticeVersion(),
                    status == RegistrationStatus.PENDING ? java.time.Instant.now(clock).plus(settings.verifyHold()) : null);
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("registration.duplicate-email", input.email());
        }
    }

    /** Cancels; a freed confirmed place goes to the first waitlisted registration (FIFO). */
    @Transactional
    public Attendee cancel(EventSchedule event, RegistrationId id) {
        capacity.lockWaitlist(event.id()); // first, as every slow path does
        RegistrationStore.Held held = store.lock(event.id(), id)
                .orElseThrow(() -> Rejection.notFound("registration.not-found", id));
        if (held.status() == RegistrationStatus.CANCELLED) {
            return store.find(event.id(), id).orElseThrow();
        }
        if (held.status() == RegistrationStatus.CONFIRMED || held.status() == RegistrationStatus.PENDING) {
            Optional<Attendee> next = store.lockFirstWaitlisted(event.id());
            if (next.isPresent()) {
                moveUp(event, next.get()); // the place passes on: no shard changes
                capacity.leaveWaitlist(event.id());
            } else {
                capacity.releasePlace(event.id());
            }
        } else {
            capacity.leaveWaitlist(event.id());
        }
        store.cancel(id);
        publisher.publishEvent(new Cancelled(id, event.id(), event.slug())); // lab seats are released after commit (access)
        return store.find(event.id(), id).orElseThrow();
    }

    /**
     * The first waitlisted registration takes a freed place: confirmed, or with registration.verifyEmail held PENDING
     * for the verify hold (its address was never checked; an expired hold passes the place on again).
     */
    private void moveUp(EventSchedule event, Attendee next) {
        boolean held = event.registration().verifiesEmail();
        if (held) {
            store.hold(next.id(), java.time.Instant.now(clock).plus(settings.verifyHold()));
        } else {
            store.confirm(next.id());
        }
        publisher.publishEvent(new Promoted(next.id(), event.id(), event.slug(), next.language(), held));
    }

    /** How long a PENDING registration holds its place unverified. */
    public java.time.Duration verifyHold() {
        return settings.verifyHold();
    }

    /** With registration.verifyEmail a new place is held PENDING until the address is verified. */
    private static RegistrationStatus placedStatus(EventSchedule event) {
        return event.registration().verifiesEmail() ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
    }

    /**
     * The link in the mail was opened: a PENDING registration whose hold has not run out becomes CONFIRMED (and gets
     * its confirmation mail with the ticket); a confirmed one stays so (the link may be opened twice); one whose
     * hold ran out is refused with 410, its place already given back. Locks only the registration row.
     */
    @Transactional
    public Attendee verify(EventSchedule event, RegistrationId id) {
        Optional<RegistrationStore.TeamHold> team = store.teamHold(id);
        if (team.isPresent()) {
            return verifyTeam(event, id, team.get());
        }
        RegistrationStore.Held held = store.lock(event.id(), id)
                .orElseThrow(() -> Rejection.notFound("registration.not-found", id));
        if (held.status() == RegistrationStatus.CONFIRMED) {
            return store.find(event.id(), id).orElseThrow();
        }
        java.time.Instant now = java.time.Instant.now(clock);
        if (held.status() != RegistrationStatus.PENDING || store.holdUntil(id).map(until -> !now.isBefore(until)).orElse(true)) {
            throw new Rejection(410, "registration.hold-expired");
        }
        store.confirm(id);
        Attendee attendee = store.find(event.id(), id).orElseThrow();
        publisher.publishEvent(new Registered(id, event.id(), event.slug(), RegistrationStatus.CONFIRMED, attendee.language()));
        return attendee;
    }

    /**
     * A team's hold (registration.verifyEmail): only the lead's link confirms, and it confirms every member still
     * PENDING in this one transaction, each then getting their own confirmation mail with the ticket (members heard
     * nothing before). A member's own link is refused (409): their address was never the point, the lead's was, and a
     * member's token comes from the lead. 410 once the hold ran out. Locks the team row, then its registration rows.
     */
    private Attendee verifyTeam(EventSchedule event, RegistrationId id, RegistrationStore.TeamHold team) {
        if (!team.leadId().equals(id)) {
            throw Rejection.conflict("teams.verify-by-lead");
        }
        Optional<List<RegistrationId>> pending = store.lockTeamHold(team.teamId());
        if (pending.isEmpty()) { // verified (or expired) meanwhile: as a single registration's second click
            Attendee lead = store.find(event.id(), id).orElseThrow(() -> Rejection.notFound("registration.not-found", id));
            if (lead.status() == RegistrationStatus.CONFIRMED) {
                return lead;
            }
            throw new Rejection(410, "registration.hold-expired");
        }
        if (!java.time.Instant.now(clock).isBefore(team.until()) || !pending.get().contains(id)) {
            throw new Rejection(410, "registration.hold-expired");
        }
        for (RegistrationId member : pending.get()) {
            store.confirm(member);
        }
        store.closeTeamHold(team.teamId());
        for (Attendee member : store.findAll(pending.get())) {
            publisher.publishEvent(new Registered(member.id(), event.id(), event.slug(), RegistrationStatus.CONFIRMED,
                    member.language()));
        }
        return store.find(event.id(), id).orElseThrow();
    }

    /**
     * Cancels a PENDING registration whose hold ran out, exactly as a cancellation: its place goes to the first
     * waitlisted registration, or back to the pool. A team's hold runs out for every member at once, in one
     * transaction: all its places come back together. False when it was verified or cancelled meanwhile.
     */
    @Transactional
    public boolean expireHold(EventSchedule event, RegistrationId id) {
        capacity.lockWaitlist(event.id()); // first, as every slow path does
        Optional<RegistrationStore.TeamHold> team = store.teamHold(id);
        if (team.isPresent()) {
            Optional<List<RegistrationId>> pending = store.lockTeamHold(team.get().teamId());
            if (pending.isEmpty() || java.time.Instant.now(clock).isBefore(team.get().until())) {
                return false;
            }
            for (RegistrationId member : pending.get()) {
                cancel(event, member);
            }
            store.closeTeamHold(team.get().teamId());
            return !pending.get().isEmpty();
        }
        java.util.Optional<RegistrationStore.Held> held = store.lock(event.id(), id);
        java.time.Instant now = java.time.Instant.now(clock);
        if (held.isEmpty() || held.get().status() != RegistrationStatus.PENDING
                || store.holdUntil(id).map(now::isBefore).orElse(true)) {
            return false;
        }
        cancel(event, id);
        return true;
    }

    /** Registrations whose hold ran out: (event id, registration id), at most {@code limit}. */
    List<java.util.Map.Entry<Long, RegistrationId>> expiredHolds(int limit) {
        return store.expiredHolds(java.time.Instant.now(clock), limit);
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
            moveUp(event, next.get());
            capacity.leaveWaitlist(event.id());
        }
    }

    public Optional<Attendee> find(EventSchedule event, RegistrationId id) {
        return store.find(event.id(), id);
    }

    public Optional<Attendee> find(RegistrationId id) {
        return store.find(id);
    }

    public List<Attendee> findAll(Collection<RegistrationId> ids) {
        return store.findAll(ids);
    }

    public @Nullable Integer waitlistPosition(Attendee attendee) {
        return attendee.status() == RegistrationStatus.WAITLISTED && attendee.waitlistSeq() != null
                ? store.waitlistPosition(attendee.eventId(), attendee.waitlistSeq()) : null;
    }

    /** Places and waitlist places left: two small reads, cheap enough for every view of the form. */
    public Availability availability(EventSchedule event) {
        Availability.Phase phase = window.phase(event);
        return new Availability(event.capacity(), capacity.confirmed(event.id()), event.waitlist(), capacity.waiting(event.id()),
                phase, phase == Availability.Phase.NOT_OPEN ? window.opensAt(event) : null);
    }

    public Map<RegistrationStatus, Integer> countByStatus(EventSchedule event) {
        return store.countByStatus(event.id());
    }

    /** The ids of an event's registrations in one status, e.g. everyone a reminder mail goes to. */
    public List<RegistrationId> idsWithStatus(EventSchedule event, RegistrationStatus status) {
        return store.idsWithStatus(event.id(), status);
    }

    public List<Attendee> search(EventSchedule event, @Nullable RegistrationStatus status, @Nullable String query,
                                 int limit, int offset) {
        return store.search(event.id(), status, query, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
    }

    /**
     * Where the event has a privacy notice, registering needs consent to processing (400 naming
     * {@code /consents/processing}); without a notice nothing is asked, and what is given is still recorded.
     */
    static void requireConsent(EventSchedule event, @Nullable Consents consents) {
        if (event.privacy() != null && (consents == null || !consents.processingGiven())) {
            throw new Rejection(400, "registration.consent-required",
                    List.of(new Rejection.FieldProblem("/consents/processing", "registration.consent-required")));
        }
    }

    private static Language validate(NewRegistration input, Language defaultLanguage) {
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
        Language language = defaultLanguage;
        if (input.locale() != null && !input.locale().isBlank()) {
            Optional<Language> chosen = Language.parse(input.locale());
            if (chosen.isPresent()) {
                language = chosen.get();
            } else {
                problems.add(new Rejection.FieldProblem("/locale", "registration.locale", input.locale()));
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejection(400, problems.size() == 1 ? problems.getFirst().messageKey() : "registration.invalid",
                    problems, problems.size() == 1 ? problems.getFirst().args() : new Object[]{problems.size()});
        }
        return language;
    }
}
