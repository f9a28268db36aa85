package dev.confer.notifications;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps an event's scheduled reminder runs in step with its definition after every definition that committed
 * (the event publication registry resubmits a definition whose planning a crash interrupted). Schedules the missing runs, moves the moved ones and
 * cancels those whose day is gone; a reminder that already ran is left alone. Idempotent, so several
 * instances may do it at once. A reminder whose moment is already past runs right here instead of at
 * the scheduler's next poll (and decides itself whether it is still of use): an event defined on its
 * first day at noon has its morning reminder settled before anyone registers, rather than a few
 * seconds later for whoever happened to register in between. Should that run fail, it is scheduled.
 */
@Component
class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    private final SchedulerClient scheduler;
    private final ReminderRuns runs;
    private final EventCatalog events;
    private final ReminderRunner runner;
    private final Clock clock;

    ReminderPlanner(SchedulerClient scheduler, ReminderRuns runs, EventCatalog events, ReminderRunner runner, Clock clock) {
        this.scheduler = scheduler;
        this.runs = runs;
        this.events = events;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * After commit only: a definition that rolled back must not move anything. Plans from the definition as it
     * is now, since a resubmitted event may be older than the latest definition. Without a transaction of its
     * own: the scheduler and each reminder run commit their own rows.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(EventDefined defined) {
        events.find(defined.schedule().slug()).ifPresent(this::plan);
    }

    void plan(EventSchedule event) {
        String prefix = event.slug() + "|";
        Map<String, ScheduledExecution<Void>> scheduled = new HashMap<>();
        scheduler.fetchScheduledExecutionsForTask(ReminderTask.NAME, Void.class, ScheduledExecutionsFilter.all(), execution -> {
            if (execution.getTaskInstance().getId().startsWith(prefix)) {
                scheduled.put(execution.getTaskInstance().getId(), execution);
            }
        });
        Set<String> ran = runs.of(event.id()).stream().map(r -> r.kind() + "|" + r.day()).collect(Collectors.toSet());
        for (ReminderTimes.Planned planned : ReminderTimes.planned(event)) {
            String id = planned.instanceId(event.slug());
            ScheduledExecution<Void> execution = scheduled.remove(id);
            if (ran.contains(planned.kind() + "|" + planned.day())) {
                continue;
            }
            if (!planned.at().isAfter(clock.instant()) && runNow(event, planned)) {
                if (execution != null && !execution.isPicked()) {
                    cancel(id);
                }
                continue;
            }
            try {
                if (execution == null) {
                    scheduler.scheduleIfNotExists(new TaskInstance<Void>(ReminderTask.NAME, id), planned.at());
                } else if (!execution.isPicked() && !execution.getExecutionTime().equals(planned.at())) {
                    scheduler.reschedule(TaskInstanceId.of(ReminderTask.NAME, id), planned.at());
                }
            } catch (RuntimeException e) {
                // another instance ran or moved it in between; its own plan or the run itself settles it
                log.info("Reminder {} changed under us while planning: {}", id, e.toString());
            }
        }
        scheduled.forEach((id, execution) -> {
            if (!execution.isPicked()) {
                cancel(id);
            }
        });
    }

    private boolean runNow(EventSchedule event, ReminderTimes.Planned planned) {
        String id = planned.instanceId(event.slug());
        try {
            runner.run(event, planned.kind(), planned.day());
            return true;
        } catch (RuntimeException e) {
            log.warn("Reminder {} could not run at once; the scheduler tries it again", id, e);
            return false;
        }
    }

    private void cancel(String id) {
        try {
            scheduler.cancel(TaskInstanceId.of(ReminderTask.NAME, id));
        } catch (RuntimeException e) {
            log.info("Reminder {} was gone before it could be cancelled: {}", id, e.toString());
        }
    }
}
