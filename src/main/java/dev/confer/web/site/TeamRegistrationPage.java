package dev.confer.web.site;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Availability;
import dev.confer.registration.Consents;
import dev.confer.registration.NewTeam;
import dev.confer.registration.Registrations;
import dev.confer.registration.TeamOutcome;
import dev.confer.registration.Teams;
import dev.confer.shared.Language;
import dev.confer.shared.Rejection;
import dev.confer.waitingroom.WaitingRoom;
import dev.confer.tickets.ManageTokens;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The team form: the lead's own details, the team's name and the other members pasted one per line. Nobody is
 * registered unless everybody is; when the places left cannot take the team the page says how many are left
 * and offers the waitlist for the whole team, which is only joined with its box ticked. Success goes to the
 * lead's list of the team's tickets.
 */
@Controller
class TeamRegistrationPage {

    private final EventCatalog events;
    private final Teams teams;
    private final ManageTokens manageTokens;
    private final Registrations registrations;
    private final TeamFormAnswer answers;
    private final WaitingRoom waitingRoom;

    TeamRegistrationPage(EventCatalog events, Teams teams, ManageTokens manageTokens, Registrations registrations, MessageSource messages,
                         WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
        this.events = events;
        this.teams = teams;
        this.manageTokens = manageTokens;
        this.registrations = registrations;
        this.answers = new TeamFormAnswer(messages);
    }

    /** What the form posts; {@code waitlist} is the explicit "put the whole team on the waitlist" box. */
    record Form(@Nullable String teamName, @Nullable String name, @Nullable String email, @Nullable String company,
                @Nullable String jobTitle, @Nullable String locale, @Nullable String members, @Nullable Boolean waitlist,
                @Nullable Boolean processingConsent, @Nullable Boolean sponsorSharing, @Nullable Boolean membersInformed) {

        public boolean wantsWaitlist() {
            return Boolean.TRUE.equals(waitlist);
        }

        public boolean processingGiven() {
            return Boolean.TRUE.equals(processingConsent);
        }

        public boolean sharingGiven() {
            return Boolean.TRUE.equals(sponsorSharing);
        }

        public boolean informedGiven() {
            return Boolean.TRUE.equals(membersInformed);
        }

        NewTeam team(PastedMembers pasted) {
            List<NewTeam.Member> all = new ArrayList<>();
            all.add(new NewTeam.Member(name, email, jobTitle));
            all.addAll(pasted.members());
            return new NewTeam(teamName, locale, company, wantsWaitlist(), all,
                    new Consents(processingGiven(), sharingGiven()), informedGiven());
        }
    }

    @GetMapping("/e/{slug}/teams/new")
    String form(@PathVariable String slug, Model model, Locale locale,
                @CookieValue(name = WaitingRoomPage.PASS_COOKIE, required = false) @Nullable String pass) {
        EventSchedule event = events.require(slug);
        if (WaitingRoomPage.needsQueue(waitingRoom, event, pass)) {
            return "redirect:/e/" + slug + "/queue";
        }
        Form empty = new Form(null, null, null, null, null, Language.of(locale).code(), null, null, null, null, null);
        return page(event, empty, TeamFormAnswer.Shown.NONE, model);
    }

    @PostMapping("/e/{slug}/teams/new")
    String register(@PathVariable String slug, @ModelAttribute Form form, Model model, Locale locale,
                    RedirectAttributes redirect, HttpServletResponse response,
                    @CookieValue(name = WaitingRoomPage.PASS_COOKIE, required = false) @Nullable String pass) {
        EventSchedule event = events.require(slug);
        PastedMembers pasted = PastedMembers.parse(form.members());
        TeamOutcome outcome;
        try {
            outcome = waitingRoom.admit(event, pass, () -> teams.register(event, form.team(pasted), Language.of(locale)));
        } catch (Rejection rejection) {
            if (rejection.messageKey().startsWith("queue.")) {
                return "redirect:/e/" + slug + "/queue";
            }
            response.setStatus(rejection.status());
            return page(event, form, answers.of(rejection, pasted, locale), model);
        }
        RegistrationId leadId = outcome.team().leadId();
        redirect.addFlashAttribute("justRegistered", outcome.status().name());
        String target = UriComponentsBuilder.fromPath("/e/{slug}/my-ticket/{id}/team-tickets")
                .queryParam("token", manageTokens.manageToken(event, leadId)).buildAndExpand(slug, leadId).encode().toUriString();
        return "redirect:" + target;
    }

    private String page(EventSchedule event, Form form, TeamFormAnswer.Shown shown, Model model) {
        Availability availability = registrations.availability(event);
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("values", Map.of("teamName", orEmpty(form.teamName()), "name", orEmpty(form.name()),
                "email", orEmpty(form.email()), "company", orEmpty(form.company()), "jobTitle", orEmpty(form.jobTitle()),
                "members", orEmpty(form.members())));
        model.addAttribute("errors", shown.errors());
        model.addAttribute("lineErrors", shown.lineErrors());
        model.addAttribute("notice", shown.notice());
        model.addAttribute("state", availability.state().name());
        model.addAttribute("availability", availability);
        model.addAttribute("maxMembers", Teams.MAX_MEMBERS);
        model.addAttribute("offerWaitlist", shown.offerWaitlist() || availability.state() == Availability.State.WAITLIST);
        return "site/team-register";
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

}
