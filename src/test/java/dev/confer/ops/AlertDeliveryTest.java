package dev.confer.ops;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The morning's two alerts go out once each: by mail (through the mail outbox) to both organizer addresses, and to a
 * real local HTTP webhook receiver that refuses the first two calls. Sweeps are repeated and a second webhook worker
 * (another instance) runs beside the application's own: still one mail per alert and address, one accepted webhook
 * call per alert.
 */
class AlertDeliveryTest extends SummitMorning {

    @Autowired
    private AlertDispatch dispatch;
    @Autowired
    private WebhookOutbox webhookOutbox;
    @Autowired
    private AlertSettings settings;
    @Autowired
    private JdbcClient jdbc;

    private HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void eachAlertGoesOutOnceByMailAndWebhookThroughRefusalsAndTwoWorkers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<String> texts = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() <= 2 ? 503 : 200; // refuses the first two calls
            if (status == 200) {
                accepted.add(exchange.getRequestHeaders().getFirst("X-Confer-Alert-Id"));
                texts.add(JSON.readTree(body).get("text").asString());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        String slug = replayMorning();
        String delivery = "/api/v1/events/" + slug + "/ops/delivery";
        Response defaults = get(delivery, ADMIN);
        assertThat(defaults.json().get("source").asString()).isEqualTo("settings");
        Response bad = call("PUT", delivery, ADMIN, Map.of("mailTo", List.of("ops@example.com", "not an address"), "webhook", hook),
                Map.of("Accept-Language", "ko"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("not an address").contains("이메일");
        assertThat(call("PUT", delivery, ADMIN, Map.of("webhook", "ftp://example.com/x"), Map.of()).status()).isEqualTo(400);
        assertThat(get(delivery, ADMIN).json().get("source").asString()).isEqualTo("settings"); // a refusal changed nothing
        assertThat(call("PUT", delivery, staffToken(slug, "DESK", null), Map.of("mailTo", List.of()), Map.of()).status()).isEqualTo(403);

        Response set = call("PUT", delivery, ADMIN, Map.of("mailTo", List.of("ops@example.com", "lead@example.com"), "webhook", hook,
                "language", "en"), Map.of());
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().get("webhook").asBoolean()).isTrue();
        assertThat(set.text()).doesNotContain("/hook"); // the URL is a secret

        List<String> alertIds = new ArrayList<>();
        get("/api/v1/events/" + slug + "/ops/alerts?day=" + DAY, ADMIN).json().forEach(a -> alertIds.add(a.get("id").asString()));
        assertThat(alertIds).hasSize(2);

        assertThat(dispatch.sweep()).isEqualTo(2 * (2 + 1)); // two alerts: two mails and one webhook message each
        assertThat(dispatch.sweep()).isZero();

        WebhookWorker otherInstance = new WebhookWorker(webhookOutbox, settings);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> awaitTrue(() -> {
                otherInstance.deliverNext();
                return webhookOutbox.pending() == 0;
            }));
            awaitTrue(() -> webhookOutbox.pending() == 0);
        } finally {
            other.shutdownNow();
        }
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(alertIds);
        assertThat(calls.get()).isEqualTo(4); // two refused, then one accepted call per alert
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("Desk D04").contains("Silent").contains("/organizer/" + slug + "/ops"));
        assertThat(dispatch.sweep()).isZero();

        awaitTrue(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE event_id = (SELECT id FROM event WHERE slug = ?) "
                + "AND kind = 'OPS_ALERT' AND sent_at IS NOT NULL").param(slug).query(Integer.class).single() == 4);
        List<String> mails = jdbc.sql("SELECT recipient || ' ' || ref || ' ' || delivered_via || ' ' || subject FROM mail_outbox "
                        + "WHERE event_id = (SELECT id FROM event WHERE slug = ?) AND kind = 'OPS_ALERT' ORDER BY recipient, ref")
                .param(slug).query(String.class).list();
        assertThat(mails).hasSize(4);
        for (String to : Set.of("ops@example.com", "lead@example.com")) {
            for (String id : alertIds) {
                assertThat(mails).filteredOn(m -> m.startsWith(to + " " + id + " ")).hasSize(1);
            }
        }
        assertThat(mails).anySatisfy(m -> assertThat(m).contains("Silent: Desk D04"));
    }

    /** Waits for a state (no timing asserted): up to two minutes, for a loaded machine. */
    private static boolean awaitTrue(BooleanSupplier state) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("state not reached within two minutes");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return true;
    }
}
