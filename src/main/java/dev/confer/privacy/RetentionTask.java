package dev.confer.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The db-scheduler job behind retention: recurring (hourly), stored in PostgreSQL, one instance at a time. */
@Configuration(proxyBeanMethods = false)
class RetentionTask {

    static final String NAME = "privacy-retention";

    @Bean
    RecurringTask<Void> retentionJob(Retention retention) {
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> retention.runDue());
    }
}
