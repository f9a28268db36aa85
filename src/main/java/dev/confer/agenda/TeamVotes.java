package dev.confer.agenda;

import dev.confer.shared.RegistrationId;
import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Team;
import dev.confer.registration.TeamMember;
import dev.confer.registration.Teams;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A team's vote per time slot: members propose sessions of the slot and vote for one (one vote each, changeable
 * until the slot starts); the most-voted session is the team's plan, which every member's agenda shows. Callers
 * have checked that the member is asking (their manage token); votes are shown to the team only.
 */
@Service
public class TeamVotes {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Teams teams;
    private final VoteStore store;
    private final SeatsLeft seats;
    private final Clock clock;

    TeamVotes(Teams teams, VoteStore store, SeatsLeft seats, Clock clock) {
        this.teams = teams;
        this.store = store;
        this.seats = seats;
        this.clock = clock;
    }

    /** The board of the member's team; 404 when the registration belongs to no team of this event. */
    public TeamBoard board(EventSchedule event, RegistrationId registrationId) {
        return board(event, team(event, registrationId), registrationId);
    }

    /** The member's one vote in the slot goes to this session (proposed to the team if nobody had). */
    public TeamBoard vote(EventSchedule event, RegistrationId registrationId, String slotId, @Nullable String sessionCode) {
        Team team = team(event, registrationId);
        Slot slot = open(event, team, registrationId, slotId);
        String code = sessionIn(event, slot, sessionCode);
        store.vote(team.id(), event.id(), registrationId, slot.id(), code, clock.instant());
        return board(event, team, registrationId);
    }

    /** Proposes a session of the slot to the team; the proposer's vote goes to it if they had none in the slot. */
    public TeamBoard propose(EventSchedule event, RegistrationId registrationId, String slotId, @Nullable String sessionCode) {
        Team team = team(event, registrationId);
        Slot slot = open(event, team, registrationId, slotId);
        String code = sessionIn(event, slot, sessionCode);
        Instant now = clock.instant();
        store.propose(team.id(), event.id(), registrationId, slot.id(), code, now);
        if (!store.hasVote(registrationId, slot.id())) {
            store.vote(team.id(), event.id(), registrationId, slot.id(), code, now);
        }
        return board(event, team, registrationId);
    }

    public TeamBoard withdraw(EventSchedule event, RegistrationId registrationId, String slotId) {
        Team team = team(event, registrationId);
        Slot slot = open(event, team, registrationId, slotId);
        store.withdraw(registrationId, slot.id());
        return board(event, team, registrationId);
    }

    private TeamBoard board(EventSchedule event, Team team, RegistrationId me) {
        // seats are read once, and only when a slot has candidates to show them for
        java.util.function.Supplier<Map<String, SeatsLeft.Seats>> left = TeamPlanner.memoize(() -> seats.all(event));
        Map<RegistrationId, String> names = team.members().stream().collect(Collectors.toMap(TeamMember::registrationId, TeamMember::name));
        // voters are listed in the team's order, so two votes cast in the same instant always read the same way
        Map<RegistrationId, Integer> order = new java.util.HashMap<>();
        team.members().forEach(member -> order.putIfAbsent(member.registrationId(), order.size()));
        List<VoteStore.Vote> votes = store.votes(team.id());
        Map<String, List<TeamPlanner.Count>> counts = TeamPlanner.counts(team, votes);
        Map<String, List<VoteStore.Proposal>> proposals = store.proposals(team.id()).stream()
                .collect(Collectors.groupingBy(VoteStore.Proposal::slot));
        Map<String, String> mine = votes.stream().filter(v -> v.registrationId().equals(me))
                .collect(Collectors.toMap(VoteStore.Vote::slot, VoteStore.Vote::sessionCode));
        Instant now = clock.instant();
        List<TeamBoard.SlotBoard> slots = new ArrayList<>();
        for (Slot slot : Slot.all(event)) {
            List<TeamPlanner.Count> slotCounts = counts.getOrDefault(slot.id(), List.of());
            String plan = TeamPlanner.winner(slotCounts, left);
            Map<String, TeamPlanner.Count> byCode = slotCounts.stream().collect(Collectors.toMap(TeamPlanner.Count::sessionCode, Function.identity()));
            List<TeamBoard.Candidate> candidates = proposals.getOrDefault(slot.id(), List.of()).stream()
                    .filter(p -> event.session(p.sessionCode()).isPresent())
                    .map(p -> {
                        TeamPlanner.Count c = byCode.get(p.sessionCode());
                        List<String> voters = c == null ? List.of() : c.voters().stream()
                                .sorted(java.util.Comparator.comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE)))
                                .map(names::get).toList();
                        return new TeamBoard.Candidate(event.session(p.sessionCode()).orElseThrow(), voters.size(), voters,
                                names.getOrDefault(p.proposedBy(), ""), left.get().get(p.sessionCode()), p.sessionCode().equals(plan));
                    })
                    .sorted(java.util.Comparator.comparing((TeamBoard.Candidate c) -> !c.plan()).thenComparing(c -> -c.votes()))
                    .toList();
            slots.add(new TeamBoard.SlotBoard(slot, now.isBefore(slot.startsAt(event)), slot.sessions(event), candidates, plan,
                    mine.get(slot.id())));
        }
        return new TeamBoard(team, me, slots);
    }

    private Team team(EventSchedule event, RegistrationId registrationId) {
        return teams.teamOf(registrationId).filter(t -> t.eventId() == event.id())
                .orElseThrow(() -> Rejection.notFound("agenda.no-team"));
    }

    /** The slot, while its voting is open and the member may vote. */
    private Slot open(EventSchedule event, Team team, RegistrationId registrationId, String slotId) {
        Slot slot = Slot.parse(event, slotId);
        boolean active = team.members().stream().anyMatch(m -> m.registrationId().equals(registrationId)
                && m.status() != RegistrationStatus.CANCELLED);
        if (!active) {
            throw Rejection.conflict("agenda.cancelled");
        }
        if (!clock.instant().isBefore(slot.startsAt(event))) {
            throw Rejection.conflict("agenda.vote-closed", CLOCK.format(slot.start()));
        }
        return slot;
    }

    private static String sessionIn(EventSchedule event, Slot slot, @Nullable String code) {
        if (code == null || code.isBlank()) {
            throw new Rejection(400, "agenda.session-required", List.of(new Rejection.FieldProblem("/session", "agenda.session-required")));
        }
        if (slot.sessions(event).stream().noneMatch(s -> s.code().equals(code))) {
            if (event.session(code).isEmpty()) {
                throw Rejection.notFound("session.not-found", code);
            }
            throw new Rejection(400, "agenda.session-not-in-slot", List.of(new Rejection.FieldProblem("/session",
                    "agenda.session-not-in-slot", code, CLOCK.format(slot.start()))), code, CLOCK.format(slot.start()));
        }
        return code;
    }
}
