package dev.confer.floor;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** {@code POST /api/v1/events/{slug}/sync}: a floor device's queued scans (DESK, DOOR, SPONSOR or organizer). */
@RestController
class SyncController {

    private final EventCatalog events;
    private final QueuedScans scans;

    SyncController(EventCatalog events, QueuedScans scans) {
        this.events = events;
        this.scans = scans;
    }

    record Batch(@Nullable String device, @Nullable List<JsonNode> actions) {
    }

    record Answers(List<QueuedScans.Result> results) {
    }

    @PostMapping("/api/v1/events/{slug}/sync")
    Answers sync(@PathVariable String slug, @RequestBody Batch batch, @AuthenticationPrincipal Caller caller) {
        EventSchedule event = events.require(slug);
        if (batch.actions() == null) {
            throw Rejection.badRequest("floor.actions-required");
        }
        if (batch.actions().size() > QueuedScans.MAX_ACTIONS) {
            throw Rejection.badRequest("floor.too-many", batch.actions().size(), QueuedScans.MAX_ACTIONS)
                    .withProperty("maxActions", QueuedScans.MAX_ACTIONS);
        }
        String device = batch.device() == null ? null : batch.device().strip();
        if (device != null && device.length() > 100) {
            throw Rejection.badRequest("floor.device-too-long", 100);
        }
        return new Answers(scans.settle(event, caller, device, batch.actions(), LocaleContextHolder.getLocale()));
    }
}
