package dev.confer.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This instance's resources as banded signals, per minute of <em>wall</em> time (an outbox or a server has no event
 * time): {@code errors} ({@code 5xx}: responses with a 5xx status) and {@code latency} ({@code mean}: the mean response
 * time in ms). Sampled every {@link #SAMPLE_SECONDS} s from Micrometer's request timers; the last
 * {@link #KEEP_MINUTES} minutes are kept. Each subject is judged against its own last half hour and alerts only above
 * its band, so a slow start or a quiet night is no incident. Each instance watches itself, as Prometheus scrapes each.
 * (The mail backlog is judged per event in event time, {@link MailLag}: the outbox is shared and its mails have causes
 * on the floor.)
 */
@Component
class ResourceWatch implements SmartLifecycle {

    static final int SAMPLE_SECONDS = 15;
    static final int KEEP_MINUTES = 120;
    private static final Logger log = LoggerFactory.getLogger(ResourceWatch.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final int[] errors = new int[KEEP_MINUTES];
    private final long[] requests = new long[KEEP_MINUTES];
    private final double[] millis = new double[KEEP_MINUTES];
    private long firstMinute = -1;
    private long lastMinute = -1;
    private long lastErrors = -1;
    private long lastCount = -1;
    private double lastTotalMillis;
    private ScheduledExecutorService sampler;

    ResourceWatch(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Takes one sample now (the background thread does this every {@link #SAMPLE_SECONDS} s). */
    synchronized void sample() {
        long minute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
        if (firstMinute < 0 || minute < lastMinute || minute - lastMinute >= KEEP_MINUTES) {
            clear(); // the first sample, a long pause, or a clock moved back (tests move it): start afresh
            firstMinute = minute;
            lastMinute = minute;
        }
        for (long m = lastMinute + 1; m <= minute; m++) {
            int i = slot(m);
            errors[i] = 0;
            requests[i] = 0;
            millis[i] = 0;
        }
        lastMinute = minute;
        firstMinute = Math.max(firstMinute, minute - KEEP_MINUTES + 1);
        int i = slot(minute);
        long errorCount = 0;
        long count = 0;
        double total = 0;
        for (Timer timer : registry.find("http.server.requests").timers()) {
            String status = timer.getId().getTag("status");
            count += timer.count();
            total += timer.totalTime(TimeUnit.MILLISECONDS);
            if (status != null && status.startsWith("5")) {
                errorCount += timer.count();
            }
        }
        if (lastCount >= 0) {
            errors[i] += (int) Math.max(0, errorCount - lastErrors);
            requests[i] += Math.max(0, count - lastCount);
            millis[i] += Math.max(0, total - lastTotalMillis);
        }
        lastErrors = errorCount;
        lastCount = count;
        lastTotalMillis = total;
    }

    /** The finished minutes so far as signals; empty before the first whole minute. */
    synchronized List<SignalDay> signals() {
        if (firstMinute < 0 || lastMinute <= firstMinute) {
            return List.of();
        }
        int n = (int) (lastMinute - firstMinute); // the current minute is still filling
        int[] errorSeries = new int[n];
        int[] latencySeries = new int[n];
        boolean[] always = new boolean[n];
        boolean[] served = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = slot(firstMinute + k);
            errorSeries[k] = errors[i];
            latencySeries[k] = requests[i] == 0 ? 0 : (int) Math.round(millis[i] / requests[i]);
            always[k] = true;
            served[k] = requests[i] > 0;
        }
        Instant start = Instant.ofEpochSecond(firstMinute * 60);
        return List.of(signal("errors", "5xx", start, errorSeries, always),
                signal("latency", "mean", start, latencySeries, served));
    }

    /** One resource signal: judged by its own past only, and only above its band. */
    static SignalDay signal(String name, String subject, Instant start, int[] perMinute, boolean[] working) {
        return new SignalDay(name, start, perMinute.length).alone().watch(BandWatch.Kind.ABOVE_BAND)
                .subject(subject, perMinute, working);
    }

    private void clear() {
        java.util.Arrays.fill(errors, 0);
        java.util.Arrays.fill(requests, 0);
        java.util.Arrays.fill(millis, 0);
    }

    private static int slot(long minute) {
        return (int) Math.floorMod(minute, (long) KEEP_MINUTES);
    }

    @Override
    public synchronized void start() {
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ops-resources").daemon(true).factory());
            sampler.scheduleWithFixedDelay(() -> {
                try {
                    sample();
                } catch (RuntimeException e) {
                    log.debug("resource sample skipped: {}", e.toString()); // the database may be briefly away
                }
            }, 1, SAMPLE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sampler != null;
    }
}
