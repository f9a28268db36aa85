package dev.confer.access;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people who showed their badge at a booth and consented to share their contact with sponsors, for that
 * booth's sponsor or the organizer. A visit by anyone else still counts (booth_lead keeps it, the booth's
 * figures stay exact) but never names them here, nor once they withdrew, cancelled or were erased.
 */
@Service
public class BoothLeads {

    private final BoothVisits visits;
    private final Registrations registrations;

    BoothLeads(BoothVisits visits, Registrations registrations) {
        this.visits = visits;
        this.registrations = registrations;
    }

    public record Lead(String name, @Nullable String company, @Nullable String jobTitle, String email, Instant firstVisitAt,
                Instant lastVisitAt, int visits) {
    }

    public List<Lead> of(EventSchedule event, String boothCode, Caller caller) {
        if (event.booth(boothCode).isEmpty()) {
            throw Rejection.notFound("access.unknown-booth", boothCode);
        }
        if (caller.role() == Role.SPONSOR && !boothCode.equals(caller.boothCode())) {
            throw Rejection.forbidden("access.other-booth-leads", String.valueOf(caller.boothCode()), boothCode);
        }
        List<BoothVisits.Visit> visitors = visits.at(event.id(), boothCode);
        Map<dev.confer.shared.RegistrationId, Attendee> people = registrations.findAll(visitors.stream().map(BoothVisits.Visit::registrationId).toList())
                .stream().collect(Collectors.toMap(Attendee::id, Function.identity()));
        return visitors.stream()
                .filter(v -> people.containsKey(v.registrationId()) && people.get(v.registrationId()).sharesWithSponsors())
                .map(v -> {
                    Attendee a = people.get(v.registrationId());
                    return new Lead(a.name(), a.company(), a.jobTitle(), a.email(), v.firstVisitAt(), v.lastVisitAt(), v.visits());
                })
                .toList();
    }
}
