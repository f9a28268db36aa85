package dev.confer.privacy;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.PersonalData;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attendee's rights: everything held about them as one JSON document, and erasure. Each module that holds
 * something about a person contributes a {@link PersonalData} part, so a new module's data cannot be forgotten
 * here; erasure runs every part in one transaction: all anonymised, or nothing.
 */
@Service
public class PersonalDataRequests {

    private final List<PersonalData> parts;
    private final Registrations registrations;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PersonalDataRequests(List<PersonalData> parts, Registrations registrations, ApplicationEventPublisher publisher, Clock clock) {
        this.parts = parts;
        this.registrations = registrations;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Everything held about the registration, part by part, logged as a data export by {@code actor}. */
    public Map<String, Object> export(EventSchedule event, RegistrationId id, String actor) {
        require(event, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event", event.slug());
        out.put("exportedAt", clock.instant().toString());
        for (PersonalData part : parts) {
            out.put(part.part(), part.export(event.id(), id));
        }
        publisher.publishEvent(new PersonalDataViewed(event.id(), actor, "DATA_EXPORT", 1, null));
        return out;
    }

    /** Anonymises the registration everywhere, irreversibly; again changes nothing. Counts and statistics stay. */
    @Transactional
    public Attendee erase(EventSchedule event, RegistrationId id, String actor) {
        Attendee before = require(event, id);
        if (!before.isErased()) {
            for (PersonalData part : parts) {
                part.erase(event.id(), id);
            }
            publisher.publishEvent(new PersonalDataViewed(event.id(), actor, "ERASURE", 1, null));
        }
        return require(event, id);
    }

    private Attendee require(EventSchedule event, RegistrationId id) {
        return registrations.find(event, id).orElseThrow(() -> Rejection.notFound("registration.not-found", id));
    }
}
