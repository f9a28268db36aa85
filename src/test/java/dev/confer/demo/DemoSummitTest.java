package dev.confer.demo;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts Confer with the demo switched on against its own, empty embedded PostgreSQL (a data
 * directory of its own: the other tests share one database that already holds events).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"confer.demo=true", "confer.data-dir=target/demo-test-data"})
class DemoSummitTest extends ApiTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    // taken before the application starts, so a start that crosses midnight in Seoul is still judged exactly
    private static final LocalDate SEOUL_DATE_BEFORE_START = LocalDate.now(SEOUL);

    @Autowired
    DemoSummit summit;

    @Autowired
    WelcomeBanner banner;

    @Autowired
    Environment environment;

    @Test
    void anEmptyDatabaseGetsTheTwoDaySummitStartingTodayInSeoul() {
        Response response = get("/api/v1/events/demo", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode event = response.json();
        assertThat(event.get("name").get("en").asString()).isEqualTo("Cloud Summit Seoul");
        assertThat(event.get("name").get("ko").asString()).isEqualTo("클라우드 서밋 서울");
        assertThat(event.get("timezone").asString()).isEqualTo("Asia/Seoul");
        assertThat(event.get("capacity").asInt()).isEqualTo(30000);
        assertThat(event.get("waitlist").asInt()).isEqualTo(2000);

        JsonNode days = event.get("days");
        assertThat(days.size()).isEqualTo(2);
        LocalDate first = LocalDate.parse(days.get(0).get("date").asString());
        assertThat(first).isIn(SEOUL_DATE_BEFORE_START, LocalDate.now(SEOUL));
        assertThat(LocalDate.parse(days.get(1).get("date").asString())).isEqualTo(first.plusDays(1));
        for (JsonNode day : days) {
            assertThat(day.get("doorsOpen").asString()).isEqualTo("08:00");
            assertThat(day.get("end").asString()).isEqualTo("18:00");
            assertThat(day.get("mealVouchers").asInt()).isEqualTo(20000);
            JsonNode keynote = day.get("keynote");
            assertThat(keynote.get("start").asString()).isEqualTo("10:00");
            assertThat(keynote.get("end").asString()).isEqualTo("11:30");
            List<String> halls = new ArrayList<>();
            keynote.get("halls").forEach(h -> halls.add(h.get("name").asString() + "=" + h.get("seats").asInt()));
            assertThat(halls).containsExactly("Hall D=4000", "Overflow E1=800", "Overflow E2=600");
        }
    }

    @Test
    void theProgrammeIsFullAndBilingualWithoutClashes() {
        JsonNode event = get("/api/v1/events/demo", null).json();
        assertThat(event.get("tracks").size()).isGreaterThanOrEqualTo(6);
        event.get("tracks").forEach(t -> assertBilingual(t.get("name")));

        assertThat(event.get("rooms").size()).isBetween(12, 20);
        event.get("rooms").forEach(r -> assertThat(r.get("capacity").asInt()).isBetween(100, 1000));

        JsonNode sessions = event.get("sessions");
        assertThat(sessions.size()).isGreaterThanOrEqualTo(45);
        Set<String> days = new HashSet<>();
        Set<String> tracks = new HashSet<>();
        for (JsonNode s : sessions) {
            assertBilingual(s.get("title"));
            assertThat(s.get("speakers").size()).isPositive();
            s.get("speakers").forEach(sp -> {
                assertThat(sp.get("name").asString()).isNotBlank();
                assertThat(sp.get("company").asString()).isNotBlank();
            });
            long minutes = Duration.between(LocalTime.parse(s.get("start").asString()), LocalTime.parse(s.get("end").asString())).toMinutes();
            assertThat(minutes).as(s.get("code").asString()).isBetween(30L, 45L);
            days.add(s.get("day").asString());
            tracks.add(s.get("track").asString());
        }
        assertThat(days).hasSize(2);
        assertThat(tracks).hasSize(event.get("tracks").size());
        assertThat(overlaps(sessions)).isEmpty();

        JsonNode booths = event.get("booths");
        assertThat(booths.size()).isGreaterThanOrEqualTo(20);
        assertThat(booths.get(0).get("code").asString()).isEqualTo("B01");
        booths.forEach(b -> {
            assertBilingual(b.get("sponsor"));
            assertThat(b.get("location").asString()).isNotBlank();
            b.path("giveaways").forEach(g -> assertBilingual(g.get("name")));
        });
        // the sponsors' side of a summit: tiers, giveaways with stock, experience and demo zones
        assertThat(booths.get(0).get("tier").asString()).isEqualTo("diamond");
        assertThat(booths.get(0).get("giveaways").get(0).get("stock").asInt()).isPositive();
        JsonNode zones = event.get("zones");
        assertThat(zones.size()).isGreaterThanOrEqualTo(2);
        zones.forEach(z -> assertBilingual(z.get("name")));
        java.util.Set<String> kinds = new java.util.HashSet<>();
        zones.forEach(z -> kinds.add(z.get("kind").asString()));
        assertThat(kinds).contains("experience", "demo");
        int labs = 0;
        for (JsonNode s : event.get("sessions")) {
            labs += s.path("preRegistration").path("seats").asInt(0) > 0 ? 1 : 0;
        }
        assertThat(labs).as("hands-on labs with reserved seats").isPositive();
        int interpreted = 0;
        for (JsonNode s : event.get("sessions")) {
            interpreted += s.path("interpretation").size() > 0 ? 1 : 0;
        }
        assertThat(interpreted).as("sessions with interpretation channels").isPositive();
        assertThat(event.get("receivers").get("stock").asInt()).as("receivers to lend at the desk").isPositive();
    }

    @Test
    void peopleCanRegisterForTheDemoAndItIsNeverLoadedTwice() {
        JsonNode created = register("demo", "김민준", "minjun@example.com");
        assertThat(created.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(summit.loadIntoEmptyDatabase()).isFalse();
        Response list = get("/api/v1/events", ADMIN);
        assertThat(list.json().size()).isEqualTo(1);
    }

    @Test
    void theBannerNamesEveryAddressInEnglishAndKorean() {
        String text = banner.text(environment);
        String base = "http://localhost:" + port;
        assertThat(text).contains(base + "/\n", base + "/api/v1\n", base + "/v3/api-docs", base + "/dev/mail",
                base + "/e/demo", base + "/login", "CONFER_ADMIN_TOKEN",
                "Confer is ready.", "Confer가 준비되었습니다.", "Cloud Summit Seoul", "클라우드 서밋 서울");
    }

    private static void assertBilingual(JsonNode text) {
        String ko = text.get("ko").asString();
        String en = text.get("en").asString();
        assertThat(ko).as("Korean text").matches(".*\\p{IsHangul}.*");
        assertThat(en).as("English text").doesNotMatch(".*\\p{IsHangul}.*").isNotBlank();
    }

    /** Pairs of sessions that share a room on the same day at the same time. */
    private static List<String> overlaps(JsonNode sessions) {
        List<String> clashes = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            for (int k = i + 1; k < sessions.size(); k++) {
                JsonNode a = sessions.get(i);
                JsonNode b = sessions.get(k);
                boolean sameRoomAndDay = a.get("room").asString().equals(b.get("room").asString())
                        && a.get("day").asString().equals(b.get("day").asString());
                if (sameRoomAndDay && LocalTime.parse(a.get("start").asString()).isBefore(LocalTime.parse(b.get("end").asString()))
                        && LocalTime.parse(b.get("start").asString()).isBefore(LocalTime.parse(a.get("end").asString()))) {
                    clashes.add(a.get("code").asString() + "/" + b.get("code").asString());
                }
            }
        }
        return clashes;
    }
}
