package dev.confer.web.organizer;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The organizer's start page: every event with its figures and pages, and importing a definition. */
@Controller
class OrganizerHome {

    private final EventCatalog events;
    private final Registrations registrations;
    private final EventImport importer;
    private final JsonMapper json;

    OrganizerHome(EventCatalog events, Registrations registrations, EventImport importer, JsonMapper json) {
        this.events = events;
        this.registrations = registrations;
        this.importer = importer;
        this.json = json;
    }

    /** One line of the events list. */
    record EventRow(EventSchedule event, int confirmed, int waitlisted) {
    }

    /** What the import form was given, so a refused import shows it again. */
    record ImportForm(String slug, String json, boolean replace) {
    }

    @GetMapping("/organizer")
    String home(Model model) {
        return page(model, new ImportForm("", "", false), null, false);
    }

    @PostMapping("/organizer/import")
    String importEvent(@RequestParam(defaultValue = "") String slug, @RequestParam(name = "json", defaultValue = "") String pasted,
                       @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                       @RequestParam(defaultValue = "false") boolean replace, Locale locale, Model model,
                       HttpServletResponse response) throws IOException {
        String wanted = slug.strip();
        String definition = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
        ImportForm form = new ImportForm(wanted, definition.length() > 200_000 ? "" : definition, replace);
        if (definition.isBlank()) {
            response.setStatus(400);
            model.addAttribute("definitionError", "organizer.import.definition-required");
            return page(model, form, null, false);
        }
        boolean exists = !wanted.isEmpty() && events.find(wanted).isPresent();
        if (exists && !replace) {
            // an import never replaces an event by surprise: the organizer ticks "replace" and sends again
            response.setStatus(409);
            return page(model, form, null, true);
        }
        EventImport.Outcome outcome = importer.define(wanted, definition, locale);
        if (!outcome.defined()) {
            response.setStatus(400);
            return page(model, form, outcome, exists);
        }
        return "redirect:/organizer/" + UriUtils.encodePathSegment(wanted, StandardCharsets.UTF_8)
                + "?imported=" + (outcome.created() ? "created" : "replaced");
    }

    @GetMapping("/organizer/{slug}/definition.json")
    ResponseEntity<String> definition(@PathVariable String slug) {
        EventSchedule event = events.require(slug);
        String body = json.writerWithDefaultPrettyPrinter().writeValueAsString(DefinitionExport.of(event));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(slug + ".json").build().toString())
                .body(body);
    }

    private String page(Model model, ImportForm form, EventImport.@Nullable Outcome outcome, boolean existing) {
        List<EventRow> rows = events.slugs().stream().map(events::find).flatMap(Optional::stream)
                .sorted(Comparator.comparing((EventSchedule e) -> e.days().getFirst().date()).thenComparing(EventSchedule::slug))
                .map(e -> {
                    Map<RegistrationStatus, Integer> counts = registrations.countByStatus(e);
                    return new EventRow(e, counts.getOrDefault(RegistrationStatus.CONFIRMED, 0),
                            counts.getOrDefault(RegistrationStatus.WAITLISTED, 0));
                })
                .toList();
        model.addAttribute("events", rows);
        model.addAttribute("form", form);
        model.addAttribute("outcome", outcome);
        model.addAttribute("existing", existing);
        return "organizer/home";
    }
}
