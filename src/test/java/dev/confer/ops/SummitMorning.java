package dev.confer.ops;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shortened summit morning replayed through the floor devices' sync API at full speed, with two faults: desk D04
 * stops at 08:20 and the door of room R3 goes silent at 09:05, mid-session. The arrivals are deterministic (3, 4, 5 a
 * minute in turn), so the run is the same every time. The clock stands at 10:00 of that day afterwards.
 */
abstract class SummitMorning extends ApiTest {

    static final String DAY = "2037-05-14";
    private static final int DESKS = 6;
    private static final int ROOMS = 5;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Defines the event, registers 900 people and replays the morning; the event's slug. */
    String replayMorning() {
        Map<String, Object> definition = eventDefinition(2000, 0, 2000, 2000, 0, 2000);
        List<Object> rooms = new ArrayList<>();
        List<Object> sessions = new ArrayList<>();
        for (int r = 1; r <= ROOMS; r++) {
            rooms.add(Map.of("code", "R" + r, "name", Map.of("ko", r + "호실", "en", "Room " + r), "capacity", 2000));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("code", "S" + r);
            s.put("title", Map.of("ko", "세션 " + r, "en", "Session " + r));
            s.put("track", "fin");
            s.put("room", "R" + r);
            s.put("day", DAY);
            s.put("start", "09:00");
            s.put("end", "10:00");
            s.put("language", "ko");
            s.put("speakers", List.of(Map.of("name", "김서연")));
            sessions.add(s);
        }
        definition.put("rooms", rooms);
        definition.put("sessions", sessions);
        String slug = defineEvent(uniqueSlug("replay"), definition);

        List<String> tickets = new ArrayList<>();
        for (int team = 0; team < 18; team++) {
            String[] names = new String[50];
            for (int i = 0; i < 50; i++) {
                names[i] = "Guest " + team + "-" + i;
            }
            registerTeam(slug, "Team " + team, names).forEach(m -> tickets.add(m.get("ticket").asString()));
        }
        clock.set(OffsetDateTime.parse(DAY + "T10:00:00+09:00").toInstant());

        // the morning, in scan-time order: desks 08:00-08:39, doors 08:45-09:24
        List<Map<String, Object>> actions = new ArrayList<>();
        int next = 0;
        List<String> inside = new ArrayList<>();
        for (int minute = 0; minute < 85; minute++) {
            String at = String.format("%sT%02d:%02d:%02d+09:00", DAY, 8 + minute / 60, minute % 60, 0);
            for (int d = 1; d <= DESKS && minute < 40; d++) {
                if (d == 4 && minute >= 20) {
                    continue; // desk D04 stops at 08:20
                }
                for (int i = 0; i < 3 + (minute + d) % 3; i++) {
                    String ticket = tickets.get(next++);
                    inside.add(ticket);
                    actions.add(Map.of("id", UUID.randomUUID().toString(), "kind", "check-in", "at", at(at, i), "ticket", ticket,
                            "desk", "D0" + d));
                }
            }
            for (int r = 1; r <= ROOMS && minute >= 45; r++) {
                if (r == 3 && minute >= 65) {
                    continue; // the door of R3 goes silent at 09:05, mid-session
                }
                for (int i = 0; i < 3 + (minute + 2 * r) % 3; i++) {
                    String ticket = inside.get((minute * 31 + r * 7 + i * 13) % inside.size());
                    actions.add(Map.of("id", UUID.randomUUID().toString(), "kind", "tap", "at", at(at, i), "point", "session:S" + r,
                            "credential", Map.of("ticket", ticket)));
                }
            }
        }
        for (int from = 0; from < actions.size(); from += 500) {
            Response sync = post("/api/v1/events/" + slug + "/sync", ADMIN,
                    Map.of("device", "replay", "actions", actions.subList(from, Math.min(actions.size(), from + 500))));
            assertThat(sync.status()).as(sync.text()).isEqualTo(200);
            sync.json().get("results").forEach(result -> assertThat(result.get("status").asInt()).as(result.toString()).isEqualTo(200));
        }

        return slug;
    }

    /** The i-th scan of a minute, a few seconds apart. */
    private static String at(String minute, int i) {
        return minute.replace(":00+09:00", String.format(":%02d+09:00", i * 7));
    }
}
