package dev.confer.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Posts the webhook outbox, one message at a time per instance: claim the next due one, POST it, record the answer.
 * A 2xx is delivered; anything else (a refusal, a timeout, a dead host) is retried with exponential back-off until
 * {@link AlertSettings#maxAttempts()}. Each message carries {@code X-Confer-Alert-Id}, so a receiver can drop the one
 * repeat a crash between its answer and our record could cause.
 */
@Component
class WebhookWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookOutbox outbox;
    private final AlertSettings settings;
    private final HttpClient http;
    private volatile boolean running;
    private Thread thread;

    WebhookWorker(WebhookOutbox outbox, AlertSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Claims and posts the next due message; false when none was due. */
    boolean deliverNext() {
        List<WebhookOutbox.Pending> claimed = outbox.claim(1, settings.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        WebhookOutbox.Pending message = claimed.getFirst();
        String failure;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(message.url())).timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8").header("X-Confer-Alert-Id", message.alertId())
                    .POST(HttpRequest.BodyPublishers.ofString(message.payload(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.markSent(message.id(), response.statusCode());
                return true;
            }
            failure = "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        int failed = message.attempts() + 1;
        // the URL is a secret (it carries the hook's token): only the alert and the reason go into the log
        if (failed >= settings.maxAttempts()) {
            log.error("Giving up the webhook message for alert {} after {} attempts: {}", message.alertId(), failed, failure);
            outbox.markGivenUp(message.id(), failure);
        } else {
            log.warn("Webhook message for alert {} not delivered ({}); retrying", message.alertId(), failure);
            outbox.markFailed(message.id(), failure, settings.retryDelayAfter(failed));
        }
        return true;
    }

    private void loop() {
        while (running) {
            boolean worked = false;
            try {
                worked = deliverNext();
            } catch (RuntimeException e) {
                log.warn("Webhook round failed; trying again after {}: {}", settings.pollInterval(), e.getMessage());
            }
            if (!worked) {
                try {
                    Thread.sleep(settings.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            thread = Thread.ofPlatform().name("ops-webhook").daemon(true).start(this::loop);
        }
    }

    @Override
    public synchronized void stop() {
        running = false; // the message in hand is finished and recorded; the thread ends after it
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
