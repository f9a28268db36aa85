package dev.confer.registration;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Credentials;
import dev.confer.tickets.ManageTokens;
import dev.confer.tickets.Tickets;
import dev.confer.waitingroom.WaitingRoom;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code POST /teams} (anyone, like a single registration) and {@code GET /teams/{id}} (the lead or the organizer). */
@RestController
class TeamController {

    private final EventCatalog events;
    private final Teams teams;
    private final Tickets tickets;
    private final ManageTokens manageTokens;
    private final WaitingRoom waitingRoom;

    TeamController(EventCatalog events, Teams teams, Tickets tickets, ManageTokens manageTokens, WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
        this.events = events;
        this.teams = teams;
        this.tickets = tickets;
        this.manageTokens = manageTokens;
    }

    /** One member with what they need to come: ticket and manage token (the link to their My ticket). */
    record MemberView(RegistrationId id, String name, String email, RegistrationStatus status, @Nullable Integer waitlistPosition,
                      @Nullable String ticket, String manageToken, boolean lead) {
    }

    record Created(TeamId id, String name, RegistrationStatus status, List<MemberView> members) {
    }

    record View(TeamId id, String name, List<MemberView> members) {
    }

    @PostMapping("/api/v1/events/{slug}/teams")
    ResponseEntity<Created> register(@PathVariable String slug, @RequestBody NewTeam body, Locale requestLocale,
                                     @RequestHeader(name = "X-Queue-Pass", required = false) @Nullable String queuePass) {
        EventSchedule event = events.require(slug);
        TeamOutcome outcome = waitingRoom.admit(event, queuePass, () -> teams.register(event, body, Language.of(requestLocale)));
        Team team = outcome.team();
        List<MemberView> members = new ArrayList<>(team.members().size());
        for (int i = 0; i < team.members().size(); i++) {
            members.add(view(event, team, team.members().get(i), outcome.waitlistPosition(i)));
        }
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/events/{slug}/teams/{id}")
                        .buildAndExpand(slug, team.id()).toUri())
                .body(new Created(team.id(), team.name(), outcome.status(), members));
    }

    @GetMapping("/api/v1/events/{slug}/teams/{teamId}")
    View get(@PathVariable String slug, @PathVariable TeamId teamId, Credentials credentials) {
        EventSchedule event = events.require(slug);
        Team team = teams.find(event, teamId).orElseThrow(() -> Rejection.notFound("teams.not-found", teamId));
        manageTokens.requireHolderOrStaff(event, team.leadId(), credentials, "teams.token-required");
        Map<RegistrationId, Integer> positions = teams.waitlistPositions(team);
        return new View(team.id(), team.name(), team.members().stream()
                .map(m -> view(event, team, m, positions.get(m.registrationId()))).toList());
    }

    private MemberView view(EventSchedule event, Team team, TeamMember m, @Nullable Integer position) {
        return new MemberView(m.registrationId(), m.name(), m.email(), m.status(), position,
                m.status() == RegistrationStatus.CANCELLED ? null : tickets.issue(event, m.registrationId()),
                manageTokens.manageToken(event, m.registrationId()), team.isLead(m.registrationId()));
    }
}
