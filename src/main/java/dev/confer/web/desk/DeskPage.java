package dev.confer.web.desk;

import dev.confer.shared.RegistrationId;
import dev.confer.checkin.DeskCheckin;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The registration desk in a browser: a USB scanner types the QR text into the scan field, or the camera
 * reads it; the attendee can also be found by name or e-mail and checked in from the list. Every
 * check-in goes through {@link DeskCheckin}, exactly as the desk API does.
 */
@Controller
class DeskPage {

    private final EventCatalog events;
    private final DeskCheckin desk;
    private final Tickets tickets;
    private final DeskLists lists;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final dev.confer.receivers.Receivers receivers;

    DeskPage(EventCatalog events, DeskCheckin desk, Tickets tickets, DeskLists lists, MessageSource messages, Clock clock,
             ApplicationEventPublisher publisher, dev.confer.receivers.Receivers receivers) {
        this.receivers = receivers;
        this.publisher = publisher;
        this.events = events;
        this.desk = desk;
        this.tickets = tickets;
        this.lists = lists;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/desk/{slug}")
    String page(@PathVariable String slug, @RequestParam(required = false) @Nullable String q,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                @AuthenticationPrincipal Caller caller, Model model) {
        EventSchedule event = events.require(slug);
        model.addAttribute("event", event);
        if (q != null) {
            model.addAttribute("q", q.strip());
            List<DeskLists.Found> found = lists.search(event, q.strip());
            model.addAttribute("found", found);
            if (!q.isBlank()) { // what was typed is a person's name or address: only that a search was made is logged
                publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "DESK_SEARCH", found.size(), null));
            }
            if (htmx != null) {
                return "desk/desk :: search-results";
            }
        }
        model.addAttribute("recent", lists.recent(event));
        return "desk/desk";
    }

    /** The latest check-ins at every desk today, polled by the page. */
    @GetMapping("/desk/{slug}/recent")
    String recent(@PathVariable String slug, Model model) {
        EventSchedule event = events.require(slug);
        model.addAttribute("event", event);
        model.addAttribute("recent", lists.recent(event));
        return "desk/desk :: recent";
    }

    @PostMapping("/desk/{slug}/scan")
    String scan(@PathVariable String slug, @RequestParam(required = false) @Nullable String ticket,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                @AuthenticationPrincipal Caller caller, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        String text = ticket == null ? "" : ticket.strip();
        DeskVerdict verdict = text.isEmpty()
                ? DeskVerdict.refused(messages.getMessage("desk.scan-required", null, locale))
                : checkIn(event, credential(text), caller, locale);
        return answer(event, verdict, htmx, model);
    }

    @PostMapping("/desk/{slug}/registrations/{id}/check-in")
    String checkInFromList(@PathVariable String slug, @PathVariable RegistrationId id,
                           @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                           @AuthenticationPrincipal Caller caller, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        // the person has no QR code at hand: the desk issues the same ticket the e-mail carried
        return answer(event, checkIn(event, () -> new DeskCheckin.Credential(tickets.issue(event, id), null), caller, locale),
                htmx, model);
    }

    /** A QR ticket has dots ({@code CF1.slug.id.signature}); anything else is a badge's NFC UID (day 2 with the name card). */
    private static java.util.function.Supplier<DeskCheckin.Credential> credential(String scanned) {
        return scanned.contains(".") ? () -> new DeskCheckin.Credential(scanned, null) : () -> new DeskCheckin.Credential(null, scanned);
    }

    /** Recorded under the signed-in token's desk name (its label), so the dashboard tells the desks apart. */
    private DeskVerdict checkIn(EventSchedule event, java.util.function.Supplier<DeskCheckin.Credential> credential, Caller caller,
                                Locale locale) {
        try {
            return DeskVerdict.of(desk.checkIn(event, credential.get(), null, caller.deskName(), clock.instant()));
        } catch (Rejection r) {
            return DeskVerdict.refused(messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
        }
    }

    private String answer(EventSchedule event, DeskVerdict verdict, @Nullable String htmx, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("verdict", verdict);
        if (verdict.checkedIn() != null) {
            RegistrationId id = verdict.checkedIn().registrationId();
            model.addAttribute("attendeeId", id);
            // the page's print layout carries the ticket's QR (an NFC scan brought none: the same signed ticket is issued)
            model.addAttribute("badge", BadgeSheet.of(tickets.issue(event, id)));
            model.addAttribute("printId", java.util.UUID.randomUUID()); // this print, logged once (DeskBadges)
            DeskReceivers.addTo(model, receivers, event, id);
        }
        return htmx != null ? "desk/desk :: result" : "desk/desk";
    }
}
