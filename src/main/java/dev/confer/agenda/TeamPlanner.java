package dev.confer.agenda;

import dev.confer.shared.RegistrationId;
import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Team;
import dev.confer.registration.TeamMember;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How a team's votes become its plan. Votes of members who cancelled do not count. Per slot the session with
 * the most votes wins; a tie goes to the session with more seats left right now, then to the one that reached
 * its number of votes first (its latest vote is the earliest), then by code, so every instance picks the same.
 */
final class TeamPlanner {

    private TeamPlanner() {
    }

    /** The votes of one session in one slot. */
    record Count(String sessionCode, List<RegistrationId> voters, Instant reachedAt) {
        int votes() {
            return voters.size();
        }
    }

    /** Per slot id, the sessions' counts (most votes first, ties unresolved). */
    static Map<String, List<Count>> counts(Team team, List<VoteStore.Vote> votes) {
        Set<RegistrationId> voting = team.members().stream().filter(m -> m.status() != RegistrationStatus.CANCELLED)
                .map(TeamMember::registrationId).collect(Collectors.toSet());
        Map<String, Map<String, List<VoteStore.Vote>>> bySlot = new HashMap<>();
        for (VoteStore.Vote v : votes) {
            if (voting.contains(v.registrationId())) {
                bySlot.computeIfAbsent(v.slot(), s -> new HashMap<>()).computeIfAbsent(v.sessionCode(), c -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        bySlot.forEach((slot, sessions) -> counts.put(slot, sessions.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue().stream().sorted(Comparator.comparing(VoteStore.Vote::votedAt))
                        .map(VoteStore.Vote::registrationId).toList(),
                        e.getValue().stream().map(VoteStore.Vote::votedAt).max(Comparator.naturalOrder()).orElseThrow()))
                .sorted(Comparator.comparingInt(Count::votes).reversed().thenComparing(Count::sessionCode))
                .toList()));
        return counts;
    }

    /** The winner among one slot's counts; seats are read only when the top is tied. */
    static @Nullable String winner(List<Count> counts, Supplier<Map<String, SeatsLeft.Seats>> seats) {
        if (counts.isEmpty()) {
            return null;
        }
        int top = counts.getFirst().votes();
        List<Count> tied = counts.stream().filter(c -> c.votes() == top).toList();
        if (tied.size() == 1) {
            return tied.getFirst().sessionCode();
        }
        Map<String, SeatsLeft.Seats> left = seats.get();
        return tied.stream().min(Comparator
                        .comparingInt((Count c) -> -seatsLeft(left, c.sessionCode()))
                        .thenComparing(Count::reachedAt)
                        .thenComparing(Count::sessionCode))
                .orElseThrow().sessionCode();
    }

    /** The team's plan: per slot of the event with votes, the winning session. */
    static Map<Slot, String> plan(EventSchedule event, Team team, List<VoteStore.Vote> votes, Supplier<Map<String, SeatsLeft.Seats>> seats) {
        Map<String, Slot> slots = Slot.all(event).stream().collect(Collectors.toMap(Slot::id, s -> s));
        Supplier<Map<String, SeatsLeft.Seats>> once = memoize(seats);
        Map<Slot, String> plan = new LinkedHashMap<>();
        counts(team, votes).forEach((slotId, counts) -> {
            Slot slot = slots.get(slotId);
            String winner = winner(counts, once);
            if (slot != null && winner != null && event.session(winner).isPresent()) {
                plan.put(slot, winner);
            }
        });
        return plan;
    }

    private static int seatsLeft(Map<String, SeatsLeft.Seats> seats, String code) {
        SeatsLeft.Seats s = seats.get(code);
        return s == null ? 0 : s.left();
    }

    static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
