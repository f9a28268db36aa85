package dev.confer.notifications;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventDefinition;
import dev.confer.events.EventSchedule;
import dev.confer.registration.NewRegistration;
import dev.confer.registration.Registrations;
import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notifications module with the modules it listens to: a registration's mail row commits with the registration
 * (and only then), once, whatever is published again.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class NotificationsModuleTests {

    @Autowired
    Registrations registrations;
    @Autowired
    EventCatalog events;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegistrationGetsItsConfirmationMailQueuedWithItAndOnlyOnce(Scenario scenario) {
        EventSchedule event = define("notify-module-" + ProcessHandle.current().pid());
        scenario.stimulate(() -> registrations.register(event, new NewRegistration("Eve", "eve@example.com", null, null, "en"),
                        Language.EN).attendee().id())
                .andWaitForStateChange(() -> kinds(event), kinds -> !kinds.isEmpty())
                .andVerify(kinds -> assertThat(kinds).containsExactly("CONFIRMATION"));
    }

    @Test
    void aRepeatedRegisteredEventQueuesNothingMore(Scenario scenario) {
        EventSchedule event = define("notify-module-again-" + ProcessHandle.current().pid());
        RegistrationId id = registrations.register(event, new NewRegistration("Ann", "ann@example.com", null, null, "ko"),
                Language.KO).attendee().id();
        scenario.publish(new dev.confer.registration.Registered(id, event.id(), event.slug(),
                        dev.confer.registration.RegistrationStatus.CONFIRMED, Language.KO))
                .andWaitForStateChange(() -> jdbc.sql("SELECT count(*) FROM event_publication").query(Integer.class).single(),
                        pending -> pending == 0)
                .andVerify(pending -> assertThat(kinds(event)).containsExactly("CONFIRMATION"));
    }

    @Test
    void aRefusedRegistrationLeavesNoMail() {
        EventSchedule event = define("notify-module-full-" + ProcessHandle.current().pid());
        for (int i = 0; i < 10; i++) {
            registrations.register(event, new NewRegistration("Guest " + i, "guest" + i + "@example.com", null, null, "en"), Language.EN);
        }
        // the fast path publishes Registered, finds no place and rolls back; the slow path refuses: no mail row stays
        assertThatThrownBy(() -> registrations.register(event, new NewRegistration("Late", "late@example.com", null, null, "en"),
                Language.EN)).hasMessageContaining("registration.full");
        assertThat(kinds(event)).hasSize(10).containsOnly("CONFIRMATION");
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%Registered'").query(Integer.class).single())
                .as("a registration writes no publication row: its mail is the outbox row").isZero();
    }

    private List<String> kinds(EventSchedule event) {
        return jdbc.sql("SELECT kind FROM mail_outbox WHERE event_id = ? ORDER BY id").param(event.id()).query(String.class).list();
    }

    private EventSchedule define(String slug) {
        EventDefinition definition = json.readValue("""
                {"name": {"ko": "알림 모듈", "en": "Notifications module"}, "timezone": "Asia/Seoul", "capacity": 10, "waitlist": 0,
                 "days": [{"date": "2037-05-14", "doorsOpen": "08:00", "end": "18:00", "mealVouchers": 1}]}""", EventDefinition.class);
        return events.define(slug, definition).schedule();
    }
}
