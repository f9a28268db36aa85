package dev.confer.web.site;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Availability;
import dev.confer.registration.Consents;
import dev.confer.registration.NewRegistration;
import dev.confer.registration.Registrations;
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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The registration form. It shows the state before submit (open, waitlist only, full, closed) and never
 * puts anyone on the waitlist unless they ticked the box for it; success goes straight to My ticket.
 */
@Controller
class RegistrationPage {

    private final EventCatalog events;
    private final Registrations registrations;
    private final ManageTokens manageTokens;
    private final MessageSource messages;
    private final WaitingRoom waitingRoom;

    RegistrationPage(EventCatalog events, Registrations registrations, ManageTokens manageTokens, MessageSource messages,
                     WaitingRoom waitingRoom) {
        this.waitingRoom = waitingRoom;
        this.events = events;
        this.registrations = registrations;
        this.manageTokens = manageTokens;
        this.messages = messages;
    }

    /** What the form posts; {@code waitlist} is the explicit "put me on the waitlist" box. */
    record Form(@Nullable String name, @Nullable String email, @Nullable String company, @Nullable String jobTitle,
                @Nullable String locale, @Nullable Boolean waitlist, @Nullable Boolean processingConsent,
                @Nullable Boolean sponsorSharing) {

        public boolean wantsWaitlist() {
            return Boolean.TRUE.equals(waitlist);
        }

        public boolean processingGiven() {
            return Boolean.TRUE.equals(processingConsent);
        }

        public boolean sharingGiven() {
            return Boolean.TRUE.equals(sponsorSharing);
        }

        /** An unticked box is not sent: the form's answer is always a "no" for sharing, never "not asked". */
        Consents consents() {
            return new Consents(processingGiven(), sharingGiven());
        }
    }

    @GetMapping("/e/{slug}/register")
    String form(@PathVariable String slug, Model model, Locale locale,
                @CookieValue(name = WaitingRoomPage.PASS_COOKIE, required = false) @Nullable String pass) {
        EventSchedule event = events.require(slug);
        if (WaitingRoomPage.needsQueue(waitingRoom, event, pass)) {
            return "redirect:/e/" + slug + "/queue";
        }
        return page(event, new Form(null, null, null, null, Language.of(locale).code(), null, null, null), Map.of(), null, model);
    }

    @PostMapping("/e/{slug}/register")
    String register(@PathVariable String slug, @ModelAttribute Form form, Model model, Locale locale,
                    RedirectAttributes redirect, HttpServletResponse response,
                    @CookieValue(name = WaitingRoomPage.PASS_COOKIE, required = false) @Nullable String pass) {
        EventSchedule event = events.require(slug);
        Registrations.Outcome outcome;
        try {
            outcome = waitingRoom.admit(event, pass, () -> registrations.register(event, new NewRegistration(form.name(),
                    form.email(), form.company(), form.jobTitle(), form.locale(), form.consents()), Language.of(locale),
                    form.wantsWaitlist()));
        } catch (Rejection rejection) {
            if (rejection.messageKey().startsWith("queue.")) {
                return "redirect:/e/" + slug + "/queue";
            }
            response.setStatus(rejection.status());
            return rejected(event, form, rejection, model, locale);
        }
        RegistrationId id = outcome.attendee().id();
        redirect.addFlashAttribute("justRegistered", outcome.attendee().email());
        String target = UriComponentsBuilder.fromPath("/e/{slug}/my-ticket/{id}")
                .queryParam("token", manageTokens.manageToken(event, id)).buildAndExpand(slug, id).encode().toUriString();
        return "redirect:" + target;
    }

    private String rejected(EventSchedule event, Form form, Rejection rejection, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejection.FieldProblem p : rejection.problems()) {
            errors.putIfAbsent(p.pointer().substring(1), messages.getMessage(p.messageKey(), p.args(), locale));
        }
        String notice = null;
        switch (rejection.messageKey()) {
            case "registration.duplicate-email" -> errors.put("email", messages.getMessage("site.register.duplicate",
                    new Object[]{form.email()}, locale));
            case "registration.consent-required" -> errors.put("consents/processing",
                    messages.getMessage("site.privacy.processing-required", null, locale));
            case "registration.full-waitlist-open" -> notice = "site.register.became-full";
            case "registration.full" -> notice = "site.register.full";
            case "registration.closed" -> notice = "site.register.closed";
            case "registration.not-open" -> notice = "site.register.not-open";
            case "registration.closed-at" -> notice = "site.register.closed-at";
            default -> {
                if (errors.isEmpty()) {
                    throw rejection;
                }
            }
        }
        return page(event, form, errors, notice, model);
    }

    private String page(EventSchedule event, Form form, Map<String, String> errors, @Nullable String notice, Model model) {
        Availability availability = registrations.availability(event);
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", orEmpty(form.name()));
        values.put("email", orEmpty(form.email()));
        values.put("company", orEmpty(form.company()));
        values.put("jobTitle", orEmpty(form.jobTitle()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("state", availability.state().name());
        model.addAttribute("availability", availability);
        return "site/register";
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

}
