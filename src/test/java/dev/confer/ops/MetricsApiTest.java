package dev.confer.ops;

import dev.confer.ApiTest;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} as a Prometheus server reads it: the scrape is parsed by the Prometheus client's own
 * protobuf model (the exposition format Prometheus negotiates first), and the text format is checked to declare the
 * same families. Domain counters are driven through the real API.
 */
class MetricsApiTest extends ApiTest {

    private static final String PROTOBUF = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    @Test
    void theScrapeCarriesGoldenSignalsSaturationAndDomainCounters() throws IOException {
        String slug = defineEvent(uniqueSlug("metrics"), eventDefinition(10, 5, 5, 5, 5, 5));
        JsonNode alice = register(slug, "Alice Kim", "alice@" + slug + ".example.com");
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);
        Response in = post("/api/v1/events/" + slug + "/check-ins", desk,
                Map.of("ticket", alice.get("ticket").asString(), "desk", "A1", "at", "2037-05-14T08:40:00+09:00"));
        assertThat(in.status()).as(in.text()).isEqualTo(200);
        // the same ticket again counts no second check-in
        assertThat(post("/api/v1/events/" + slug + "/check-ins", desk,
                Map.of("ticket", alice.get("ticket").asString(), "desk", "A1", "at", "2037-05-14T08:41:00+09:00")).status()).isEqualTo(200);
        Map<String, Object> tap = new LinkedHashMap<>();
        tap.put("tapId", UUID.randomUUID().toString());
        tap.put("at", "2037-05-14T13:05:00+09:00");
        tap.put("point", "session:S101");
        tap.put("credential", Map.of("ticket", alice.get("ticket").asString()));
        assertThat(post("/api/v1/events/" + slug + "/taps", door, tap).json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(post("/api/v1/events/" + slug + "/taps", door, tap).json().get("result").asString()).isEqualTo("DUPLICATE");

        // the stock gauges are refreshed in the background (every 15 s), never by the scrape itself
        Map<String, Metrics.MetricFamily> families = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(this::scrape, f -> f.containsKey("confer_vouchers_left") && f.get("confer_vouchers_left").getMetricList().stream()
                        .anyMatch(m -> labels(m).get("event").equals(slug)));
        assertThat(value(families, "confer_vouchers_left", Map.of("event", slug, "day", "2037-05-14"))).isEqualTo(4.0);
        assertThat(value(families, "confer_keynote_seats_left", Map.of("event", slug, "day", "2037-05-14"))).isEqualTo(9.0);

        assertThat(value(families, "confer_checkins_total", Map.of("event", slug, "desk", "A1"))).isEqualTo(1.0);
        assertThat(value(families, "confer_taps_total", Map.of("event", slug, "point", "session:S101", "result", "ADMITTED"))).isEqualTo(1.0);
        assertThat(value(families, "confer_taps_total", Map.of("event", slug, "point", "session:S101", "result", "DUPLICATE"))).isEqualTo(1.0);
        assertThat(value(families, "confer_registrations_total", Map.of("event", slug, "status", "CONFIRMED"))).isEqualTo(1.0);

        // golden signals per route: a latency histogram with its buckets, labelled by the route's template
        Metrics.MetricFamily http = families.get("http_server_requests_seconds");
        assertThat(http.getType()).isEqualTo(Metrics.MetricType.HISTOGRAM);
        Metrics.Metric checkins = http.getMetricList().stream()
                .filter(m -> labels(m).getOrDefault("uri", "").equals("/api/v1/events/{slug}/check-ins")
                        && labels(m).get("status").equals("200"))
                .findFirst().orElseThrow();
        assertThat(checkins.getHistogram().getSampleCount()).isGreaterThanOrEqualTo(2);
        assertThat(checkins.getHistogram().getBucketCount()).isGreaterThanOrEqualTo(10);
        // saturation: the connection pool, the JVM, the mail outbox
        assertThat(families).containsKeys("hikaricp_connections_active", "hikaricp_connections_pending", "jvm_memory_used_bytes",
                "jvm_threads_live_threads", "confer_mail_outbox_pending", "confer_mail_outbox_due", "confer_mail_oldest_due_age_seconds", "confer_scheduler_lag_seconds",
                "confer_vouchers_left", "confer_keynote_seats_left");

        // the text format declares the same families
        Response text = get("/actuator/prometheus", ADMIN);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        for (String name : families.keySet()) {
            assertThat(text.text()).contains("# TYPE " + name + " ");
        }
    }

    @Test
    void onlyTheOrganizerOrTheMetricsTokenMayScrape() {
        String slug = defineEvent(uniqueSlug("metrics"), eventDefinition(10, 5, 5, 5, 5, 5));
        assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "nonsense").status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", staffToken(slug, "DESK", null)).status()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "test-metrics-token").status()).isEqualTo(200);
        // the metrics token opens nothing else
        assertThat(get("/api/v1/events/" + slug + "/stats", "test-metrics-token").status()).isEqualTo(401);
    }

    private Map<String, Metrics.MetricFamily> scrape() throws IOException {
        Response scrape = call("GET", "/actuator/prometheus", ADMIN, null, Map.of("Accept", PROTOBUF));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("application/vnd.google.protobuf");
        return parse(scrape.raw());
    }

    private static Map<String, Metrics.MetricFamily> parse(byte[] body) throws IOException {
        Map<String, Metrics.MetricFamily> families = new LinkedHashMap<>();
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
            families.put(family.getName(), family);
        }
        return families;
    }

    private static Map<String, String> labels(Metrics.Metric metric) {
        Map<String, String> labels = new LinkedHashMap<>();
        metric.getLabelList().forEach(l -> labels.put(l.getName(), l.getValue()));
        return labels;
    }

    private static double value(Map<String, Metrics.MetricFamily> families, String name, Map<String, String> wanted) {
        Metrics.MetricFamily family = families.get(name);
        assertThat(family).as(name).isNotNull();
        return family.getMetricList().stream()
                .filter(m -> labels(m).entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(m -> m.hasCounter() ? m.getCounter().getValue() : m.getGauge().getValue())
                .sum();
    }
}
