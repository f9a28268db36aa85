package dev.confer.web.sponsor;

import dev.confer.access.BoothLeads;
import dev.confer.access.DoorCounts;
import dev.confer.access.DoorTaps;
import dev.confer.access.Giveaways;
import dev.confer.access.Handout;
import dev.confer.access.HandoutRequest;
import dev.confer.access.LeadsCsv;
import dev.confer.access.TapAnswer;
import dev.confer.access.TapRequest;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import dev.confer.web.door.DoorVerdict;
import org.jspecify.annotations.Nullable;
import dev.confer.shared.PersonalDataViewed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A sponsor's booth: who showed their badge (the leads), a live count, the CSV for Excel, and a scan
 * field to record a visitor. A sponsor sees only its own booth; the organizer picks any.
 */
@Controller
class SponsorPage {


    private final EventCatalog events;
    private final BoothLeads leads;
    private final DoorCounts counts;
    private final DoorTaps taps;
    private final MessageSource messages;
    private final ApplicationEventPublisher publisher;
    private final Giveaways giveaways;

    SponsorPage(EventCatalog events, BoothLeads leads, DoorCounts counts, DoorTaps taps, MessageSource messages,
                ApplicationEventPublisher publisher, Giveaways giveaways) {
        this.publisher = publisher;
        this.giveaways = giveaways;
        this.events = events;
        this.leads = leads;
        this.counts = counts;
        this.taps = taps;
        this.messages = messages;
    }

