package dev.confer.web.site;

import dev.confer.shared.RegistrationId;
import dev.confer.checkin.AttendeeDay;
import dev.confer.checkin.Checkins;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.ConsentLedger;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.tickets.TicketQr;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * My ticket, opened from the link in the confirmation mail: the QR code, the status, each day's check-in
 * with keynote seat and lunch voucher, and cancelling (asked twice). The manage token in the link is the
 * only key, so a wrong token and a wrong id get the same not-found page, and the page is never cached
 * or sent on as a referrer.
 */
@Controller
class MyTicketPage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** When the page was made, as its saved copy says it offline ("5/14 08:12", event time). */
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("M/d HH:mm");

    private final EventCatalog events;
    private final Registrations registrations;
    private final Tickets tickets;
    private final Checkins checkins;
    private final TicketHolder holder;
    private final AttendeeCards cards;
    private final org.springframework.context.MessageSource messages;
    private final java.time.Clock clock;
    private final ConsentLedger consents;
    private final dev.confer.access.LabReservations labs;
    private final dev.confer.access.Attendance attendance;
    private final dev.confer.receivers.Receivers receivers;

    MyTicketPage(EventCatalog events, Registrations registrations, Tickets tickets, Checkins checkins, TicketHolder holder,
                 AttendeeCards cards, org.springframework.context.MessageSource messages, java.time.Clock clock,
                 ConsentLedger consents, dev.confer.access.LabReservations labs, dev.confer.access.Attendance attendance,
                 dev.confer.receivers.Receivers receivers) {
        this.receivers = receivers;
        this.attendance = attendance;
        this.labs = labs;
        this.consents = consents;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
        this.registrations = registrations;
        this.tickets = tickets;
        this.checkins = checkins;
        this.holder = holder;
        this.cards = cards;
    }

    /** One event day as the ticket holder sees it. */
    record DayView(EventSchedule.Day day, @Nullable AttendeeDay checkin, @Nullable String checkedInAt) {
    }

    /** A hands-on lab as My ticket shows it: its seats left and this holder's reservation, if any. */
    record LabRow(EventSchedule.Session session, dev.confer.access.LabReservations.LabCount seats,
                  dev.confer.access.LabReservations.@Nullable Reservation mine, boolean open) {
    }

    @GetMapping("/e/{slug}/my-ticket/{id}")
    String ticket(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                  Model model) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder(event, id, token);
        model.addAttribute("event", event);
        model.addAttribute("attendee", attendee);
        model.addAttribute("token", token);
        model.addAttribute("position", registrations.waitlistPosition(attendee));
        model.addAttribute("consents", attendee.isErased() ? null : consents.state(event, id));
        if (attendee.status() != RegistrationStatus.CANCELLED && !attendee.isErased()) {
            String ticket = tickets.issue(event, id);
            model.addAttribute("ticket", ticket);
            model.addAttribute("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(TicketQr.png(ticket, 600)));
        }
        Map<java.time.LocalDate, AttendeeDay> checkedIn = checkins.daysOf(event, id).stream()
                .collect(Collectors.toMap(AttendeeDay::day, Function.identity()));
        List<DayView> days = event.days().stream().map(d -> {
            AttendeeDay c = checkedIn.get(d.date());
            return new DayView(d, c, c == null ? null : CLOCK.format(c.checkedInAt().atZone(event.zone())));
        }).toList();
        model.addAttribute("days", days);
        model.addAttribute("savedAt", SAVED.format(clock.instant().atZone(event.zone())));
        model.addAttribute("manifestUrl", TicketHolder.url(slug, id, token, "/manifest.webmanifest"));
        cards.addTo(model, event, attendee);
        Map<String, dev.confer.access.LabReservations.Reservation> mine = labs.of(event, id).stream()
                .collect(Collectors.toMap(dev.confer.access.LabReservations.Reservation::session, Function.identity()));
        java.time.Instant now = clock.instant();
        model.addAttribute("labs", labs.counts(event).stream().map(c -> {
            EventSchedule.Session session = event.session(c.session()).orElseThrow();
            return new LabRow(session, c, mine.get(c.session()), now.isBefore(event.instant(session.day(), session.start())));
        }).toList());
        model.addAttribute("attended", attendance.of(event, id));
        receivers.openLoan(event, id).ifPresent(loan -> model.addAttribute("receiverLoanAt",
                SAVED.format(loan.lentAt().atZone(event.zone()))));
        model.addAttribute("certificateUrl", org.springframework.web.util.UriComponentsBuilder
                .fromPath("/api/v1/events/{slug}/registrations/{id}/certificate.pdf").queryParam("token", token)
                .buildAndExpand(slug, id).encode().toUriString());
        return "site/my-ticket";
    }

    /**
     * Makes My ticket installable ("add to home screen"): it opens this holder's ticket, within the event's
     * my-ticket pages, the scope of the service worker that keeps it for offline use (static/js/ticket-sw.js).
     */
    @GetMapping(value = "/e/{slug}/my-ticket/{id}/manifest.webmanifest", produces = "application/manifest+json")
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> manifest(@PathVariable String slug, @PathVariable RegistrationId id,
                                 @RequestParam(required = false) @Nullable String token, java.util.Locale locale) {
        EventSchedule event = events.require(slug);
        holder(event, id, token);
        String name = messages.getMessage("site.ticket.title", null, locale) + " · " + event.name().in(locale);
        return Map.of("name", name, "short_name", messages.getMessage("site.ticket.title", null, locale),
                "lang", locale.getLanguage(), "start_url", ticketUrl(slug, id, token), "scope", "/e/" + slug + "/my-ticket/",
                "display", "standalone", "background_color", "#ffffff", "theme_color", "#1747b3",
                "icons", List.of(Map.of("src", "/favicon.svg", "sizes", "any", "type", "image/svg+xml", "purpose", "any")));
    }

    @GetMapping("/e/{slug}/my-ticket/{id}/cancel")
    String confirmCancel(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                         Model model) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder(event, id, token);
        if (attendee.status() == RegistrationStatus.CANCELLED) {
            return "redirect:" + ticketUrl(slug, id, token);
        }
        model.addAttribute("event", event);
        model.addAttribute("attendee", attendee);
        model.addAttribute("token", token);
        return "site/cancel";
    }

    @PostMapping("/e/{slug}/my-ticket/{id}/cancel")
    String cancel(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                  RedirectAttributes redirect) {
        EventSchedule event = events.require(slug);
        holder(event, id, token);
        registrations.cancel(event, id);
        redirect.addFlashAttribute("justCancelled", true);
        return "redirect:" + ticketUrl(slug, id, token);
    }

    /** Reserves a seat at a hands-on lab (or a place on its waitlist), then back to My ticket. */
    @PostMapping("/e/{slug}/my-ticket/{id}/labs/{code}")
    String reserveLab(@PathVariable String slug, @PathVariable RegistrationId id, @PathVariable String code,
                      @RequestParam(required = false) @Nullable String token, RedirectAttributes redirect) {
        EventSchedule event = events.require(slug);
        holder(event, id, token);
        dev.confer.access.LabReservations.Reservation r = labs.reserve(event, id, code);
        redirect.addFlashAttribute("labNotice", r.status().name());
        return "redirect:" + ticketUrl(slug, id, token) + "#labs";
    }

    @PostMapping("/e/{slug}/my-ticket/{id}/labs/{code}/cancel")
    String cancelLab(@PathVariable String slug, @PathVariable RegistrationId id, @PathVariable String code,
                     @RequestParam(required = false) @Nullable String token, RedirectAttributes redirect) {
        EventSchedule event = events.require(slug);
        holder(event, id, token);
        labs.cancel(event, id, code);
        redirect.addFlashAttribute("labNotice", "CANCELLED");
        return "redirect:" + ticketUrl(slug, id, token) + "#labs";
    }

    private Attendee holder(EventSchedule event, RegistrationId id, @Nullable String token) {
        return holder.require(event, id, token);
    }

    private static String ticketUrl(String slug, RegistrationId id, @Nullable String token) {
        return TicketHolder.url(slug, id, token, "");
    }

}
