package dev.confer.access;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Group commit for a device's synced taps ({@code POST .../sync}). Settled one by one, each tap of a batch was its
 * own commit plus three reads (registration, the day's check-in, then the statement), so a busy day's replay waited
 * on the disk once per tap. Here a run of taps is read with one query per table (registrations, check-ins, tap ids
 * seen before) and written by the same {@link Turnstile} statements as a live tap, one after the other in ONE
 * transaction with one commit. Each answer is the one the tap's own endpoint would give: the statements run in
 * scan-time order per tap point, and taps at different points touch different rows (the point's seat counter or
 * lead, then the attendee's attendance entry, then the tap's own row), so only the order within a point matters.
 * The group takes its points' rows in point order, one lock order for every group.
 *
 * <p>A group never half-commits (the shape of {@code checkin.FirstCheckins}): if any statement fails (a tap id sent
 * twice, the same attendee at another door at the same moment, a deadlock victim), the whole group rolls back and each
 * of its taps is settled again on its own by {@link DoorTaps#settleOffline}, as without grouping, so each gets the
 * answer or refusal it would have got alone.
 */
@Service
public class SyncedTaps {

    private final DoorTaps taps;
    private final Registrations registrations;
    private final Checkins checkins;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    SyncedTaps(DoorTaps taps, Registrations registrations, Checkins checkins, TransactionTemplate transaction, JdbcClient jdbc) {
        this.taps = taps;
        this.registrations = registrations;
        this.checkins = checkins;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** A synced tap that passed the endpoint's checks, waiting for its group; knows whose it is. */
    public static final class Pending {
        private final TapRequest request;
        private final DoorTaps.Accepted accepted;

        private Pending(TapRequest request, DoorTaps.Accepted accepted) {
            this.request = request;
            this.accepted = accepted;
        }

        public RegistrationId attendee() {
            return accepted.attendee();
        }
    }

    /** One tap's outcome: its answer, or the refusal (or failure) its endpoint would have thrown. */
    public record Outcome(@Nullable TapAnswer answer, @Nullable RuntimeException refusal) {
    }

    /**
     * Checks a synced tap as its endpoint would (and throws the same {@code Rejection}), without reading or writing the
     * tables a tap writes; the tap is settled by {@link #settle}.
     */
    public Pending accept(EventSchedule event, Caller caller, TapRequest request) {
        return new Pending(request, taps.accept(event, caller, request));
    }

    /** Settles a group of accepted taps (given in scan-time order); the outcomes in the same order. */
    public List<Outcome> settle(EventSchedule event, Caller caller, List<Pending> group) {
        if (group.isEmpty()) {
            return List.of();
        }
        Set<UUID> seenBefore = seenBefore(group);
        Map<RegistrationId, Attendee> people = registrations.findAll(group.stream().map(Pending::attendee).collect(Collectors.toSet()))
                .stream().filter(a -> a.eventId() == event.id())
                .collect(Collectors.toMap(Attendee::id, Function.identity()));
        Map<LocalDate, Set<RegistrationId>> checkedIn = new HashMap<>();
        group.stream().collect(Collectors.groupingBy(p -> event.localDate(p.accepted.at()),
                        Collectors.mapping(Pending::attendee, Collectors.toSet())))
                .forEach((day, ids) -> checkedIn.put(day, checkins.checkedInAt(event, ids, day).keySet()));

        Outcome[] outcomes = new Outcome[group.size()];
        List<Integer> together = new ArrayList<>();
        Map<Integer, DoorTaps.Decided> decided = new HashMap<>();
        for (int i = 0; i < group.size() && seenBefore.isEmpty(); i++) { // a resent batch: each on its own, in order
            Pending p = group.get(i);
            try {
                boolean inToday = checkedIn.getOrDefault(event.localDate(p.accepted.at()), Set.of()).contains(p.attendee());
                decided.put(i, DoorTaps.decide(p.accepted, Optional.ofNullable(people.get(p.attendee())), inToday));
                together.add(i);
            } catch (RuntimeException refused) {
                outcomes[i] = new Outcome(null, refused);
            }
        }
        // per point in scan-time order (a stable sort), the points in one order for every group
        together.sort(Comparator.comparing((Integer i) -> group.get(i).accepted.point().text()));
        Map<Integer, TapAnswer> answered = together.size() < 2 ? null : inOneCommit(event, group, together, decided);
        for (int i = 0; i < group.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            Pending p = group.get(i);
            TapAnswer answer = answered == null ? null : answered.get(i);
            if (answer != null) {
                taps.recorded(event, p.accepted, answer);
                outcomes[i] = new Outcome(answer, null);
                continue;
            }
            try { // alone, exactly as the single endpoint
                outcomes[i] = new Outcome(taps.settleOffline(event, caller, p.request), null);
            } catch (RuntimeException e) {
                outcomes[i] = new Outcome(null, e);
            }
        }
        return List.of(outcomes);
    }

    /** The taps' statements in one transaction; null when it rolled back (then each is settled alone). */
    private @Nullable Map<Integer, TapAnswer> inOneCommit(EventSchedule event, List<Pending> group, List<Integer> order,
                                                          Map<Integer, DoorTaps.Decided> decided) {
        try {
            return transaction.execute(status -> {
                Map<Integer, TapAnswer> answers = new HashMap<>();
                for (int i : order) {
                    answers.put(i, taps.pass(event, group.get(i).accepted, decided.get(i), true));
                }
                return answers;
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Set<UUID> seenBefore(List<Pending> group) {
        UUID[] ids = group.stream().map(p -> p.accepted.tapId()).toArray(UUID[]::new);
        return new HashSet<>(jdbc.sql("SELECT tap_id FROM tap WHERE tap_id = ANY (?)").param(ids).query(UUID.class).list());
    }
}
