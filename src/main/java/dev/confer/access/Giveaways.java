package dev.confer.access;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import dev.confer.shared.ScanTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Giveaways at booths: a sponsor's scan hands one gift to a checked-in attendee, one per attendee and gift, never more
 * than the stock (one statement: {@link GiveawayStock#handOut}). A resent handout id is answered as the first sending
 * was and takes nothing; a second gift of the same kind for the same person is refused (409), as is an empty stock.
 */
@Service
public class Giveaways {

    private final GiveawayStock stock;
    private final Credentials credentials;
    private final Checkins checkins;
    private final Registrations registrations;
    private final Clock clock;
    /** A lost race to the same attendee's other handout, or a deadlock victim: the attempt changed nothing. */
    private final RetryTemplate attempts = new RetryTemplate(RetryPolicy.builder()
            .includes(DuplicateKeyException.class, PessimisticLockingFailureException.class).maxRetries(2)
            .delay(Duration.ofMillis(1)).jitter(Duration.ofMillis(1)).build());

    Giveaways(GiveawayStock stock, Credentials credentials, Checkins checkins, Registrations registrations, Clock clock) {
        this.stock = stock;
        this.credentials = credentials;
        this.checkins = checkins;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** One gift's stock and handouts so far. */
    public record GiftCount(String booth, String gift, int stock, int handedOut, int left) {

        GiftCount(String booth, String gift, int stock, int handedOut) {
            this(booth, gift, stock, handedOut, Math.max(0, stock - handedOut));
        }
    }

    public Handout handOut(EventSchedule event, Caller caller, String boothCode, String giftCode, HandoutRequest request) {
        EventSchedule.Booth booth = event.booth(boothCode).orElseThrow(() -> Rejection.notFound("access.unknown-booth", boothCode));
        if (caller.role() == Role.SPONSOR && !boothCode.equals(caller.boothCode())) {
            throw Rejection.forbidden("access.other-booth", String.valueOf(caller.boothCode()), "booth:" + boothCode);
        }
        if (booth.giveaway(giftCode).isEmpty()) {
            throw Rejection.notFound("access.unknown-giveaway", giftCode, boothCode);
        }
        UUID id = handoutId(request.handoutId());
        Instant at = ScanTimes.parse(request.at(), clock, "access.bad-time");
        RegistrationId attendee = credentials.registrationOf(event, request.credential());
        Optional<Attendee> person = registrations.find(event, attendee);
        Optional<Attendee> named = person.filter(Attendee::sharesWithSponsors);
        String name = named.map(Attendee::name).orElse(null);
        String company = named.map(Attendee::company).orElse(null);
        boolean mayReceive = person.map(Attendee::isConfirmed).orElse(false) && checkins.checkedIn(attendee, event.localDate(at));
        if (!mayReceive) {
            throw Rejection.conflict("access.giveaway-not-checked-in");
        }
        GiveawayStock.Outcome outcome = attempts.invoke(() -> {
            try {
                return stock.handOut(id, event.id(), boothCode, giftCode, attendee, at)
                        .orElseThrow(() -> Rejection.notFound("access.unknown-giveaway", giftCode, boothCode));
            } catch (DuplicateKeyException e) {
                Optional<String[]> first = stock.handout(id);
                if (first.isPresent()) { // this id recorded a handout for someone or something else
                    throw Rejection.conflict("access.handout-id-used", id.toString());
                }
                throw e;
            }
        });
        if (outcome.taken() != null) {
            return new Handout(id.toString(), boothCode, giftCode, outcome.taken(), outcome.handedOut(), outcome.stock(),
                    outcome.stock() - outcome.handedOut(), false, name, company);
        }
        if (id.equals(outcome.earlierId())) {
            return new Handout(id.toString(), boothCode, giftCode, 0, outcome.handedOut(), outcome.stock(),
                    outcome.stock() - outcome.handedOut(), true, name, company);
        }
        if (outcome.earlierId() != null) {
            String when = outcome.earlierAt() == null ? "" : outcome.earlierAt().atZone(event.zone()).toLocalDateTime()
                    .withSecond(0).withNano(0).toString().replace('T', ' ');
            throw Rejection.conflict("access.giveaway-already", when)
                    .withProperty("receivedAt", String.valueOf(outcome.earlierAt()));
        }
        throw Rejection.conflict("access.giveaway-out", outcome.stock()).withProperty("stock", outcome.stock())
                .withProperty("handedOut", outcome.handedOut());
    }

    /** Every gift of every booth, as the definition lists them. */
    public List<GiftCount> counts(EventSchedule event) {
        Map<String, GiveawayStock.Count> counts = stock.counts(event.id());
        return event.booths().stream().flatMap(b -> b.giveaways().stream().map(g -> {
            GiveawayStock.Count c = counts.get(b.code() + "/" + g.code());
            return new GiftCount(b.code(), g.code(), g.stock(), c == null ? 0 : c.handedOut());
        })).toList();
    }

    /** One booth's gifts (the sponsor's own booth, or any for the organizer). */
    public List<GiftCount> at(EventSchedule event, String boothCode, Caller caller) {
        if (event.booth(boothCode).isEmpty()) {
            throw Rejection.notFound("access.unknown-booth", boothCode);
        }
        if (caller.role() == Role.SPONSOR && !boothCode.equals(caller.boothCode())) {
            throw Rejection.forbidden("access.other-booth-leads", String.valueOf(caller.boothCode()), boothCode);
        }
        return counts(event).stream().filter(c -> c.booth().equals(boothCode)).toList();
    }

    private static UUID handoutId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw Rejection.badRequest("access.handout-id-required");
        }
        try {
            if (text.strip().length() != 36) {
                throw new IllegalArgumentException("not in the 8-4-4-4-12 form");
            }
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("access.handout-id-invalid", text);
        }
    }
}
