package dev.confer.web.site;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.waitingroom.WaitingRoom;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The waiting page. The browser's place is a queue id in a cookie scoped to the event, so reloading and other tabs
 * show the same place; the page polls the queue API and, once admitted, comes back here to have the pass set as a
 * cookie and go on to the form.
 */
@Controller
class WaitingRoomPage {

    static final String PLACE_COOKIE = "confer-queue";
    static final String PASS_COOKIE = "confer-pass";

    private final EventCatalog events;
    private final WaitingRoom room;
    private final Clock clock;

    WaitingRoomPage(EventCatalog events, WaitingRoom room, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.room = room;
    }

    @GetMapping("/e/{slug}/queue")
    String queue(@PathVariable String slug, @CookieValue(name = PLACE_COOKIE, required = false) @Nullable String placeCookie,
                 @CookieValue(name = PASS_COOKIE, required = false) @Nullable String passCookie,
                 Model model, HttpServletRequest request, HttpServletResponse response) {
        EventSchedule event = events.require(slug);
        if (!room.configured(event) || !room.active(event) || room.passValid(event, passCookie)) {
            return "redirect:/e/" + slug + "/register";
        }
        Optional<WaitingRoom.Place> kept = parse(placeCookie).flatMap(id -> room.look(event, id)).filter(p -> !p.expired());
        WaitingRoom.Place place = kept.orElseGet(() -> room.join(event, request.getRemoteAddr()));
        if (kept.isEmpty()) {
            response.addHeader("Set-Cookie", cookie(PLACE_COOKIE, place.id().toString(), slug, Duration.ofDays(1), request).toString());
        }
        if (place.pass() != null) {
            Duration left = Duration.between(Instant.now(clock), place.passExpiresAt()).plusSeconds(60);
            response.addHeader("Set-Cookie", cookie(PASS_COOKIE, place.pass(), slug, left, request).toString());
            return "redirect:/e/" + slug + "/register";
        }
        model.addAttribute("event", event);
        model.addAttribute("place", place);
        model.addAttribute("minutes", Math.max(1, (place.etaSeconds() + 59) / 60));
        return "site/queue";
    }

    static boolean needsQueue(WaitingRoom room, EventSchedule event, @Nullable String pass) {
        return room.active(event) && !room.passValid(event, pass);
    }

    private static Optional<UUID> parse(@Nullable String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseCookie cookie(String name, String value, String slug, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(name, value).path("/e/" + slug).httpOnly(true).sameSite("Lax")
                .secure(request.isSecure()).maxAge(maxAge).build();
    }
}
