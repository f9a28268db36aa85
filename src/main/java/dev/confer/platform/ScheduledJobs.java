package dev.confer.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * db-scheduler: jobs that must run at a moment (reminder mails) are rows in {@code scheduled_tasks}, so
 * they survive restarts, and each run is picked by exactly one instance. Modules declare their jobs as
 * {@code Task} beans and schedule runs through {@code SchedulerClient}; the scheduler reads time from the
 * application's {@link Clock}, so tests move time instead of waiting for it.
 */
@Configuration
class ScheduledJobs {

    /** Stopped for good (letting running jobs finish) when the context closes; before that the pool is still open. */
    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, Clock clock) {
        List<Task<?>> all = tasks.orderedStream().toList();
        // recurring jobs (the nudges before sessions) are start tasks: the scheduler schedules them itself when it starts
        List<RecurringTask<?>> recurring = all.stream().filter(t -> t instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        List<Task<?>> known = all.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        return Scheduler.create(dataSource, known)
                .startTasks(recurring)
                .clock(clock::instant)
                // unique per process: two instances on one host must not take each other's runs for their own
                .schedulerName(new SchedulerName.Fixed(hostName() + "-" + ProcessHandle.current().pid() + "-"
                        + UUID.randomUUID().toString().substring(0, 8)))
                .threads(4)
                .pollingInterval(Duration.ofSeconds(5))
                // a run whose instance was killed is taken over after a few missed heartbeats (minutes, not the default hour)
                .heartbeatInterval(Duration.ofSeconds(20))
                .alwaysPersistTimestampInUTC()
                .build();
    }

    /**
     * Starts polling once the application is up. A lifecycle stop only pauses it: Spring may start a
     * context again (the test context cache does), and a stopped db-scheduler cannot be restarted.
     */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;
            private boolean started;

            @Override
            public synchronized void start() {
                if (started) {
                    scheduler.resume();
                } else {
                    scheduler.start();
                    started = true;
                }
                running = true;
            }

            @Override
            public synchronized void stop() {
                scheduler.pause();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "confer";
        }
    }
}
