package dev.confer.agenda;

import dev.confer.registration.TeamId;
import com.fasterxml.jackson.annotation.JsonFormat;
import dev.confer.registration.RegistrationStatus;
import dev.confer.shared.LocalizedText;
import dev.confer.events.EventSchedule;
import dev.confer.tickets.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The team's votes over HTTP, for a member holding their own manage token (or the organizer). */
@RestController
class TeamVoteController {

    private final TeamVotes votes;

    TeamVoteController(TeamVotes votes) {
        this.votes = votes;
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

    record BoardView(TeamId teamId, String name, List<MemberView> members, List<SlotView> slots) {
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/team")
    BoardView board(Holder holder) {
        return view(votes.board(holder.event(), holder.id()));
    }

    @PutMapping("/api/v1/events/{slug}/registrations/{id}/team/votes/{slot}")
    BoardView vote(Holder holder, @PathVariable String slot, @RequestBody Choice body) {
        return view(votes.vote(holder.event(), holder.id(), slot, body.session()));
    }

    @DeleteMapping("/api/v1/events/{slug}/registrations/{id}/team/votes/{slot}")
    BoardView withdraw(Holder holder, @PathVariable String slot) {
        return view(votes.withdraw(holder.event(), holder.id(), slot));
    }

    @PostMapping("/api/v1/events/{slug}/registrations/{id}/team/proposals/{slot}")
    BoardView propose(Holder holder, @PathVariable String slot, @RequestBody Choice body) {
        return view(votes.propose(holder.event(), holder.id(), slot, body.session()));
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
