package dev.confer.agenda;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler job behind the nudges before sessions: recurring, stored in PostgreSQL, one instance at a time. */
@Configuration(proxyBeanMethods = false)
class SessionNudgeTask {

    static final String NAME = "session-nudges";

    @Bean
    RecurringTask<Void> sessionNudgeJob(SessionNudges nudges, AgendaSettings settings) {
        return Tasks.recurring(NAME, FixedDelay.of(settings.nudgeEvery())).execute((instance, context) -> nudges.runDue());
    }
}
