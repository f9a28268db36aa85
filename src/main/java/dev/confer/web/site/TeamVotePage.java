package dev.confer.web.site;

import dev.confer.shared.RegistrationId;
import dev.confer.agenda.TeamBoard;
import dev.confer.agenda.TeamVotes;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The team's votes, for each member from their own My ticket: per slot the proposals with their votes, the
 * member's vote and the team's plan. The tallies update live (one poll answers every slot's tally out of
 * band), while the voting forms stay as the member left them.
 */
@Controller
class TeamVotePage {

    private final EventCatalog events;
    private final TeamVotes votes;
    private final TicketHolder holder;
    private final MessageSource messages;

    TeamVotePage(EventCatalog events, TeamVotes votes, TicketHolder holder, MessageSource messages) {
        this.events = events;
        this.votes = votes;
        this.holder = holder;
        this.messages = messages;
    }

    @GetMapping("/e/{slug}/my-ticket/{id}/team")
    String team(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                Model model) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder.require(event, id, token);
        TeamBoard board = votes.board(event, id);
        fill(model, event, attendee, token, board);
        Map<LocalDate, List<TeamBoard.SlotBoard>> days = board.slots().stream()
                .collect(Collectors.groupingBy(s -> s.slot().day(), TreeMap::new, Collectors.toList()));
        model.addAttribute("days", days);
        return "site/team-votes";
    }

    /** Every slot's tally, each swapped into its place out of band: the forms are left alone. */
    @GetMapping("/e/{slug}/my-ticket/{id}/team/tallies")
    String tallies(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                   Model model) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder.require(event, id, token);
        fill(model, event, attendee, token, votes.board(event, id));
        return "site/team-votes :: tallies";
    }

    @PostMapping("/e/{slug}/my-ticket/{id}/team/vote")
    String vote(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                @RequestParam String slot, @RequestParam(required = false) @Nullable String session,
                @RequestParam(defaultValue = "vote") String action, RedirectAttributes redirect, Locale locale) {
        EventSchedule event = events.require(slug);
        holder.require(event, id, token);
        try {
            if ("withdraw".equals(action)) {
                votes.withdraw(event, id, slot);
            } else {
                votes.vote(event, id, slot, session);
            }
            redirect.addFlashAttribute("saved", slot);
        } catch (Rejection rejection) {
            if (rejection.status() == 404 && "agenda.no-team".equals(rejection.messageKey())) {
                throw rejection;
            }
            redirect.addFlashAttribute("refused", messages.getMessage(rejection.messageKey(), rejection.args(), locale));
            redirect.addFlashAttribute("refusedSlot", slot);
        }
        return "redirect:" + TicketHolder.url(slug, id, token, "/team") + "#slot-" + domId(slot);
    }

    private static void fill(Model model, EventSchedule event, Attendee attendee, @Nullable String token, TeamBoard board) {
        model.addAttribute("event", event);
        model.addAttribute("attendee", attendee);
        model.addAttribute("token", token);
        model.addAttribute("board", board);
    }

    /** Slot ids hold a colon ("2026-05-14T13:00"); element ids and anchors do without it. */
    static String domId(String slotId) {
        return slotId.replace(":", "");
    }
}
