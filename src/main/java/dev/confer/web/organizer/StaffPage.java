package dev.confer.web.organizer;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.platform.StaffTokens;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;

/** Issuing staff tokens for one event: the new token is shown once; later only its label, role and booth. */
@Controller
class StaffPage {

    private static final List<Role> STAFF_ROLES = List.of(Role.DESK, Role.DOOR, Role.SPONSOR);

    private final EventCatalog events;
    private final StaffTokens tokens;
    private final MessageSource messages;

    StaffPage(EventCatalog events, StaffTokens tokens, MessageSource messages) {
        this.events = events;
        this.tokens = tokens;
        this.messages = messages;
    }

    /** What the form was given; {@code field} names the field an error belongs to. */
    record TokenForm(String role, String booth, String label) {
    }

    /** A token just issued: the only time its secret is on a page. */
    record NewToken(String token, Role role, @Nullable String booth, @Nullable String label) {
    }

    @GetMapping("/organizer/{slug}/staff")
    String page(@PathVariable String slug, @RequestParam(required = false) @Nullable String revoked, Model model) {
        model.addAttribute("revoked", revoked != null);
        return page(events.require(slug), new TokenForm("DESK", "", ""), model);
    }

    @PostMapping("/organizer/{slug}/staff")
    String issue(@PathVariable String slug, @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String booth,
                 @RequestParam(defaultValue = "") String label, Locale locale, Model model, HttpServletResponse response) {
        EventSchedule event = events.require(slug);
        TokenForm form = new TokenForm(role, booth, label.strip());
        Role chosen = STAFF_ROLES.stream().filter(r -> r.name().equals(role)).findFirst().orElse(null);
        if (chosen == null) {
            return refused(event, form, "role", "staff-token.role", new Object[0], locale, model, response);
        }
        try {
            String token = tokens.issue(slug, chosen, booth.isBlank() ? null : booth, form.label().isEmpty() ? null : form.label());
            // the secret is on this answer only: no cache may keep it
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("issued", new NewToken(token, chosen, chosen == Role.SPONSOR ? booth : null,
                    form.label().isEmpty() ? null : form.label()));
            return page(event, new TokenForm(chosen.name(), "", ""), model);
        } catch (Rejection rejection) {
            String field = rejection.messageKey().contains("booth") ? "booth" : "role";
            return refused(event, form, field, rejection.messageKey(), rejection.args(), locale, model, response);
        }
    }

    @PostMapping("/organizer/{slug}/staff/{id}/revoke")
    String revoke(@PathVariable String slug, @PathVariable long id) {
        tokens.revoke(slug, id);
        return "redirect:/organizer/" + slug + "/staff?revoked";
    }

    private String refused(EventSchedule event, TokenForm form, String field, String key, Object[] args, Locale locale,
                           Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("errorField", field);
        model.addAttribute("error", messages.getMessage(key, args, key, locale));
        return page(event, form, model);
    }

    private String page(EventSchedule event, TokenForm form, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("form", form);
        model.addAttribute("tokens", tokens.issued(event.slug()));
        model.addAttribute("zone", event.zone());
        return "organizer/staff";
    }
}
