package dev.confer.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

import java.time.Duration;

/**
 * Resubmits cross-module events whose listener never finished: the instance that took them died (kill -9, a lost
 * host) after their cause committed. Start-up resubmits everything outstanding on the instance that restarts;
 * this job does it on whichever instance is alive, every ten seconds, for publications older than twenty seconds
 * (a healthy listener finishes within milliseconds). One instance at a time runs it (db-scheduler). Listeners are
 * idempotent, so resubmitting one that was merely slow changes nothing.
 */
@Configuration
class EventResubmission {

    static final Duration EVERY = Duration.ofSeconds(10);
    static final Duration OLDER_THAN = Duration.ofSeconds(20);

    @Bean
    RecurringTask<Void> eventResubmissionJob(IncompleteEventPublications incomplete) {
        return Tasks.recurring("event-resubmission", FixedDelay.of(EVERY))
                .execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN));
    }
}
