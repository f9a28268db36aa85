package dev.confer.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organizer's view of an event's reminder mails: every reminder the definition plans, when it goes
 * out, and how it went. Day-before counts include the still-on-the-waitlist notes sent with it.
 */
@Service
public class ReminderOverview {

    /**
     * One planned reminder. {@code state}: {@code scheduled} (waiting for its moment), {@code done} (mails
     * queued) or {@code dropped} (its moment passed while nobody could send it); {@code dropped} also counts
     * mails that waited too long to be of use; {@code sent} counts mails delivered so far.
     */
    public record Reminder(String kind, LocalDate day, LocalDateTime eventTime, Instant utc, String state,
                           @Nullable Instant ranAt, int queued, int dropped, int sent) {
    }

    private final ReminderRuns runs;
    private final SchedulerClient scheduler;

    ReminderOverview(ReminderRuns runs, SchedulerClient scheduler) {
        this.runs = runs;
        this.scheduler = scheduler;
    }

    public List<Reminder> of(EventSchedule event) {
        Map<String, ReminderRuns.Run> ran = runs.of(event.id()).stream()
                .collect(Collectors.toMap(r -> r.kind() + "|" + r.day(), Function.identity()));
        Map<String, ReminderRuns.MailCounts> mails = runs.mailCounts(event.id());
        return ReminderTimes.planned(event).stream().map(planned -> {
            String key = planned.kind() + "|" + planned.day();
            ReminderRuns.Run run = ran.get(key);
            ReminderRuns.MailCounts counts = mails.getOrDefault(key, new ReminderRuns.MailCounts(0, 0));
            if (planned.kind() == MailKind.DAY_BEFORE) {
                ReminderRuns.MailCounts notes = mails.getOrDefault(MailKind.STILL_WAITLISTED + "|" + planned.day(),
                        new ReminderRuns.MailCounts(0, 0));
                counts = new ReminderRuns.MailCounts(counts.sent() + notes.sent(), counts.dropped() + notes.dropped());
            }
            Instant at = run == null ? scheduledAt(event, planned).orElse(planned.at()) : planned.at();
            String state = run == null ? "scheduled" : run.outcome();
            return new Reminder(planned.kind().name(), planned.day(), LocalDateTime.ofInstant(at, event.zone()), at, state,
                    run == null ? null : run.ranAt(), run == null ? 0 : run.queued(),
                    (run == null ? 0 : run.dropped()) + counts.dropped(), counts.sent());
        }).toList();
    }

    /** Where db-scheduler has the run, should it differ from the plan for a moment (being moved right now). */
    private Optional<Instant> scheduledAt(EventSchedule event, ReminderTimes.Planned planned) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(ReminderTask.NAME, planned.instanceId(event.slug())))
                .map(e -> e.getExecutionTime());
    }
}
