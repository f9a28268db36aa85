package dev.confer.web.desk;

import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

import java.util.Locale;

/**
 * A refusal on a staff page (desk, door, sponsor) shown as a page in the person's language, not as the
 * API's problem+json.
 */
public final class StaffProblem {

    private StaffProblem() {
    }

    public static String render(Rejection r, MessageSource messages, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(r.status());
        model.addAttribute("status", r.status());
        model.addAttribute("detail", messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
        return "desk/problem";
    }
}
