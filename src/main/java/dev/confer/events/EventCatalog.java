package dev.confer.events;

import dev.confer.shared.LockConflicts;
import dev.confer.shared.Rejection;
import dev.confer.shared.Rejection.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The events module's API: defines events and hands out their schedules. Schedules are cached per instance
 * (cache {@code event-schedules}) and re-read when the definition's version in the database changed, which is
 * checked at most every two seconds per event (cache {@code event-versions}), so another instance's change shows
 * within two seconds and this instance's own at once.
 */
@Service
public class EventCatalog {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final EventStore store;
    private final List<DefinitionGuard> guards;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final Cache schedules;
    private final Cache versions;

    private final JsonMapper json;
    private final DefinitionShape shape;

    EventCatalog(EventStore store, List<DefinitionGuard> guards, ApplicationEventPublisher publisher,
                 TransactionTemplate transaction, CacheManager caches, JsonMapper json) {
        this.store = store;
        this.json = json;
        this.shape = DefinitionShape.load(json);
        this.guards = guards;
        this.publisher = publisher;
        this.transaction = transaction;
        this.schedules = Objects.requireNonNull(caches.getCache("event-schedules"));
        this.versions = Objects.requireNonNull(caches.getCache("event-versions"));
    }

    public record Defined(EventSchedule schedule, boolean created) {
    }

    /** The JSON Schema that {@link #define(String, JsonNode)} holds a definition to. */
    public JsonNode definitionSchema() {
        return shape.schema();
    }

    /**
     * Creates or replaces an event from its JSON as sent: keys the schema does not know and values of the wrong
     * JSON type are problems with their pointers, listed together with every problem of the values themselves.
     */
    public Defined define(String slug, JsonNode document) {
        if (!SLUG.matcher(slug).matches()) {
            throw Rejection.badRequest("event.bad-slug", slug);
        }
        DefinitionShape.Checked checked = shape.check(document);
        EventDefinition definition = checked.cleaned().isObject()
                ? json.treeToValue(checked.cleaned(), EventDefinition.class)
                : new EventDefinition(null, null, null, null, null, null, null, null, null);
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        if (!problems.isEmpty()) {
            // the validator's own findings, except where the shape already said what is wrong
            Set<String> reported = new HashSet<>();
            problems.forEach(p -> reported.add(p.pointer()));
            DefinitionValidator.validate(0, slug, definition).problems().stream()
                    .filter(p -> !reported.contains(p.pointer()))
                    .forEach(problems::add);
            throw new Rejection(400, "definition.invalid", problems, problems.size());
        }
        return define(slug, definition);
    }

    /**
     * Creates or replaces an event; all or nothing. The modules that keep copies of capacities update them in
     * the same transaction ({@link EventDefined} listeners); this instance reads the new definition at once.
     */
    public Defined define(String slug, EventDefinition definition) {
        if (!SLUG.matcher(slug).matches()) {
            throw Rejection.badRequest("event.bad-slug", slug);
        }
        DefinitionValidator.Outcome outcome = DefinitionValidator.validate(0, slug, definition);
        if (outcome.schedule() == null) {
            throw new Rejection(400, "definition.invalid", outcome.problems(), outcome.problems().size());
        }
        try {
            return LockConflicts.retrying(3).invoke(
                    () -> Objects.requireNonNull(transaction.execute(status -> store(slug, outcome.schedule()))));
        } finally {
            schedules.evict(slug);
            versions.evict(slug);
        }
    }

    private Defined store(String slug, EventSchedule valid) {
        EventStore.LockedEvent locked = store.lockOrCreate(slug, valid);
        EventSchedule proposed = withId(valid, locked.id());
        if (locked.current() != null) {
            List<FieldProblem> problems = new ArrayList<>();
            for (DefinitionGuard guard : guards) {
                problems.addAll(guard.check(locked.current(), proposed));
            }
            if (!problems.isEmpty()) {
                throw new Rejection(400, "definition.invalid", problems, problems.size());
            }
        }
        store.save(proposed);
        publisher.publishEvent(new EventDefined(proposed, locked.current() == null));
        return new Defined(proposed, locked.current() == null);
    }

    public Optional<EventSchedule> find(String slug) {
        Optional<Timestamp> version = versions.get(slug, () -> store.updatedAt(slug));
        if (version == null || version.isEmpty()) {
            schedules.evict(slug);
            return Optional.empty();
        }
        EventStore.Row cached = schedules.get(slug, EventStore.Row.class);
        if (cached != null && cached.updatedAt().equals(version.get())) {
            return Optional.of(cached.schedule());
        }
        Optional<EventStore.Row> row = store.find(slug);
        row.ifPresentOrElse(r -> schedules.put(slug, r), () -> schedules.evict(slug));
        return row.map(EventStore.Row::schedule);
    }

    /** The event, or a 404 that names the slug. */
    public EventSchedule require(String slug) {
        return find(slug).orElseThrow(() -> Rejection.notFound("event.not-found", slug));
    }

    public List<String> slugs() {
        return store.slugs();
    }

    private static EventSchedule withId(EventSchedule s, long id) {
        return new EventSchedule(id, s.slug(), s.name(), s.zone(), s.capacity(), s.waitlist(), s.days(), s.rooms(),
                s.tracks(), s.sessions(), s.booths(), s.venue(), s.about(), s.reminders(), s.privacy(),
                s.registration(), s.zones(), s.receivers());
    }
}
