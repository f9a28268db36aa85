package dev.confer.registration;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventDefinition;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration module bootstrapped with only what it depends on (events, tickets, and the platform's clock and
 * caches): the events it publishes for other modules to react to.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
class RegistrationModuleTests {

    @Autowired
    Registrations registrations;
    @Autowired
    EventCatalog events;
    @Autowired
    JsonMapper json;

    @Test
    void aConfirmedRegistrationPublishesRegisteredInTheAttendeesLanguage(Scenario scenario) {
        EventSchedule event = define("reg-module-" + ProcessHandle.current().pid(), 1, 5);
        scenario.stimulate(() -> registrations.register(event, new NewRegistration("김민준", "minjun@example.com", null, null, "ko"),
                        Language.EN))
                .andWaitForEventOfType(Registered.class)
                .matching(r -> r.eventSlug().equals(event.slug()))
                .toArriveAndVerify((registered, outcome) -> {
                    assertThat(registered.registrationId()).isEqualTo(outcome.attendee().id());
                    assertThat(registered.status()).isEqualTo(RegistrationStatus.CONFIRMED);
                    assertThat(registered.language()).isEqualTo(Language.KO);
                });
    }

    @Test
    void cancellingAConfirmedPlacePromotesTheFirstWaitlistedAndSaysSo(Scenario scenario) {
        EventSchedule event = define("reg-module-promote-" + ProcessHandle.current().pid(), 1, 5);
        Attendee first = registrations.register(event, new NewRegistration("First", "first@example.com", null, null, "en"),
                Language.EN).attendee();
        Attendee waiting = registrations.register(event, new NewRegistration("Waiting", "waiting@example.com", null, null, "en"),
                Language.EN).attendee();
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);

        scenario.stimulate(() -> registrations.cancel(event, first.id()))
                .andWaitForEventOfType(Promoted.class)
                .matching(p -> p.registrationId().equals(waiting.id()))
                .toArriveAndVerify(promoted -> assertThat(promoted.language()).isEqualTo(Language.EN));
        assertThat(registrations.find(event, waiting.id())).get().extracting(Attendee::status).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    private EventSchedule define(String slug, int capacity, int waitlist) {
        EventDefinition definition = json.readValue("""
                {"name": {"ko": "모듈 테스트", "en": "Module test"}, "timezone": "Asia/Seoul", "capacity": %d, "waitlist": %d,
                 "days": [{"date": "2037-05-14", "doorsOpen": "08:00", "end": "18:00", "mealVouchers": 1}]}"""
                .formatted(capacity, waitlist), EventDefinition.class);
        return events.define(slug, definition).schedule();
    }
}
