package dev.confer.floor;

import dev.confer.access.DoorTaps;
import dev.confer.access.SyncedTaps;
import dev.confer.access.TapRequest;
import dev.confer.checkin.DeskCheckin;
import dev.confer.events.EventSchedule;
import dev.confer.platform.Problems;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Settles a device's queue: every action in scan-time order through the same services as the single endpoints (so
 * each is answered, counted and refused exactly as it would have been there): one action's refusal changes nothing
 * of another's. Idempotent by the action's id: the tap's {@code tapId} (the tap table's key) or the check-in's client
 * id (unique on the check-in row). Check-ins go one by one (the desk's own group commit, {@code FirstCheckins}, joins
 * them with other desks'); a run of taps is settled as one group ({@link SyncedTaps}: one commit, one read per table).
 * A tap only depends on its own attendee's check-in, so a run of taps is settled before the next check-in of one of
 * its attendees (or of someone not known), never after: each tap still sees exactly the check-ins before it.
 */
@Service
public class QueuedScans {

    public static final int MAX_ACTIONS = 500;
    /** How far ahead of the server's clock a device's clock may run before its times are not believed. */
    static final Duration SKEW = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(QueuedScans.class);

    private final DeskCheckin desk;
    private final DoorTaps taps;
    private final SyncedTaps synced;
    private final Problems problems;
    private final Clock clock;

    QueuedScans(DeskCheckin desk, DoorTaps taps, SyncedTaps synced, Problems problems, Clock clock) {
        this.desk = desk;
        this.synced = synced;
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
        List<Action> runActions = new ArrayList<>();
        List<SyncedTaps.Pending> run = new ArrayList<>();
        Set<RegistrationId> runAttendees = new HashSet<>();
        for (Action action : ordered) {
            if (isTap(action) && (caller.role() == Role.DOOR || caller.role() == Role.SPONSOR || caller.role() == Role.ORGANIZER)) {
                String id = text(action.json(), "id");
                try {
                    actionId(id);
                    SyncedTaps.Pending pending = synced.accept(event, caller, tapRequest(action));
                    run.add(pending);
                    runActions.add(action);
                    runAttendees.add(pending.attendee());
                } catch (RuntimeException e) {
                    results[action.index()] = failed(event, action, id, e, locale);
                }
                continue;
            }
            if (!run.isEmpty() && mayLetInSomeoneOf(event, action, runAttendees)) {
                settleRun(event, caller, runActions, run, results, locale);
                runAttendees.clear();
            }
            results[action.index()] = settleOne(event, caller, device, action, locale);
        }
        settleRun(event, caller, runActions, run, results, locale);
        return List.of(results);
    }

    private static boolean isTap(Action action) {
        return "tap".equals(text(action.json(), "kind"));
    }

    /** Whether this action may be the check-in of an attendee of the waiting run of taps (unknown: yes). */
    private boolean mayLetInSomeoneOf(EventSchedule event, Action action, Set<RegistrationId> attendees) {
        if (!"check-in".equals(text(action.json(), "kind"))) {
            return false; // refused as a bad kind, changes nothing
        }
        return desk.whose(event, new DeskCheckin.Credential(text(action.json(), "ticket"), text(action.json(), "nfcUid")))
                .map(attendees::contains).orElse(true);
    }

    private void settleRun(EventSchedule event, Caller caller, List<Action> actions, List<SyncedTaps.Pending> run,
                           Result[] results, Locale locale) {
        if (run.isEmpty()) {
            return;
        }
        List<SyncedTaps.Outcome> outcomes = synced.settle(event, caller, run);
        for (int i = 0; i < run.size(); i++) {
            Action action = actions.get(i);
            SyncedTaps.Outcome outcome = outcomes.get(i);
            String id = text(action.json(), "id");
            results[action.index()] = outcome.answer() != null ? new Result(id, 200, outcome.answer())
                    : failed(event, action, id, java.util.Objects.requireNonNull(outcome.refusal()), locale);
        }
        actions.clear();
        run.clear();
    }

    private static TapRequest tapRequest(Action action) {
        JsonNode json = action.json();
        JsonNode credential = json.get("credential");
        return new TapRequest(text(json, "id") == null ? null : text(json, "id").strip(), action.atText(), text(json, "point"),
                credential == null || !credential.isObject() ? null
                        : new TapRequest.Credential(text(credential, "ticket"), text(credential, "nfcUid")));
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
                return new Result(id, 200, taps.settleOffline(event, caller, tapRequest(action)));
            }
            throw Rejection.badRequest("floor.bad-kind", kind == null ? "" : kind);
        } catch (RuntimeException e) {
            return failed(event, action, id, e, locale);
        }
    }

    private Result failed(EventSchedule event, Action action, @Nullable String id, RuntimeException e, Locale locale) {
        if (e instanceof Rejection r) {
            return new Result(id, r.status(), problems.of(r, locale));
        }
        if (e instanceof PessimisticLockingFailureException) {
            return new Result(id, 503, problems.of(new Rejection(503, "request.busy"), locale));
        }
        log.error("Unexpected failure settling a queued {} for event {}", text(action.json(), "kind"), event.slug(), e);
        return new Result(id, 500, problems.of(new Rejection(500, "request.unexpected"), locale));
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
