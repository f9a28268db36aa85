package dev.confer.floor;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RosterApiTest extends FloorTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    DataSource dataSource;

    @Test
    void aDeltaBringsCheckInsBadgesAndCancellationsAndTheDoorSeesNoEmail() {
        String slug = defineEvent(uniqueSlug("roster"), eventDefinition(10, 5, 10, 10, 10, 10));
        String door = staffToken(slug, "DOOR", null);
        String desk = staffToken(slug, "DESK", null);
        JsonNode a = register(slug, "김민준", "a@example.com");
        JsonNode b = register(slug, "Bob", "b@example.com");
        JsonNode c = register(slug, "Carol", "c@example.com");

        Response full = roster(slug, door, null);
        Map<String, JsonNode> all = entries(full);
        assertThat(all).containsOnlyKeys(a.get("id").asString(), b.get("id").asString(), c.get("id").asString());
        JsonNode first = all.get(a.get("id").asString());
        assertThat(first.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(first.get("name").asString()).isEqualTo("김민준");
        assertThat(first.get("company").asString()).isEqualTo("Hanbit");
        assertThat(first.get("nfcUid").isNull()).isTrue();
        assertThat(first.get("checkedInDays").size()).isZero();
        assertThat(first.has("email")).as("a door's roster carries no e-mail").isFalse();
        assertThat(full.json().get("more").asBoolean()).isFalse();
        assertThat(full.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(entries(roster(slug, desk, null)).get(a.get("id").asString()).get("email").asString()).isEqualTo("a@example.com");
        String cursor = full.json().get("cursor").asString();

        assertThat(checkIn(slug, desk, Map.of("ticket", a.get("ticket").asString(), "at", "2037-05-14T09:00:00+09:00")).status()).isEqualTo(200);
        assertThat(bindBadge(slug, desk, a, "04:A2:3B:7C").status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + b.get("id").asString(), ADMIN, null).status()).isEqualTo(200);
        JsonNode d = register(slug, "Dan", "d@example.com");

        Response delta = roster(slug, door, cursor);
        Map<String, JsonNode> changed = entries(delta);
        assertThat(changed).containsKeys(a.get("id").asString(), b.get("id").asString(), d.get("id").asString());
        assertThat(changed.get(a.get("id").asString()).get("nfcUid").asString()).isEqualTo("04A23B7C");
        assertThat(changed.get(a.get("id").asString()).get("checkedInDays").get(0).asString()).isEqualTo("2037-05-14");
        assertThat(changed.get(b.get("id").asString()).get("status").asString()).isEqualTo("CANCELLED");
        if (changed.containsKey(c.get("id").asString())) { // a delta may repeat an entry, never change it wrongly
            assertThat(changed.get(c.get("id").asString()).get("status").asString()).isEqualTo("CONFIRMED");
        }

        // nothing changed since: the next delta holds at most what was still settling, never B as it was
        Response after = roster(slug, door, delta.json().get("cursor").asString());
        entries(after).values().forEach(e -> {
            if (e.get("id").asString().equals(b.get("id").asString())) {
                assertThat(e.get("status").asString()).isEqualTo("CANCELLED");
            }
        });
    }

    @Test
    void aChangeThatCommitsAfterANewerOneIsNotLost() throws Exception {
        String slug = defineEvent(uniqueSlug("roster"), eventDefinition(10, 5, 10, 10, 10, 10));
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "A", "a@example.com");
        JsonNode b = register(slug, "B", "b@example.com");
        String cursor = roster(slug, door, null).json().get("cursor").asString();

        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            // the slow transaction takes its transaction id first...
            try (PreparedStatement s = slow.prepareStatement("UPDATE registration SET company = 'Late Co' WHERE id = ?")) {
                s.setObject(1, UUID.fromString(a.get("id").asString()));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            // ...a later one commits first and is read...
            assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + b.get("id").asString(), ADMIN, null).status()).isEqualTo(200);
            Response seen = roster(slug, door, cursor);
            assertThat(entries(seen)).containsKey(b.get("id").asString());
            assertThat(entries(seen).containsKey(a.get("id").asString()) ? entries(seen).get(a.get("id").asString()).get("company").asString() : "Hanbit")
                    .isEqualTo("Hanbit");
            cursor = seen.json().get("cursor").asString();
            slow.commit();
        }
        // ...and the slow one, committed after that read with a lower id, comes with the next delta
        assertThat(entries(roster(slug, door, cursor)).get(a.get("id").asString()).get("company").asString()).isEqualTo("Late Co");
    }

    @Test
    void pagesCarryEveryEntryOnceAndBadCursorsAreRefused() {
        String slug = defineEvent(uniqueSlug("roster"), eventDefinition(20, 5, 10, 10, 10, 10));
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            registered.add(register(slug, "P" + i, "p" + i + "@example.com").get("id").asString());
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        while (true) {
            Response page = get("/api/v1/events/" + slug + "/roster?limit=3" + (cursor == null ? "" : "&since=" + cursor), sponsor);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("entries").forEach(e -> assertThat(seen.add(e.get("id").asString())).isTrue());
            cursor = page.json().get("cursor").asString();
            pages++;
            if (!page.json().get("more").asBoolean()) {
                break;
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(registered);

        Response bad = call("GET", "/api/v1/events/" + slug + "/roster?since=yesterday", sponsor, null, Map.of("Accept-Language", "ko"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.json().get("detail").asString()).contains("명단");
        assertThat(get("/api/v1/events/" + slug + "/roster", null).status()).isEqualTo(401);
        String otherEvent = defineEvent(uniqueSlug("roster"), eventDefinition(20, 5, 10, 10, 10, 10));
        assertThat(get("/api/v1/events/" + otherEvent + "/roster", sponsor).status()).isEqualTo(403);
    }
}
