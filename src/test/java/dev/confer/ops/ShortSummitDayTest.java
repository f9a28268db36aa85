package dev.confer.ops;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortened summit morning of {@link SummitMorning}: the stopped desk and the silent door must each be found within
 * five event minutes, and nothing else may alert.
 */
class ShortSummitDayTest extends SummitMorning {

    @Test
    void aStoppedDeskAndASilentDoorAreFoundAndNothingElse() {
        String slug = replayMorning();
        Response answer = get("/api/v1/events/" + slug + "/ops/alerts?day=" + DAY, ADMIN);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> alerts = new ArrayList<>();
        answer.json().forEach(alerts::add);
        alerts.sort(Comparator.comparing(a -> a.get("openedAt").asString()));
        assertThat(alerts).extracting(a -> a.get("signal").asString() + " " + a.get("subject").asString() + " " + a.get("kind").asString())
                .containsExactly("arrivals D04 SILENT", "taps R3 SILENT");

        JsonNode desk = alerts.get(0);
        OffsetDateTime deskOpened = OffsetDateTime.parse(desk.get("openedAt").asString());
        assertThat(deskOpened).isBetween(OffsetDateTime.parse(DAY + "T08:20:00+09:00"), OffsetDateTime.parse(DAY + "T08:25:00+09:00"));
        assertThat(deskOpened.getOffset().getTotalSeconds()).isEqualTo(9 * 3600); // event time
        assertThat(desk.get("observed").asDouble()).isZero();
        assertThat(desk.get("expected").get(1).asDouble()).isGreaterThan(4);
        assertThat(desk.get("id").asString()).startsWith("arrivals:D04:");

        JsonNode door = alerts.get(1);
        assertThat(OffsetDateTime.parse(door.get("openedAt").asString()))
                .isBetween(OffsetDateTime.parse(DAY + "T09:05:00+09:00"), OffsetDateTime.parse(DAY + "T09:10:00+09:00"));

        Response badDay = call("GET", "/api/v1/events/" + slug + "/ops/alerts?day=2037-06-01", ADMIN, null, Map.of("Accept-Language", "ko"));
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().get("detail").asString()).contains("2037-06-01").contains("날짜");
        assertThat(get("/api/v1/events/" + slug + "/ops/alerts", staffToken(slug, "DESK", null)).status()).isEqualTo(403);
    }
}
