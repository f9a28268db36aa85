package dev.confer.platform;

import dev.confer.ApiTest;
import dev.confer.ConferApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance of Confer on the same PostgreSQL, configured the way an external database is
 * ({@code spring.datasource.url}: nothing embedded is started): both instances serve the same event at
 * once and no capacity, voucher or seat is exceeded or given twice.
 */
class TwoInstancesTest extends ApiTest {

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext second;

    @AfterEach
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    /** Starts the second instance the way an external database is configured and answers its port. */
    private int startSecondInstance() {
        second = new SpringApplicationBuilder(ConferApplication.class).properties(Map.of(
                "server.port", "0",
                "spring.datasource.url", environment.getProperty("spring.datasource.url"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "confer.admin-token", ADMIN,
                "confer.demo", "false",
                "confer.data-dir", "target/test-data-second-instance")).run();
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void twoInstancesShareEveryCounter() throws Exception {
        int otherPort = startSecondInstance();
        List<Integer> ports = List.of(port, otherPort);

        String slug = defineEvent(uniqueSlug("two"), eventDefinition(60, 20, 30, 20, 10, 25));
        String desk = staffToken(slug, "DESK", null);
        String door = staffToken(slug, "DOOR", null);

        ConcurrentLinkedQueue<JsonNode> registered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        runConcurrently(16, 120, i -> {
            HttpResponse<String> r = send(ports.get(i % 2), "POST", "/api/v1/events/" + slug + "/registrations", null,
                    "{\"name\":\"P" + i + "\",\"email\":\"p" + i + "@example.com\"}");
            statuses.add(r.statusCode());
            if (r.statusCode() == 201) {
                registered.add(JSON.readTree(r.body()));
            }
        });
        long confirmed = registered.stream().filter(r -> r.get("status").asString().equals("CONFIRMED")).count();
        long waitlisted = registered.stream().filter(r -> r.get("status").asString().equals("WAITLISTED")).count();
        assertThat(confirmed).isEqualTo(60);
        assertThat(waitlisted).isEqualTo(20);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(40);

        List<JsonNode> attendees = registered.stream().filter(r -> r.get("status").asString().equals("CONFIRMED")).toList();
        ConcurrentLinkedQueue<JsonNode> checkins = new ConcurrentLinkedQueue<>();
        runConcurrently(16, attendees.size(), i -> {
            HttpResponse<String> r = send(ports.get(i % 2), "POST", "/api/v1/events/" + slug + "/check-ins", desk,
                    "{\"ticket\":\"" + attendees.get(i).get("ticket").asString() + "\",\"at\":\"2037-05-14T09:00:00+09:00\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            checkins.add(JSON.readTree(r.body()));
        });
        assertThat(checkins.stream().filter(c -> !c.get("mealVoucher").isNull()).count()).isEqualTo(30);
        assertThat(checkins.stream().filter(c -> !c.get("keynoteSeat").isNull()).count()).isEqualTo(30);
        assertThat(checkins.stream().filter(c -> !c.get("mealVoucher").isNull())
                .map(c -> c.get("mealVoucher").get("code").asString()).distinct().count()).isEqualTo(30);

        ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
        runConcurrently(16, attendees.size(), i -> {
            HttpResponse<String> r = send(ports.get(i % 2), "POST", "/api/v1/events/" + slug + "/taps", door,
                    "{\"tapId\":\"" + UUID.randomUUID() + "\",\"at\":\"2037-05-14T13:00:00+09:00\",\"point\":\"session:S101\","
                            + "\"credential\":{\"ticket\":\"" + attendees.get(i).get("ticket").asString() + "\"}}");
            assertThat(r.statusCode()).isEqualTo(200);
            results.add(JSON.readTree(r.body()).get("result").asString());
        });
        assertThat(results.stream().filter("ADMITTED"::equals).count()).isEqualTo(25);
        assertThat(results.stream().filter("FULL"::equals).count()).isEqualTo(35);

        JsonNode stats = JSON.readTree(send(otherPort, "GET", "/api/v1/events/" + slug + "/stats", ADMIN, null).body());
        assertThat(stats.toString()).contains("\"admitted\":25");
    }

    private HttpResponse<String> send(int toPort, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + toPort + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStaffSignInOnOneInstanceHoldsOnTheOther() throws Exception {
        int otherPort = startSecondInstance();
        String slug = defineEvent(uniqueSlug("two"), eventDefinition(10, 0, 5, 5, 5, 5));
        String desk = staffToken(slug, "DESK", null);

        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)
                        + "&token=" + desk)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/desk/" + slug);

        HttpRequest deskOnOther = HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/desk/" + slug))
                .header("Accept", "text/html").build();
        HttpResponse<String> withCookie = browser.send(deskOnOther, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> without = java.net.http.HttpClient.newHttpClient().send(deskOnOther, HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).as("a stranger is sent to sign in").isEqualTo(302);
        assertThat(withCookie.statusCode()).as("the other instance knows the signed-in desk").isNotIn(302, 401, 403);
    }
}
