package dev.confer.registration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.LockConflicts;
import dev.confer.shared.RegistrationId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Returns the places of PENDING registrations whose hold ran out (registration.verifyEmail): a db-scheduler job,
 * recurring, one instance at a time. Each expiry is its own transaction through {@link Registrations#expireHold},
 * so the waitlist moves exactly as on a cancellation.
 */
@Configuration(proxyBeanMethods = false)
class HoldExpiry {

    static final String NAME = "registration-hold-expiry";

    private final Registrations registrations;
    private final EventCatalog events;
    private final RetryTemplate lockConflicts = LockConflicts.retrying(2);

    HoldExpiry(Registrations registrations, EventCatalog events) {
        this.registrations = registrations;
        this.events = events;
    }

    @Bean
    RecurringTask<Void> holdExpiryJob(RegistrationSettings settings) {
        return Tasks.recurring(NAME, FixedDelay.of(settings.holdSweepEvery())).execute((instance, context) -> sweep());
    }

    /** Expires every hold that ran out; returns how many places came back. */
    int sweep() {
        int expired = 0;
        while (true) {
            List<Map.Entry<Long, RegistrationId>> due = registrations.expiredHolds(200);
            int before = expired;
            for (Map.Entry<Long, RegistrationId> hold : due) {
                Optional<EventSchedule> event = events.slugs().stream().map(events::find).flatMap(Optional::stream)
                        .filter(e -> e.id() == hold.getKey()).findFirst();
                if (event.isPresent() && lockConflicts.invoke(() -> registrations.expireHold(event.get(), hold.getValue()))) {
                    expired++;
                }
            }
            if (due.size() < 200 || expired == before) {
                return expired;
            }
        }
    }
}
