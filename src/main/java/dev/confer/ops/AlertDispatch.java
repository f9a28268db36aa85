package dev.confer.ops;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.notifications.StaffMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends every alert out once: every {@link AlertSettings#sweepEvery()} each instance judges the days of the events
 * running around today (the same judgement as the ops page and API, from its 10-second cache) and queues each alert
 * not muted for the day by mail to the route's addresses and to its webhook. Both outboxes are unique per alert, so
 * sweeps on many instances and after restarts queue each alert once; the outboxes' workers deliver and retry.
 */
@Component
class AlertDispatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatch.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCatalog events;
    private final OpsAlerts alerts;
    private final OpsNotes notes;
    private final AlertRoutes routes;
    private final AlertWording wording;
    private final StaffMails mails;
    private final WebhookOutbox webhooks;
    private final TransactionTemplate tx;
    private final AlertSettings settings;
    private final Clock clock;
    private final String publicUrl;
    private ScheduledExecutorService sweeper;

    AlertDispatch(EventCatalog events, OpsAlerts alerts, OpsNotes notes, AlertRoutes routes, AlertWording wording, StaffMails mails,
                  WebhookOutbox webhooks, TransactionTemplate tx, AlertSettings settings, Clock clock,
                  @Value("${confer.mail.public-url:http://localhost:8080}") String publicUrl) {
        this.events = events;
        this.alerts = alerts;
        this.notes = notes;
        this.routes = routes;
        this.wording = wording;
        this.mails = mails;
        this.webhooks = webhooks;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Queues the alerts of every event with a day from yesterday to tomorrow (event time); the number newly queued. */
    int sweep() {
        int queued = 0;
        for (String slug : events.slugs()) {
            EventSchedule event = events.find(slug).orElse(null);
            if (event == null) {
                continue;
            }
            LocalDate today = clock.instant().atZone(event.zone()).toLocalDate();
            for (EventSchedule.Day day : event.days()) {
                if (!day.date().isBefore(today.minusDays(1)) && !day.date().isAfter(today.plusDays(1))) {
                    queued += dispatch(event, day.date());
                }
            }
        }
        return queued;
    }

    /** Queues the alerts of one event day not yet queued; the number of new mails and webhook messages. */
    int dispatch(EventSchedule event, LocalDate day) {
        AlertRoutes.Route route = routes.of(event.id());
        if (route.mailTo().isEmpty() && route.webhook() == null) {
            return 0;
        }
        Set<String> muted = notes.muted(event.id(), day);
        String page = publicUrl + "/organizer/" + event.slug() + "/ops?day=" + day;
        int queued = 0;
        for (BandWatch.Alert alert : alerts.of(event, day).alerts()) {
            if (muted.contains(alert.signal() + ":" + alert.subject())) {
                continue;
            }
            AlertWording.Words words = wording.of(alert, event, route.language(), page);
            Integer added = tx.execute(status -> {
                int n = 0;
                for (String to : route.mailTo()) {
                    n += mails.alert(event.id(), event.slug(), alert.id(), to, words.subject(), words.text()) ? 1 : 0;
                }
                if (route.webhook() != null) {
                    String payload = JSON.writeValueAsString(Map.of("text", words.subject() + "\n" + words.text()));
                    n += webhooks.enqueue(event.id(), alert.id(), route.webhook(), payload) ? 1 : 0;
                }
                return n;
            });
            queued += added == null ? 0 : added;
        }
        return queued;
    }

    @Override
    public synchronized void start() {
        if (sweeper == null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ops-alert-sweep").daemon(true).factory());
            long every = settings.sweepEvery().toMillis();
            sweeper.scheduleWithFixedDelay(() -> {
                try {
                    sweep();
                } catch (RuntimeException e) {
                    log.warn("Alert sweep failed; next one in {}: {}", settings.sweepEvery(), e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }
}
