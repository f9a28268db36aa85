package dev.confer.notifications;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task behind reminder mails: one instance per event, kind and day (see
 * {@link ReminderTimes.Planned#instanceId}), stored in PostgreSQL so that it survives restarts and runs
 * on one instance. A failed run is tried again later.
 */
@Configuration(proxyBeanMethods = false)
class ReminderTask {

    static final String NAME = "event-reminder";

    @Bean
    OneTimeTask<Void> eventReminderTask(ReminderRunner runner) {
        return Tasks.oneTime(NAME).onFailureRetryLater().execute((instance, context) -> runner.run(instance.getId()));
    }
}
