package dev.confer.agenda;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.shared.Caller;
import dev.confer.shared.LocalizedText;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The team's votes over HTTP, for a member holding their own manage token (or the organizer). */
@RestController
class TeamVoteController {

    private final EventCatalog events;
    private final TeamVotes votes;
    private final Tickets tickets;

    TeamVoteController(EventCatalog events, TeamVotes votes, Tickets tickets) {
        this.events = events;
        this.votes = votes;
        this.tickets = tickets;
    }

    record Choice(@Nullable String session) {
    }

    record MemberView(String name, RegistrationStatus status, boolean lead, boolean me) {
    }

    record CandidateView(String session, LocalizedText title, String room, int votes, List<String> voters, String proposedBy,
                         int seatsLeft, int capacity, boolean plan) {
    }

    record SlotView(String slot, LocalDate day, @JsonFormat(pattern = "HH:mm") LocalTime start, boolean open,
                    List<String> sessions, List<CandidateView> candidates, int votes, @Nullable String plan, @Nullable String myVote) {
    }

    record BoardView(UUID teamId, String name, List<MemberView> members, List<SlotView> slots) {
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/team")
    BoardView board(@PathVariable String slug, @PathVariable UUID id, @AuthenticationPrincipal @Nullable Caller caller,
                    @RequestParam(name = "token", required = false) @Nullable String token,
                    @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = member(slug, id, caller, token, headerToken);
        return view(votes.board(event, id));
    }

    @PutMapping("/api/v1/events/{slug}/registrations/{id}/team/votes/{slot}")
    BoardView vote(@PathVariable String slug, @PathVariable UUID id, @PathVariable String slot, @RequestBody Choice body,
                   @AuthenticationPrincipal @Nullable Caller caller,
                   @RequestParam(name = "token", required = false) @Nullable String token,
                   @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = member(slug, id, caller, token, headerToken);
        return view(votes.vote(event, id, slot, body.session()));
    }

    @DeleteMapping("/api/v1/events/{slug}/registrations/{id}/team/votes/{slot}")
    BoardView withdraw(@PathVariable String slug, @PathVariable UUID id, @PathVariable String slot,
                       @AuthenticationPrincipal @Nullable Caller caller,
                       @RequestParam(name = "token", required = false) @Nullable String token,
                       @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = member(slug, id, caller, token, headerToken);
        return view(votes.withdraw(event, id, slot));
    }

    @PostMapping("/api/v1/events/{slug}/registrations/{id}/team/proposals/{slot}")
    BoardView propose(@PathVariable String slug, @PathVariable UUID id, @PathVariable String slot, @RequestBody Choice body,
                      @AuthenticationPrincipal @Nullable Caller caller,
                      @RequestParam(name = "token", required = false) @Nullable String token,
                      @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = member(slug, id, caller, token, headerToken);
        return view(votes.propose(event, id, slot, body.session()));
    }

    private EventSchedule member(String slug, UUID id, @Nullable Caller caller, @Nullable String token, @Nullable String headerToken) {
        EventSchedule event = events.require(slug);
        tickets.requireHolderOrStaff(event, id, caller, token != null ? token : headerToken, "registration.token-required");
        return event;
    }

    private static BoardView view(TeamBoard board) {
        List<MemberView> members = board.team().members().stream().map(m -> new MemberView(m.name(), m.status(),
                board.team().isLead(m.registrationId()), m.registrationId().equals(board.me()))).toList();
        List<SlotView> slots = board.slots().stream().map(s -> new SlotView(s.slot().id(), s.slot().day(), s.slot().start(), s.open(),
                s.sessions().stream().map(EventSchedule.Session::code).toList(),
                s.candidates().stream().map(c -> new CandidateView(c.session().code(), c.session().title(), c.session().room(),
                        c.votes(), c.voters(), c.proposedBy(), c.seats().left(), c.seats().capacity(), c.plan())).toList(),
                s.votes(), s.plan(), s.myVote())).toList();
        return new BoardView(board.team().id(), board.team().name(), members, slots);
    }
}
