package dev.confer.waitingroom;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import dev.confer.shared.Throttle;
import dev.confer.tickets.ManageTokens;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The waiting room's API. A place is a queue id (a browser keeps it in a cookie), numbered in arrival order by the
 * event's own sequence; admission moves a frontier over those numbers at the event's rate, passing over whoever
 * stopped polling. One passed over who asks again within {@link WaitingRoomSettings#returnGrace()} of their last
 * question is back: first in line for the next admissions (in arrival order among those back), never past the rate;
 * later than that they start again at the back. An admitted visitor's pass is {@code id.expiry.hmac} under the
 * event's secret, good once.
 *
 * <p>The room is on from {@link WaitingRoomSettings#lead()} before registration opens until
 * {@link WaitingRoomSettings#calm()} after, and afterwards whenever arrivals beat the rate (counted per instance)
 * or someone still waits.
 */
@Service
public class WaitingRoom {

    static final String PASS_PURPOSE = "queue-pass";

    private final QueueStore store;
    private final ManageTokens signatures;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final WaitingRoomSettings settings;
    private final Throttle throttle;
    // arrivals per event while the room is off, on this instance (one entry per event with a room)
    private final Map<String, Bucket> arrivals = new ConcurrentHashMap<>();
    // events whose gate row (and arrival sequence) this instance has seen exist
    private final java.util.Set<Long> gates = ConcurrentHashMap.newKeySet();
    private final Stock stock;
    // what is left, per event and second of the clock: one count a second per instance, not one per poll
    private final Cache<String, Stock.Left> stockSeen = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();

    WaitingRoom(QueueStore store, ManageTokens signatures, TransactionTemplate transaction, Clock clock,
                WaitingRoomSettings settings, Throttle throttle, Stock stock) {
        this.store = store;
        this.signatures = signatures;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
        this.throttle = throttle;
        this.stock = stock;
    }

    /**
     * Where a visitor stands: their position (0 once admitted), the estimated wait, and the pass once admitted;
     * {@code soldOut} when no place and no waitlist place is left (nobody is admitted until one comes back),
     * {@code waitlistOnly} when the places are gone but the waitlist takes people.
     */
    public record Place(UUID id, long position, long etaSeconds, @Nullable String pass, @Nullable Instant passExpiresAt,
                        boolean expired, long pollSeconds, boolean soldOut, boolean waitlistOnly) {
    }

    /** What is left to register for; the registration module answers (it counts the places). */
    public interface Stock {

        enum Left { PLACES, WAITLIST, NONE }

        Left left(EventSchedule event);
    }

    /** The organizer's view of the room. */
    public record Overview(boolean configured, boolean active, int admitPerMinute, long joined, long waiting,
                           long admitted, long admittedLastMinute, long droppedOut, long passesUsed) {
    }

    public boolean configured(EventSchedule event) {
        return event.registration().waitingRoom() != null;
    }

    /** Whether registering needs a pass now. */
    public boolean active(EventSchedule event) {
        EventSchedule.WaitingRoom room = event.registration().waitingRoom();
        if (room == null) {
            return false;
        }
        Instant now = Instant.now(clock);
        LocalDateTime closes = event.registration().closesAt();
        if (closes != null && !now.isBefore(closes.atZone(event.zone()).toInstant())) {
            return false;
        }
        Instant opens = opensAt(event);
        if (opens != null && now.isBefore(opens.minus(settings.lead()))) {
            return false;
        }
        if (opens != null && now.isBefore(opens.plus(settings.calm()))) {
            return true;
        }
        return store.gate(event.id()).map(g -> g.busyUntil() != null && now.isBefore(g.busyUntil())).orElse(false);
    }

    /**
     * A new place at the back of the queue for a browser at {@code clientAddress}; refused (429, nothing done) when
     * that address joined too often lately (a generous limit: an office's people share one address).
     */
    public Place join(EventSchedule event, String clientAddress) {
        requireConfigured(event);
        throttle.attempt("queue-join", clientAddress);
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        if (!gates.contains(event.id())) {
            store.createGate(event.id(), now.minusSeconds(1), burst(event.registration().waitingRoom())); // idle: full credit
            gates.add(event.id());
        }
        store.join(event.id(), id, now);
        return look(event, id).orElseThrow(); // which ticks admissions when one is due
    }

    /** The visitor's place now (and a tick of admissions when one is due); empty for an unknown id. */
    public Optional<Place> look(EventSchedule event, UUID id) {
        requireConfigured(event);
        Instant now = Instant.now(clock);
        Optional<QueueStore.Standing> before = store.standing(event.id(), id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        comeBack(event, before.get(), now);
        store.seen(id, now, now.minus(settings.stale().dividedBy(4))); // before the tick: asking is being here
        advance(event);
        QueueStore.Standing standing = store.standing(event.id(), id).orElseThrow();
        QueueStore.Visitor visitor = standing.visitor();
        long through = standing.admittedThrough();
        Instant admittedAt = visitor.admittedAt();
        long poll = settings.pollEvery().toSeconds();
        if (admittedAt != null) {
            Instant expires = admittedAt.plus(settings.passTtl());
            boolean expired = !now.isBefore(expires) || visitor.passUsedAt() != null;
            Stock.Left left = left(event, now);
            return Optional.of(new Place(id, 0, 0, expired ? null : pass(event, id, expires), expired ? null : expires,
                    expired, poll, left == Stock.Left.NONE, left == Stock.Left.WAITLIST));
        }
        // those back (passed over, returned in time) go first, in arrival order; then the line past the frontier
        long back = store.returnedAhead(event.id(), visitor.ticket(), now.minus(settings.stale()));
        long position = visitor.returnedAt() != null && visitor.ticket() <= through
                ? 1 + back
                : Math.max(1, visitor.ticket() - through) + back;
        int rate = event.registration().waitingRoom().admitPerMinute();
        long eta = (long) Math.ceil(position * 60.0 / rate);
        Instant opens = opensAt(event);
        if (opens != null && now.isBefore(opens)) {
            eta += Duration.between(now, opens).toSeconds();
        }
        // far back, ask less often (a tenth of the wait), but often enough never to look gone
        long far = Math.min(eta / 10, settings.stale().toSeconds() / 3);
        Stock.Left left = left(event, now);
        return Optional.of(new Place(id, position, eta, null, null, false, Math.max(poll, far), left == Stock.Left.NONE,
                left == Stock.Left.WAITLIST));
    }

    /**
     * A visitor the frontier passed over (not heard from for {@link WaitingRoomSettings#stale()} when their turn came)
     * asks again: within the grace window of their last question they are back, first in line for the next
     * admissions; later, their place is gone and they get a new number at the back. A visitor who joined while a tick
     * moved the frontier past their number (their insert committed after the tick read the queue) is back at once.
     */
    private void comeBack(EventSchedule event, QueueStore.Standing standing, Instant now) {
        QueueStore.Visitor visitor = standing.visitor();
        if (visitor.admittedAt() != null || visitor.returnedAt() != null) {
            return;
        }
        if (visitor.ticket() > standing.admittedThrough()) {
            return; // still ahead of the frontier: waiting as before
        }
        if (!visitor.seenAt().isBefore(now.minus(settings.returnGrace()))) {
            store.returned(visitor.id(), now);
        } else {
            store.toTheBack(event.id(), visitor.id(), now);
        }
    }

    /**
     * Runs a registration behind the room: while it is on, {@code pass} must be a valid, unexpired, unused pass
     * (428 without one, 403 when forged or expired, 409 when used); a refused registration gives the pass back.
     */
    public <T> T admit(EventSchedule event, @Nullable String pass, Supplier<T> registration) {
        if (!configured(event)) {
            return registration.get();
        }
        if (!active(event)) {
            if (arrivalsWithinRate(event)) {
                return registration.get();
            }
            Instant now = Instant.now(clock);
            store.busyUntil(event.id(), now.plus(settings.busyFor()), now);
        }
        UUID id = verify(event, pass);
        if (!store.claimPass(event.id(), id, Instant.now(clock))) {
            throw Rejection.conflict("queue.pass-used");
        }
        try {
            return registration.get();
        } catch (RuntimeException e) {
            store.releasePass(event.id(), id);
            throw e;
        }
    }

    /** Whether {@code pass} would let its holder register now (the form shows itself or sends them to the room). */
    public boolean passValid(EventSchedule event, @Nullable String pass) {
        try {
            UUID id = verify(event, pass);
            return store.find(event.id(), id).map(v -> v.passUsedAt() == null).orElse(false);
        } catch (Rejection e) {
            return false;
        }
    }

    public Overview overview(EventSchedule event) {
        EventSchedule.WaitingRoom room = event.registration().waitingRoom();
        if (room == null) {
            return new Overview(false, false, 0, 0, 0, 0, 0, 0, 0);
        }
        Instant now = Instant.now(clock);
        Optional<QueueStore.Gate> gate = store.gate(event.id());
        long through = gate.map(QueueStore.Gate::admittedThrough).orElse(0L);
        return new Overview(true, active(event), room.admitPerMinute(), store.joined(event.id()),
                store.waiting(event.id(), through, now.minus(settings.stale())), gate.map(QueueStore.Gate::admitted).orElse(0L),
                store.admittedSince(event.id(), now.minus(Duration.ofMinutes(1))), gate.map(QueueStore.Gate::dropped).orElse(0L),
                store.passesUsed(event.id()));
    }

    /**
     * One tick of admissions, at most one a second per event across instances: the credit grows by the rate times
     * the time since the last tick (capped at ten seconds' worth, so an idle room banks no burst); the visitors who are
     * back (passed over, returned within the grace window) are admitted first, in arrival order, then the frontier
     * moves over as many visitors still polling as the credit has left. Nobody is admitted before registration opens.
     * The frontier never moves past the highest number committed; a join committed after a tick moved past its
     * number is back at its first question ({@link #comeBack}).
     */
    private void advance(EventSchedule event) {
        EventSchedule.WaitingRoom room = event.registration().waitingRoom();
        if (room == null) {
            return;
        }
        Instant now = Instant.now(clock);
        // before the gate's lock, never under it: counting the places needs a connection of its own, and joins queue
        // for the gate row holding theirs (under the lock this stalled the pool until Hikari's timeout, found by
        // bench/opening.sh)
        boolean soldOut = left(event, now) == Stock.Left.NONE;
        transaction.executeWithoutResult(status -> store.lockGateIfDue(event.id(), now.minusSeconds(1)).ifPresent(gate -> {
            double perSecond = room.admitPerMinute() / 60.0;
            Instant opens = opensAt(event);
            Instant since = opens != null && opens.isAfter(gate.tickedAt()) ? opens : gate.tickedAt();
            double elapsed = Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
            double credit = opens != null && now.isBefore(opens) ? 0 : Math.min(gate.credit() + perSecond * elapsed, burst(room));
            long from = gate.admittedThrough();
            long to = from;
            int admitted = 0;
            int k = (int) Math.floor(credit);
            Instant seenSince = now.minus(settings.stale());
            if (soldOut) {
                k = 0; // sold out: nobody is let in to be refused; the line moves again when a place comes back
            }
            int back = k > 0 ? store.admitReturned(event.id(), seenSince, k, now) : 0;
            credit -= back;
            k -= back;
            long last = store.lastTicket(event.id());
            if (k > 0 && last > from) {
                to = store.kthLiveAfter(event.id(), from, seenSince, k).orElse(last);
                admitted = store.admit(event.id(), from, to, seenSince, now);
                credit -= admitted;
            }
            Instant busy = last > to || back > 0 ? now.plus(settings.busyFor()) : null;
            store.tick(event.id(), to, admitted + back, (to - from) - admitted, credit, now, busy);
        }));
    }

    /** Never blocks on another thread's count (no compute-if-absent): at worst a few threads count the same second. */
    private Stock.Left left(EventSchedule event, Instant now) {
        String key = event.id() + "@" + now.getEpochSecond();
        Stock.Left seen = stockSeen.getIfPresent(key);
        if (seen == null) {
            seen = stock.left(event);
            stockSeen.put(key, seen);
        }
        return seen;
    }

    /** Ten seconds' worth of admissions: what an idle room lets in at once. */
    private static double burst(EventSchedule.WaitingRoom room) {
        return Math.max(1, room.admitPerMinute() / 6.0);
    }

    private UUID verify(EventSchedule event, @Nullable String pass) {
        if (pass == null || pass.isBlank()) {
            throw new Rejection(428, "queue.pass-required", event.slug())
                    .withProperty("queue", "/api/v1/events/" + event.slug() + "/queue");
        }
        String[] parts = pass.strip().split("\\.");
        UUID id;
        long expires;
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            id = UUID.fromString(parts[0]);
            expires = Long.parseLong(parts[1]);
        } catch (IllegalArgumentException e) {
            throw Rejection.forbidden("queue.pass-invalid");
        }
        if (!signatures.signatureMatches(event, PASS_PURPOSE, id + "." + expires, parts[2])) {
            throw Rejection.forbidden("queue.pass-invalid");
        }
        if (!Instant.now(clock).isBefore(Instant.ofEpochSecond(expires))) {
            throw Rejection.forbidden("queue.pass-expired");
        }
        return id;
    }

    private String pass(EventSchedule event, UUID id, Instant expires) {
        String payload = id + "." + expires.getEpochSecond();
        return payload + "." + signatures.signature(event, PASS_PURPOSE, payload);
    }

    private boolean arrivalsWithinRate(EventSchedule event) {
        int rate = event.registration().waitingRoom().admitPerMinute();
        Bucket bucket = arrivals.computeIfAbsent(event.id() + "@" + rate, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(rate).refillGreedy(rate, Duration.ofMinutes(1)).build()).build());
        return bucket.tryConsume(1);
    }

    private void requireConfigured(EventSchedule event) {
        if (!configured(event)) {
            throw Rejection.conflict("queue.none", event.slug());
        }
    }

    private static @Nullable Instant opensAt(EventSchedule event) {
        LocalDateTime opens = event.registration().opensAt();
        return opens == null ? null : opens.atZone(event.zone()).toInstant();
    }
}
