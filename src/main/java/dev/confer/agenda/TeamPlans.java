package dev.confer.agenda;

import dev.confer.registration.TeamId;
import dev.confer.shared.RegistrationId;
import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Team;
import dev.confer.registration.TeamMember;
import dev.confer.registration.Teams;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The plan of the team an attendee belongs to, as their agenda and the nudges before sessions read it. */
@Component
class TeamPlans {

    private final Teams teams;
    private final VoteStore votes;
    private final SeatsLeft seats;

    TeamPlans(Teams teams, VoteStore votes, SeatsLeft seats) {
        this.teams = teams;
        this.votes = votes;
        this.seats = seats;
    }

    /** The chosen session per slot; empty for an attendee in no team, or a team that has not voted. */
    Map<Slot, String> planOf(EventSchedule event, RegistrationId registrationId) {
        Optional<Team> team = teams.teamOf(registrationId).filter(t -> t.eventId() == event.id());
        if (team.isEmpty()) {
            return Map.of();
        }
        return TeamPlanner.plan(event, team.get(), votes.votes(team.get().id()), () -> seats.all(event));
    }

    /** The active members of every team whose plan for this slot is this session. */
    Set<RegistrationId> followersOf(EventSchedule event, Slot slot, String sessionCode) {
        Set<RegistrationId> followers = new HashSet<>();
        var allSeats = TeamPlanner.memoize(() -> seats.all(event));
        for (TeamId teamId : votes.teamsVotingIn(event.id(), slot.id())) {
            teams.find(event, teamId).ifPresent(team -> {
                if (sessionCode.equals(TeamPlanner.plan(event, team, votes.votes(teamId), allSeats).get(slot))) {
                    team.members().stream().filter(m -> m.status() != RegistrationStatus.CANCELLED)
                            .map(TeamMember::registrationId).forEach(followers::add);
                }
            });
        }
        return followers;
    }
}
