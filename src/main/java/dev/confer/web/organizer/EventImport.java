package dev.confer.web.organizer;

import dev.confer.events.EventCatalog;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;

/**
 * Turns an uploaded or pasted definition into an event through {@link EventCatalog#define}, or into the list
 * of everything wrong with it, in the page's language. Nothing is changed unless the whole definition is good.
 */
@Component
class EventImport {

    private final EventCatalog catalog;
    private final JsonMapper json;
    private final MessageSource messages;

    EventImport(EventCatalog catalog, JsonMapper json, MessageSource messages) {
        this.catalog = catalog;
        this.json = json;
        this.messages = messages;
    }

    /** One thing wrong: where (a JSON pointer, empty for the whole document) and what to do about it. */
    record Problem(String pointer, String detail) {
    }

    /** Either the event was defined ({@code created} or replaced), or {@code slugError}/{@code problems} say why not. */
    record Outcome(boolean defined, boolean created, @Nullable String slugError, @Nullable String summary, List<Problem> problems) {

        static Outcome ok(boolean created) {
            return new Outcome(true, created, null, null, List.of());
        }
    }

    Outcome define(String slug, String definitionJson, Locale locale) {
        JsonNode definition;
        try {
            definition = json.readTree(definitionJson);
        } catch (JacksonException e) {
            String detail = messages.getMessage("organizer.import.unreadable",
                    new Object[]{e.getOriginalMessage(), e.getLocation() == null ? 0 : e.getLocation().getLineNr()}, locale);
            return failed(null, messages.getMessage("organizer.import.not-defined", null, locale),
                    List.of(new Problem(pointer(e.getPath()), detail)));
        }
        if (definition == null || definition.isMissingNode() || definition.isNull()) {
            return failed(null, null, List.of(new Problem("", messages.getMessage("organizer.import.empty", null, locale))));
        }
        try {
            return Outcome.ok(catalog.define(slug, definition).created());
        } catch (Rejection rejection) {
            String text = messages.getMessage(rejection.messageKey(), rejection.args(), rejection.messageKey(), locale);
            if (rejection.messageKey().equals("event.bad-slug")) {
                return failed(text, null, List.of());
            }
            List<Problem> problems = rejection.problems().stream()
                    .map(p -> new Problem(p.pointer(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                    .toList();
            String summary = problems.isEmpty() ? text
                    : messages.getMessage("organizer.import.problems", new Object[]{problems.size()}, locale);
            return failed(null, summary, problems);
        }
    }

    private static Outcome failed(@Nullable String slugError, @Nullable String summary, List<Problem> problems) {
        return new Outcome(false, false, slugError, summary, problems);
    }

    /** Jackson's path to the bad value, written as the JSON pointer the validator uses for its problems. */
    private static String pointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            pointer.append('/').append(ref.getPropertyName() != null
                    ? ref.getPropertyName().replace("~", "~0").replace("/", "~1")
                    : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }
}
