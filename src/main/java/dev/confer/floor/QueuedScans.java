package dev.confer.floor;

import dev.confer.access.DoorTaps;
import dev.confer.access.TapRequest;
import dev.confer.checkin.DeskCheckin;
import dev.confer.events.EventSchedule;
import dev.confer.platform.Problems;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Settles a device's queue: every action in scan-time order, one at a time, through the same services as the
 * single endpoints (so each is answered, counted and refused exactly as it would have been there), each in its
 * own statement(s): one action's refusal changes nothing of another's. Idempotent by the action's id: the tap's
 * {@code tapId} (the tap table's key) or the check-in's client id (unique on the check-in row).
 */
@Service
public class QueuedScans {

    public static final int MAX_ACTIONS = 500;
    /** How far ahead of the server's clock a device's clock may run before its times are not believed. */
    static final Duration SKEW = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(QueuedScans.class);

    private final DeskCheckin desk;
    private final DoorTaps taps;
    private final Problems problems;
    private final Clock clock;

    QueuedScans(DeskCheckin desk, DoorTaps taps, Problems problems, Clock clock) {
        this.desk = desk;
        this.taps = taps;
        this.problems = problems;
        this.clock = clock;
    }

    /** One action's answer: the HTTP status and JSON body its own endpoint would have answered with. */
    public record Result(@Nullable String id, int status, Object body) {
    }

    private record Action(int index, JsonNode json, Instant at, @Nullable String atText) {
    }

    public List<Result> settle(EventSchedule event, Caller caller, @Nullable String device, List<JsonNode> actions, Locale locale) {
        Instant now = clock.instant();
        List<Action> ordered = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            JsonNode json = actions.get(i) == null ? tools.jackson.databind.node.NullNode.getInstance() : actions.get(i);
            String raw = text(json, "at");
            Instant at = scanTime(event, raw, now);
            ordered.add(new Action(i, json, at == null ? now : at, at == null ? raw : OffsetDateTime.ofInstant(at, event.zone()).toString()));
        }
        ordered.sort(Comparator.comparing(Action::at).thenComparing(Action::index)); // scan-time order; stable
        Result[] results = new Result[actions.size()];
        for (Action action : ordered) {
            results[action.index()] = settleOne(event, caller, device, action, locale);
        }
        return List.of(results);
    }

    private Result settleOne(EventSchedule event, Caller caller, @Nullable String device, Action action, Locale locale) {
        JsonNode json = action.json();
        String id = text(json, "id");
        try {
            UUID clientId = actionId(id);
            String kind = text(json, "kind");
            if ("check-in".equals(kind)) {
                if (caller.role() != Role.DESK && caller.role() != Role.ORGANIZER) {
                    throw Rejection.forbidden("auth.forbidden");
                }
                String deskName = text(json, "desk");
                DeskCheckin.CheckedIn done = desk.checkIn(event, new DeskCheckin.Credential(text(json, "ticket"), text(json, "nfcUid")),
                        clientId, deskName != null ? deskName : device, atOrReject(action, "checkin.bad-time"));
                return new Result(id, 200, done);
            }
            if ("tap".equals(kind)) {
                if (caller.role() != Role.DOOR && caller.role() != Role.SPONSOR && caller.role() != Role.ORGANIZER) {
                    throw Rejection.forbidden("auth.forbidden");
                }
                JsonNode credential = json.get("credential");
                TapRequest request = new TapRequest(clientId.toString(), action.atText(), text(json, "point"),
                        credential == null || !credential.isObject() ? null
                                : new TapRequest.Credential(text(credential, "ticket"), text(credential, "nfcUid")));
                return new Result(id, 200, taps.settleOffline(event, caller, request));
            }
            throw Rejection.badRequest("floor.bad-kind", kind == null ? "" : kind);
        } catch (Rejection r) {
            return new Result(id, r.status(), problems.of(r, locale));
        } catch (PessimisticLockingFailureException e) {
            return new Result(id, 503, problems.of(new Rejection(503, "request.busy"), locale));
        } catch (RuntimeException e) {
            log.error("Unexpected failure settling a queued {} for event {}", text(json, "kind"), event.slug(), e);
            return new Result(id, 500, problems.of(new Rejection(500, "request.unexpected"), locale));
        }
    }

    /**
     * When the scan happened, as the device says, unless that cannot be: more than {@link #SKEW} in the future, or
     * before the event's first day began (a phone whose clock was reset). Such a time is replaced by the moment the
     * server received the batch. Null when absent or unreadable (the action's endpoint then decides).
     */
    static @Nullable Instant scanTime(EventSchedule event, @Nullable String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant claimed;
        try {
            claimed = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
        Instant earliest = event.days().isEmpty() ? Instant.MIN
                : event.days().getFirst().date().atStartOfDay(event.zone()).toInstant();
        if (claimed.isAfter(now.plus(SKEW)) || claimed.isBefore(earliest)) {
            return now;
        }
        return claimed;
    }

    private static Instant atOrReject(Action action, String badTimeKey) {
        if (action.atText() != null && !action.atText().isBlank()) {
            try {
                return OffsetDateTime.parse(action.atText().strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw Rejection.badRequest(badTimeKey, action.atText());
            }
        }
        return action.at();
    }

    private static UUID actionId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw Rejection.badRequest("floor.id-required");
        }
        try {
            if (text.strip().length() != 36) {
                throw new IllegalArgumentException("not in the 8-4-4-4-12 form");
            }
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("floor.bad-id", text);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
    }
}
