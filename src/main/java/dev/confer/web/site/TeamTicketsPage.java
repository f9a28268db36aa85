package dev.confer.web.site;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Team;
import dev.confer.registration.TeamMember;
import dev.confer.registration.Teams;
import dev.confer.shared.Rejection;
import dev.confer.tickets.ManageTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * The lead's view of the team's tickets: every member with their status and a link to their My ticket, so
 * the lead can forward or print one. Only the lead's manage token opens it; anything else gets the same
 * not-found page as My ticket (and, living under my-ticket, the same no-store, no-referrer headers).
 */
@Controller
class TeamTicketsPage {

    private final EventCatalog events;
    private final Teams teams;
    private final ManageTokens manageTokens;

    TeamTicketsPage(EventCatalog events, Teams teams, ManageTokens manageTokens) {
        this.events = events;
        this.teams = teams;
        this.manageTokens = manageTokens;
    }

    /** One member's line: who, where in the queue, and the link to their own ticket. */
    record MemberLine(TeamMember member, boolean lead, @Nullable Integer position, String ticketUrl) {
    }

    @GetMapping("/e/{slug}/my-ticket/{id}/team-tickets")
    String teamTickets(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                       Model model) {
        EventSchedule event = events.require(slug);
        if (token == null || !manageTokens.manageTokenMatches(event, id, token)) {
            throw Rejection.notFound("teams.not-found", id);
        }
        Team team = teams.teamOf(id).filter(t -> t.isLead(id) && t.eventId() == event.id())
                .orElseThrow(() -> Rejection.notFound("teams.not-found", id));
        Map<RegistrationId, Integer> positions = teams.waitlistPositions(team);
        model.addAttribute("event", event);
        model.addAttribute("team", team);
        model.addAttribute("heldUntil", teams.heldUntil(team)
                .map(until -> java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(event.zone()))).orElse(null));
        model.addAttribute("holdMinutes", teams.verifyHold().toMinutes());
        model.addAttribute("members", team.members().stream().map(m -> new MemberLine(m, team.isLead(m.registrationId()),
                positions.get(m.registrationId()), ticketUrl(event, m.registrationId()))).toList());
        return "site/team-tickets";
    }

    private String ticketUrl(EventSchedule event, RegistrationId id) {
        return UriComponentsBuilder.fromPath("/e/{slug}/my-ticket/{id}").queryParam("token", manageTokens.manageToken(event, id))
                .buildAndExpand(event.slug(), id).encode().toUriString();
    }
}