    @GetMapping("/sponsor/{slug}")
    String page(@PathVariable String slug, @RequestParam(required = false) @Nullable String booth,
                @AuthenticationPrincipal Caller caller, Model model) {
        EventSchedule event = events.require(slug);
        String code = boothFor(event, caller, booth);
        booth(event, code, caller, model);
        leads(event, code, caller, model);
        int shown = ((List<?>) model.getAttribute("leads")).size();
        if (shown > 0) { // a page that names nobody showed no personal data (the floor page reloads itself often)
            publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "BOOTH_LEADS_PAGE", shown, "booth " + code));
        }
        return "sponsor/leads";
    }

    @GetMapping("/sponsor/{slug}/lead-count")
    String count(@PathVariable String slug, @RequestParam(required = false) @Nullable String booth,
                 @AuthenticationPrincipal Caller caller, Model model) {
        EventSchedule event = events.require(slug);
        booth(event, boothFor(event, caller, booth), caller, model);
        return "sponsor/leads :: lead-count";
    }

    @GetMapping("/sponsor/{slug}/leads.csv")
    ResponseEntity<byte[]> csv(@PathVariable String slug, @RequestParam(required = false) @Nullable String booth,
                               @AuthenticationPrincipal Caller caller, Locale locale) {
        EventSchedule event = events.require(slug);
        String code = boothFor(event, caller, booth);
        List<BoothLeads.Lead> found = leads.of(event, code, caller);
        publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "BOOTH_LEADS_CSV", found.size(), "booth " + code));
        return LeadsCsv.download(event, code, found, messages, locale);
    }

    @PostMapping("/sponsor/{slug}/taps")
    String tap(@PathVariable String slug, @RequestParam(required = false) @Nullable String booth,
               @RequestParam(required = false) @Nullable String tapId, @RequestParam(required = false) @Nullable String scan,
               @AuthenticationPrincipal Caller caller, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
               Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        String code = boothFor(event, caller, booth);
        String text = scan == null ? "" : scan.strip();
        DoorVerdict verdict;
        Integer visits = null;
        if (text.isEmpty()) {
            verdict = DoorVerdict.refused(messages.getMessage("sponsor.scan-required", null, locale));
        } else {
            try {
                TapAnswer answer = taps.tap(event, caller, new TapRequest(tapId, null, "booth:" + code, DoorVerdict.credential(text)));
                verdict = DoorVerdict.of(answer);
                visits = answer.visits();
            } catch (Rejection r) {
                verdict = DoorVerdict.refused(messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
            }
        }
        booth(event, code, caller, model);
        model.addAttribute("verdict", verdict);
        model.addAttribute("visits", visits);
        leads(event, code, caller, model);
        model.addAttribute("htmx", htmx);
        return htmx != null ? "sponsor/leads :: answer" : "sponsor/leads";
    }

    /**
     * A giveaway handed out by scanning the visitor's badge; the answer says so, or why not (already received one,
     * none left, not checked in), and the counts are shown again.
     */
    @PostMapping("/sponsor/{slug}/giveaways")
    String handOut(@PathVariable String slug, @RequestParam(required = false) @Nullable String booth,
                   @RequestParam(required = false) @Nullable String gift, @RequestParam(required = false) @Nullable String handoutId,
                   @RequestParam(required = false) @Nullable String scan, @AuthenticationPrincipal Caller caller,
                   @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        String code = boothFor(event, caller, booth);
        String text = scan == null ? "" : scan.strip();
        String giftCode = gift == null ? "" : gift.strip();
        EventSchedule.Booth shown = event.booth(code).orElseThrow();
        if (text.isEmpty()) {
            model.addAttribute("handoutRefused", messages.getMessage("sponsor.scan-required", null, locale));
        } else {
            try {
                Handout handout = giveaways.handOut(event, caller, code, giftCode,
                        new HandoutRequest(handoutId, null, DoorVerdict.credential(text)));
                model.addAttribute("handout", handout);
                model.addAttribute("handoutGift", shown.giveaway(giftCode).map(g -> g.name().in(locale)).orElse(giftCode));
            } catch (Rejection r) {
                model.addAttribute("handoutRefused", messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
            }
        }
        booth(event, code, caller, model);
        model.addAttribute("pickedGift", giftCode);
        model.addAttribute("htmx", htmx);
        if (htmx != null) {
            return "sponsor/leads :: handout-answer";
        }
        leads(event, code, caller, model);
        return "sponsor/leads";
    }

    /** The leads who share their contact, and how many visitors did not (their visits count all the same). */
    private void leads(EventSchedule event, String code, Caller caller, Model model) {
        List<BoothLeads.Lead> shared = leads.of(event, code, caller);
        model.addAttribute("leads", shared);
        model.addAttribute("unshared", Math.max(0, ((Integer) model.getAttribute("leadCount")) - shared.size()));
    }

    /** A sponsor's own booth (another one is refused); for the organizer the one asked for, else the first. */
    private static String boothFor(EventSchedule event, Caller caller, @Nullable String asked) {
        String wanted = asked == null || asked.isBlank() ? null : asked.strip();
        if (caller.role() == Role.SPONSOR) {
            String own = String.valueOf(caller.boothCode());
            if (wanted != null && !wanted.equals(own)) {
                throw Rejection.forbidden("access.other-booth-leads", own, wanted);
            }
            return own;
        }
        if (wanted != null) {
            return event.booth(wanted).orElseThrow(() -> Rejection.notFound("access.unknown-booth", wanted)).code();
        }
        return event.booths().stream().findFirst().map(EventSchedule.Booth::code)
                .orElseThrow(() -> Rejection.notFound("sponsor.no-booths"));
    }

    private void booth(EventSchedule event, String code, Caller caller, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("booth", event.booth(code).orElseThrow(() -> Rejection.notFound("access.unknown-booth", code)));
        model.addAttribute("organizer", caller.isOrganizer());
        model.addAttribute("leadCount", counts.booths(event).stream().filter(b -> b.code().equals(code))
                .mapToInt(DoorCounts.BoothCount::visitors).findFirst().orElse(0));
        model.addAttribute("tapId", UUID.randomUUID().toString());
        model.addAttribute("handoutId", UUID.randomUUID().toString());
        model.addAttribute("gifts", giveaways.at(event, code, caller));
    }
}
