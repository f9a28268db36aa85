package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import dev.confer.tickets.Tickets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Team registration: up to {@value TeamValidation#MAX_MEMBERS} people, each with a registration, a ticket and a
 * mail of their own, registered all or nothing in one transaction — all confirmed, or (only when asked) all
 * waitlisted with consecutive places in the queue, or nobody. With {@code registration.verifyEmail} the team's places
 * are held PENDING under one hold (the verify hold, 30 minutes by default): one verification mail goes to the lead
 * only, opening its link confirms every member at once ({@link Registrations#verify}) and only then does each member
 * get their own mail; a hold that runs out returns all the team's places together ({@link Registrations#expireHold}).
 *
 * <p>Locks are taken in the order {@link Registrations} documents: the members' e-mail index entries (inserted
 * in e-mail order), then — on the slow path only — the event's waitlist row, then the capacity shards. The
 * places are taken by one statement ({@link Capacity#takePlaces}) as the last statement before commit, so the
 * event's shards are held only while PostgreSQL runs it and flushes the commit.
 */
@Service
public class Teams {

    /** The most people one team registers, the lead included. */
    public static final int MAX_MEMBERS = TeamValidation.MAX_MEMBERS;

    /** A team that lost the race for the last places (or a lock cycle) is tried five times before the client is asked to. */
    private final RetryTemplate attempts = new RetryTemplate(RetryPolicy.builder().includes(Raced.class).maxRetries(4)
            .delay(Duration.ofMillis(2)).jitter(Duration.ofMillis(2)).multiplier(2).maxDelay(Duration.ofMillis(50)).build());

    private final Capacity capacity;
    private final TeamStore store;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final Tickets tickets;
    private final RegistrationWindow window;
    private final java.time.Clock clock;
    private final RegistrationSettings settings;

    Teams(Capacity capacity, TeamStore store, ApplicationEventPublisher publisher, TransactionTemplate transaction,
          RegistrationWindow window, Tickets tickets, java.time.Clock clock, RegistrationSettings settings) {
        this.tickets = tickets;
        this.clock = clock;
        this.settings = settings;
        this.capacity = capacity;
        this.store = store;
        this.publisher = publisher;
        this.transaction = transaction;
        this.window = window;
    }

    /**
     * Registers a team (the first member is its lead). 400 for bad input (every problem with its pointer), 409
     * when a member is registered already (property {@code emails}) or when the team does not fit (properties
     * {@code placesLeft}, {@code waitlistLeft}, {@code members}); nothing changes when one is thrown.
     */
    public TeamOutcome register(EventSchedule event, NewTeam input, Language defaultLanguage) {
        Language language = TeamValidation.validate(input, defaultLanguage);
        Registrations.requireConsent(event, input.consents());
        if (event.privacy() != null && !input.membersWereInformed()) {
            throw new Rejection(400, "teams.members-informed-required",
                    List.of(new Rejection.FieldProblem("/membersInformed", "teams.members-informed-required")));
        }
        window.requireOpen(event);
        List<NewTeam.Member> members = List.copyOf(input.members());
        refuseRegisteredMembers(event, members);
        TeamStore.Draft team = new TeamStore.Draft(TeamId.random(), event.id(), input.name().strip(), language,
                input.company() == null || input.company().isBlank() ? null : input.company().strip(), members,
                members.stream().map(m -> RegistrationId.random()).toList(), input.consents(),
                event.privacy() == null ? null : event.privacy().noticeVersion());
        team.ids().forEach(id -> tickets.issue(event, id)); // signed here, not while the transaction holds its locks
        try {
            return attempts.invoke(() -> attempt(event, team, input.wantsWaitlist()));
        } catch (Raced e) {
            throw new Rejection(503, "teams.busy", team.size());
        }
    }

    /** One try, fast path then slow path; {@link Raced} when it must start afresh (nothing of it was kept). */
    private TeamOutcome attempt(EventSchedule event, TeamStore.Draft team, boolean mayWaitlist) {
        try {
            TeamOutcome outcome = capacity.free(event.id()) >= team.size() ? transaction.execute(status -> {
                TeamOutcome confirmed = confirm(event, team);
                if (confirmed == null) {
                    status.setRollbackOnly(); // the places went meanwhile: drop the inserts, decide under the waitlist row
                }
                return confirmed;
            }) : null;
            if (outcome == null) {
                outcome = transaction.execute(status -> {
                    TeamOutcome decided = confirmOrWaitlist(event, team, mayWaitlist);
                    if (decided == null) {
                        status.setRollbackOnly();
                    }
                    return decided;
                });
            }
            if (outcome == null) {
                throw new Raced(); // single registrations took the places between reading and taking them
            }
            return outcome;
        } catch (DuplicateKeyException e) {
            refuseRegisteredMembers(event, team.members()); // someone registered one of the members meanwhile
            throw new Raced();
        } catch (PessimisticLockingFailureException e) {
            throw new Raced(); // PostgreSQL broke a lock cycle
        }
    }

    /** An attempt that lost a race and changed nothing; the next one starts from the beginning. */
    private static final class Raced extends RuntimeException {
        Raced() {
            super(null, null, false, false);
        }
    }

    /** The fast path's body: insert, then {@link #takeEveryPlace}; null if too few places were free. */
    private @Nullable TeamOutcome confirm(EventSchedule event, TeamStore.Draft team) {
        store.insert(team, holdUntil(event));
        tickets.keep(event, team.ids());
        return takeEveryPlace(event, team);
    }

    /**
     * The slow path, holding the waitlist row: cancellations and promotions wait, so free places can only
     * shrink (single registrations still take them) and a count read now that is too small stays too small.
     * Null when the places read as free went before the statement could take them: the caller starts afresh.
     */
    private @Nullable TeamOutcome confirmOrWaitlist(EventSchedule event, TeamStore.Draft team, boolean mayWaitlist) {
        store.insert(team, holdUntil(event));
        tickets.keep(event, team.ids());
        capacity.lockWaitlist(event.id());
        int free = capacity.free(event.id());
        if (free >= team.size()) {
            return takeEveryPlace(event, team);
        }
        int waitlistLeft = capacity.waitlistLeft(event.id());
        Long first = mayWaitlist && waitlistLeft >= team.size() ? capacity.joinWaitlist(event.id(), team.size()) : null;
        if (first == null) {
            throw noRoom(free, waitlistLeft, team.size());
        }
        store.waitlist(team.teamId(), first);
        int position = store.waitlistPosition(event.id(), first);
        publishRegistered(event, team, RegistrationStatus.WAITLISTED);
        return outcome(team, RegistrationStatus.WAITLISTED,
                IntStream.range(0, team.size()).<@Nullable Integer>mapToObj(i -> position + i).toList());
    }

    /**
     * Queues every member's mail (held: the lead's verification mail only), then takes all places as the
     * transaction's last statement; null if too few were free.
     */
    private @Nullable TeamOutcome takeEveryPlace(EventSchedule event, TeamStore.Draft team) {
        RegistrationStatus placed = event.registration().verifiesEmail() ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
        if (placed == RegistrationStatus.PENDING) {
            publisher.publishEvent(new Registered(team.ids().getFirst(), event.id(), event.slug(), placed, team.language()));
        } else {
            publishRegistered(event, team, placed);
        }
        if (!capacity.takePlaces(event.id(), team.size())) {
            return null;
        }
        return outcome(team, placed, Collections.nCopies(team.size(), null));
    }

    /** The team hold's end with registration.verifyEmail, else null (confirmed at once). */
    private java.time.@Nullable Instant holdUntil(EventSchedule event) {
        return event.registration().verifiesEmail() ? java.time.Instant.now(clock).plus(settings.verifyHold()) : null;
    }

    private void publishRegistered(EventSchedule event, TeamStore.Draft team, RegistrationStatus status) {
        for (RegistrationId id : team.ids()) {
            publisher.publishEvent(new Registered(id, event.id(), event.slug(), status, team.language()));
        }
    }

    private static TeamOutcome outcome(TeamStore.Draft team, RegistrationStatus status, List<@Nullable Integer> positions) {
        List<TeamMember> members = new ArrayList<>(team.size());
        for (int i = 0; i < team.size(); i++) {
            NewTeam.Member m = team.members().get(i);
            members.add(new TeamMember(team.ids().get(i), m.name().strip(), m.email().strip(), status));
        }
        return new TeamOutcome(new Team(team.teamId(), team.eventId(), team.name(), team.ids().getFirst(), members),
                status, positions);
    }

    /**
     * One SELECT for the whole team: 409 when a member is registered for the event already. It names the first
     * such member only (in the team's order), as a single registration with that address would: a team of 50
     * probe addresses must not tell a stranger which of 50 people are registered in one request. The lead leaves
     * that member out and sends again.
     */
    private void refuseRegisteredMembers(EventSchedule event, List<NewTeam.Member> members) {
        List<String> registered = store.registered(event.id(), members.stream().map(m -> m.email().strip()).toList());
        if (registered.isEmpty()) {
            return;
        }
        List<String> keys = registered.stream().map(TeamValidation::key).toList();
        for (int i = 0; i < members.size(); i++) {
            int found = keys.indexOf(TeamValidation.key(members.get(i).email()));
            if (found >= 0) {
                String email = registered.get(found);
                throw new Rejection(409, "teams.already-registered",
                        List.of(new Rejection.FieldProblem("/members/" + i + "/email", "teams.member-registered", email)), email, 1)
                        .withProperty("emails", List.of(email));
            }
        }
    }

    private static Rejection noRoom(int placesLeft, int waitlistLeft, int members) {
        return Rejection.conflict(waitlistLeft >= members ? "teams.not-enough-places" : "teams.no-room",
                        placesLeft, members, waitlistLeft)
                .withProperty("placesLeft", placesLeft)
                .withProperty("waitlistLeft", waitlistLeft)
                .withProperty("members", members);
    }

    /** The team a registration belongs to, if it was registered with one. */
    public Optional<Team> teamOf(RegistrationId registrationId) {
        return store.teamOf(registrationId).flatMap(store::find);
    }

    public Optional<Team> find(EventSchedule event, TeamId teamId) {
        return store.find(teamId).filter(t -> t.eventId() == event.id());
    }

    /** Until when the team's places are held for its lead to confirm (registration.verifyEmail); empty once confirmed. */
    public Optional<java.time.Instant> heldUntil(Team team) {
        return store.heldUntil(team.id());
    }

    /** How long a team's (and anyone's) places are held unverified. */
    public Duration verifyHold() {
        return settings.verifyHold();
    }

    /** The places in the waitlist queue of a team's waitlisted members, by registration id (one query). */
    public Map<RegistrationId, Integer> waitlistPositions(Team team) {
        return store.waitlistPositions(team.id());
    }
}
