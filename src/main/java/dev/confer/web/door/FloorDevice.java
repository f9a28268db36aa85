package dev.confer.web.door;

import dev.confer.checkin.Roster;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.floor.QueuedScans;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the desk, door and booth pages need to keep working offline, under their own paths (so the staff
 * cookie and the page's role rules apply, as on the pages): the roster the device verifies against, the web
 * app manifest, and the service worker. The roster is the API's ({@link Roster}); the desk's carries e-mail.
 */
@RestController
class FloorDevice {

    private final EventCatalog events;
    private final Roster roster;
    private final QueuedScans queue;
    private final MessageSource messages;

    FloorDevice(EventCatalog events, Roster roster, QueuedScans queue, MessageSource messages) {
        this.events = events;
        this.roster = roster;
        this.queue = queue;
        this.messages = messages;
    }

    record Batch(@Nullable String device, @Nullable List<JsonNode> actions) {
    }

    record Answers(List<QueuedScans.Result> results) {
    }

    /** The page's queue when the network returns: settled as {@code POST /api/v1/events/{slug}/sync} settles it. */
    @PostMapping("/{floor:desk|door|sponsor}/{slug}/sync")
    Answers sync(@PathVariable String floor, @PathVariable String slug, @RequestBody Batch batch,
                 @AuthenticationPrincipal Caller caller, Locale locale) {
        EventSchedule event = events.require(slug);
        if (batch.actions() == null) {
            throw Rejection.badRequest("floor.actions-required");
        }
        if (batch.actions().size() > QueuedScans.MAX_ACTIONS) {
            throw Rejection.badRequest("floor.too-many", batch.actions().size(), QueuedScans.MAX_ACTIONS);
        }
        // a desk page's queued check-ins count under the signed-in token's desk name, as its online ones do
        return new Answers(queue.settle(event, caller, caller.deskName(), batch.actions(), locale));
    }

    @GetMapping("/{floor:desk|door|sponsor}/{slug}/roster")
    ResponseEntity<Roster.Page> roster(@PathVariable String floor, @PathVariable String slug,
                                       @RequestParam(required = false) @Nullable String since) {
        Roster.Page page = roster.since(events.require(slug), since, floor.equals("desk"), Roster.PAGE);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(page); // personal data: no shared caches
    }

    /** Installable: opens straight on this floor page of this event, standalone, in the page's language. */
    @GetMapping(value = "/{floor:desk|door|sponsor}/{slug}/manifest.webmanifest", produces = "application/manifest+json")
    Map<String, Object> manifest(@PathVariable String floor, @PathVariable String slug, Locale locale) {
        EventSchedule event = events.require(slug);
        String title = messages.getMessage(floor + ".title", null, locale);
        return Map.of("name", title + " · " + event.name().in(locale), "short_name", title,
                "start_url", "/" + floor + "/" + slug, "scope", "/" + floor + "/", "display", "standalone",
                "background_color", "#ffffff", "theme_color", "#1747b3", "lang", locale.getLanguage(),
                "icons", List.of(Map.of("src", "/favicon.svg", "sizes", "any", "type", "image/svg+xml")));
    }

    /**
     * The service worker, served from the root so one script can take the scopes /desk/, /door/ and /sponsor/
     * (each page registers it for its own); always revalidated so a new version arrives at the next load.
     */
    @GetMapping(value = "/floor-sw.js", produces = "text/javascript")
    ResponseEntity<byte[]> serviceWorker() throws IOException {
        byte[] script = new ClassPathResource("floor/floor-sw.js").getContentAsByteArray();
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
    }
}
