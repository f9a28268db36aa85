package dev.confer.web.site;

import dev.confer.registration.Teams;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a refused team into what the form shows: errors at the lead's fields, one line per problem in the
 * pasted members ("Line 3: ..."), and a notice at the top saying that nobody was registered and why.
 */
final class TeamFormAnswer {

    /** What the form shows besides the values typed: field errors, errors by pasted line, a notice. */
    record Shown(Map<String, String> errors, List<String> lineErrors, @Nullable String notice, boolean offerWaitlist) {

        static final Shown NONE = new Shown(Map.of(), List.of(), null, false);
    }

    private final MessageSource messages;

    TeamFormAnswer(MessageSource messages) {
        this.messages = messages;
    }

    Shown closed(Locale locale) {
        return new Shown(Map.of(), List.of(), text("teams.page.closed", locale), false);
    }

    Shown of(Rejection rejection, PastedMembers pasted, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        TreeMap<Integer, List<String>> byLine = new TreeMap<>();
        for (Rejection.FieldProblem p : rejection.problems()) {
            String[] parts = p.pointer().substring(1).split("/");
            if (parts[0].equals("consents")) {
                errors.putIfAbsent("consents/processing", text("site.privacy.processing-required", locale));
            } else if (parts[0].equals("membersInformed")) {
                errors.putIfAbsent("membersInformed", text("teams.page.members-informed-required", locale));
            } else if (parts.length == 1 && parts[0].equals("members")) {
                errors.putIfAbsent("members", text("teams.page.too-many", locale, pasted.members().size(),
                        Teams.MAX_MEMBERS - 1));
            } else if (parts.length == 1) {
                errors.putIfAbsent(parts[0].equals("name") ? "teamName" : parts[0], text(p.messageKey(), locale, p.args()));
            } else if (parts[1].equals("0") && parts.length == 3) {
                errors.putIfAbsent(parts[2], leadProblem(p, locale));
            } else {
                int line = pasted.line(Integer.parseInt(parts[1]) - 1);
                byLine.computeIfAbsent(line, l -> new ArrayList<>())
                        .add(text("teams.page.line", locale, line, lineProblem(p, locale)));
            }
        }
        List<String> lineErrors = byLine.values().stream().flatMap(List::stream).toList();
        Object[] args = rejection.args();
        return switch (rejection.messageKey()) {
            case "teams.not-enough-places" -> new Shown(errors, lineErrors,
                    text("teams.page.not-enough", locale, args[0], args[1], args[2]), true);
            case "teams.no-room" -> new Shown(errors, lineErrors, text("teams.page.no-room", locale, args[0], args[1], args[2]), false);
            case "teams.already-registered" -> new Shown(errors, lineErrors, text("teams.page.already-registered", locale), false);
            case "teams.busy" -> new Shown(errors, lineErrors, text("teams.busy", locale, args), false);
            case "registration.closed" -> closed(locale);
            case "registration.not-open", "registration.closed-at" -> new Shown(Map.of(), List.of(),
                    text(rejection.messageKey(), locale, args), false);
            default -> {
                if (errors.isEmpty() && lineErrors.isEmpty()) {
                    throw rejection;
                }
                yield new Shown(errors, lineErrors, text("teams.page.problems", locale), false);
            }
        };
    }

    /** The lead typed into fields of their own: the messages of the single form, which speak to "you". */
    private String leadProblem(Rejection.FieldProblem p, Locale locale) {
        return switch (p.messageKey()) {
            case "teams.member-name-required" -> text("registration.name-required", locale);
            case "teams.member-email-required" -> text("registration.email-required", locale);
            case "teams.member-registered" -> text("teams.page.lead-registered", locale, p.args());
            default -> text(p.messageKey(), locale, p.args());
        };
    }

    private String lineProblem(Rejection.FieldProblem p, Locale locale) {
        return switch (p.messageKey()) {
            case "teams.member-name-required" -> text("teams.page.line.no-name", locale);
            case "teams.member-email-required" -> text("teams.page.line.no-email", locale);
            case "teams.member-missing" -> text("teams.page.line.no-email", locale);
            default -> text(p.messageKey(), locale, p.args());
        };
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
