package dev.confer.events;

import dev.confer.shared.Rejection;
import dev.confer.shared.Rejection.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The events module's API: defines events and hands out their schedules. Schedules are cached per
 * instance and re-read when another instance changed the definition (checked every two seconds).
 */
@Service
public class EventCatalog {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final long RECHECK_NANOS = 2_000_000_000L;

    private final EventStore store;
    private final List<DefinitionGuard> guards;
    private final ApplicationEventPublisher publisher;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    EventCatalog(EventStore store, List<DefinitionGuard> guards, ApplicationEventPublisher publisher) {
        this.store = store;
        this.guards = guards;
        this.publisher = publisher;
    }

    public record Defined(EventSchedule schedule, boolean created) {
    }

    /** Creates or replaces an event; all or nothing. */
    @Transactional
    public Defined define(String slug, EventDefinition definition) {
        if (!SLUG.matcher(slug).matches()) {
            throw Rejection.badRequest("event.bad-slug", slug);
        }
        DefinitionValidator.Outcome outcome = DefinitionValidator.validate(0, slug, definition);
        if (outcome.schedule() == null) {
            throw new Rejection(400, "definition.invalid", outcome.problems(), outcome.problems().size());
        }
        EventStore.LockedEvent locked = store.lockOrCreate(slug, outcome.schedule());
        EventSchedule proposed = withId(outcome.schedule(), locked.id());
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
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                cache.remove(slug);
            }
        });
        return new Defined(proposed, locked.current() == null);
    }

    public Optional<EventSchedule> find(String slug) {
        long now = System.nanoTime();
        Cached cached = cache.get(slug);
        if (cached != null) {
            if (now - cached.checkedAt < RECHECK_NANOS) {
                return Optional.of(cached.schedule);
            }
            Optional<Timestamp> updatedAt = store.updatedAt(slug);
            if (updatedAt.isPresent() && updatedAt.get().equals(cached.updatedAt)) {
                cache.put(slug, new Cached(cached.schedule, cached.updatedAt, now));
                return Optional.of(cached.schedule);
            }
        }
        Optional<EventStore.Row> row = store.find(slug);
        row.ifPresentOrElse(r -> cache.put(slug, new Cached(r.schedule(), r.updatedAt(), now)), () -> cache.remove(slug));
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
                s.tracks(), s.sessions(), s.booths(), s.venue(), s.about(), s.reminders());
    }

    private record Cached(EventSchedule schedule, Timestamp updatedAt, long checkedAt) {
    }
}
