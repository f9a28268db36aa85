package dev.confer.registration;

import dev.confer.ApiTest;
import dev.confer.events.EventCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Team registration over HTTP: all or nothing, the 409 with the numbers, the waitlist for the whole team, the lead's view. */
class TeamApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Teams teams;
    @Autowired
    EventCatalog events;

    @Test
    void registersEveryMemberWithTicketAndMailOfTheirOwn() {
        String slug = defineEvent(uniqueSlug("team"), eventDefinition(100, 10, 10, 10, 10, 10));
        Map<String, Object> body = team("Hanbit Bank platform team", "ko", false,
                member("김민준", "minjun@" + slug + ".example.com"), member("Alice Kim", "alice@" + slug + ".example.com"),
                member("이서연", "seoyeon@" + slug + ".example.com"));
        body.put("company", "Hanbit Bank");
        Response r = post("/api/v1/events/" + slug + "/teams", null, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode created = r.json();
        assertThat(created.get("name").asString()).isEqualTo("Hanbit Bank platform team");
        assertThat(created.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/events/" + slug + "/teams/" + created.get("id").asString());
        JsonNode members = created.get("members");
        assertThat(members.size()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode m = members.get(i);
            names.add(m.get("name").asString());
            assertThat(m.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(m.get("waitlistPosition").isNull()).isTrue();
            assertThat(m.get("ticket").asString()).startsWith("CF1." + slug + ".");
            assertThat(m.get("lead").asBoolean()).isEqualTo(i == 0);
            JsonNode own = get("/api/v1/events/" + slug + "/registrations/" + m.get("id").asString()
                    + "?token=" + m.get("manageToken").asString(), null).json();
            assertThat(own.get("company").asString()).isEqualTo("Hanbit Bank");
            assertThat(own.get("locale").asString()).isEqualTo("ko");
            assertThat(own.get("ticket").asString()).isEqualTo(m.get("ticket").asString());
        }
        assertThat(names).containsExactly("김민준", "Alice Kim", "이서연");
        assertThat(usedPlaces(slug)).isEqualTo(3);

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/dev/mail?event=" + slug, ADMIN).json().size() == 3);
        Map<String, String> mails = new HashMap<>();
        for (JsonNode mail : get("/dev/mail?event=" + slug, ADMIN).json()) {
            assertThat(mail.get("kind").asString()).isEqualTo("CONFIRMATION");
            assertThat(mail.get("subject").asString()).isEqualTo("[클라우드 서밋 서울 2026] 등록이 확정되었습니다");
            mails.put(mail.get("to").asString(), mail.get("kind").asString());
        }
        assertThat(mails).containsOnlyKeys("minjun@" + slug + ".example.com", "alice@" + slug + ".example.com",
                "seoyeon@" + slug + ".example.com");

        // the Java API other modules use
        TeamId teamId = TeamId.of(created.get("id").asString());
        dev.confer.shared.RegistrationId alice = dev.confer.shared.RegistrationId.of(members.get(1).get("id").asString());
        Team team = teams.teamOf(alice).orElseThrow();
        assertThat(team.id()).isEqualTo(teamId);
        assertThat(team.leadId()).isEqualTo(dev.confer.shared.RegistrationId.of(members.get(0).get("id").asString()));
        assertThat(team.members()).extracting(TeamMember::name).containsExactly("김민준", "Alice Kim", "이서연");
        assertThat(teams.find(events.require(slug), teamId)).contains(team);
        String other = defineEvent(uniqueSlug("team-other"), eventDefinition(10, 0, 10, 10, 10, 10));
        assertThat(teams.find(events.require(other), teamId)).isEmpty();
        dev.confer.shared.RegistrationId single = dev.confer.shared.RegistrationId.of(register(slug, "Solo", "solo@" + slug + ".example.com").get("id").asString());
        assertThat(teams.teamOf(single)).isEmpty();
    }

    @Test
    void theLeadAndTheOrganizerReadTheTeamNobodyElse() {
        String slug = defineEvent(uniqueSlug("team-get"), eventDefinition(100, 10, 10, 10, 10, 10));
        JsonNode created = post("/api/v1/events/" + slug + "/teams", null, team("Data team", "en", false,
                member("Lead", "lead@example.com"), member("Second", "second@example.com"))).json();
        JsonNode lead = created.get("members").get(0);
        JsonNode second = created.get("members").get(1);
        String path = "/api/v1/events/" + slug + "/teams/" + created.get("id").asString();

        Response byToken = get(path + "?token=" + lead.get("manageToken").asString(), null);
        assertThat(byToken.status()).isEqualTo(200);
        assertThat(byToken.json().get("name").asString()).isEqualTo("Data team");
        assertThat(byToken.json().get("members").get(1).get("email").asString()).isEqualTo("second@example.com");
        assertThat(byToken.json().get("members").get(1).get("manageToken").asString()).isEqualTo(second.get("manageToken").asString());
        assertThat(call("GET", path, null, null, Map.of("X-Manage-Token", lead.get("manageToken").asString())).status()).isEqualTo(200);
        assertThat(get(path, ADMIN).status()).isEqualTo(200);

        Response none = get(path, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("detail").asString()).contains("lead's manage token");
        assertThat(get(path + "?token=" + second.get("manageToken").asString(), null).status()).as("a member is not the lead").isEqualTo(403);
        assertThat(get(path + "?token=wrong", null).status()).isEqualTo(403);
        assertThat(get("/api/v1/events/" + slug + "/teams/" + UUID.randomUUID(), ADMIN).status()).isEqualTo(404);

        // a member cancels alone: the team shows it, without a ticket
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + second.get("id").asString()
                + "?token=" + second.get("manageToken").asString(), null, null).status()).isEqualTo(200);
        JsonNode after = get(path, ADMIN).json().get("members").get(1);
        assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("ticket").isNull()).isTrue();
        assertThat(usedPlaces(slug)).isEqualTo(1);
    }

    @Test
    void badInputIsReportedAtOnceWithPointersAndChangesNothing() {
        String slug = defineEvent(uniqueSlug("team-bad"), eventDefinition(100, 10, 10, 10, 10, 10));
        List<Object> members = new ArrayList<>(List.of(member("", "kim@"), member("Alice", "alice@example.com"),
                member("Bob", "bob@example.com"), member("Alice again", "ALICE@example.com ")));
        members.add(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", " ");
        body.put("locale", "fr");
        body.put("members", members);
        Response bad = post("/api/v1/events/" + slug + "/teams", null, body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).isEqualTo("The team has 6 problems, nobody was registered. See \"errors\".");
        assertThat(pointers(bad)).containsExactly("/name", "/locale", "/members/0/name", "/members/0/email", "/members/3/email", "/members/4");
        assertThat(errorAt(bad, "/members/0/email")).isEqualTo("'kim@' is not a valid e-mail address.");
        assertThat(errorAt(bad, "/members/3/email")).contains("'ALICE@example.com' is in the team more than once");

        Response tooLong = post("/api/v1/events/" + slug + "/teams", null, team("x".repeat(101), "ko", false, member("A", "a@example.com")));
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("This is too long (at most 100 characters).");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(member("P" + i, "p" + i + "@example.com"));
        }
        Response tooMany = post("/api/v1/events/" + slug + "/teams", null, team("Big", "en", false, many.toArray(Map[]::new)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(pointers(tooMany)).containsExactly("/members");
        assertThat(tooMany.json().get("detail").asString()).isEqualTo("A team has at most 50 members, not 51. Register a larger group as several teams.");
        Response empty = post("/api/v1/events/" + slug + "/teams", null, Map.of("name", "Nobody", "members", List.of()));
        assertThat(pointers(empty)).containsExactly("/members");
        Response korean = call("POST", "/api/v1/events/" + slug + "/teams", null, Map.of("members", List.of(member("A", "a@example.com"))),
                Map.of("Accept-Language", "ko"));
        assertThat(korean.json().get("detail").asString()).isEqualTo("팀 이름을 입력해 주세요.");

        assertThat(statusCounts(slug)).isEqualTo(Map.of("CONFIRMED", 0, "WAITLISTED", 0, "CANCELLED", 0));
        assertThat(teamRows(slug)).isZero();
    }

    @Test
    void aMemberRegisteredAlreadyRefusesTheWholeTeam() {
        String slug = defineEvent(uniqueSlug("team-dup"), eventDefinition(100, 10, 10, 10, 10, 10));
        register(slug, "Bob", "bob@example.com");
        register(slug, "Carol", "carol@example.com");
        Map<String, Integer> before = statusCounts(slug);
        Response r = post("/api/v1/events/" + slug + "/teams", null, team("Ops", "en", false, member("Ann", "ann@example.com"),
                member("Bob", "BOB@example.com"), member("Dan", "dan@example.com"), member("Carol", "carol@example.com")));
        assertThat(r.status()).isEqualTo(409);
        // named one at a time, as single registrations would name them: a probe learns no more per request
        assertThat(r.json().get("detail").asString()).isEqualTo("This member is already registered for this event, so nobody "
                + "was registered: bob@example.com. Leave this member out of the team (their own tickets stay valid) and send again.");
        assertThat(r.json().get("emails").valueStream().map(JsonNode::asString).toList()).containsExactly("bob@example.com");
        assertThat(pointers(r)).containsExactly("/members/1/email");
        Response again = post("/api/v1/events/" + slug + "/teams", null, team("Ops", "en", false, member("Ann", "ann@example.com"),
                member("Dan", "dan@example.com"), member("Carol", "carol@example.com")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("emails").valueStream().map(JsonNode::asString).toList()).containsExactly("carol@example.com");
        assertThat(pointers(again)).containsExactly("/members/2/email");
        assertThat(statusCounts(slug)).isEqualTo(before);
        assertThat(usedPlaces(slug)).isEqualTo(2);
        assertThat(teamRows(slug)).isZero();
    }

    @Test
    void tooFewPlacesRegisterNobodyThenTheWholeTeamJoinsTheWaitlistOnRequest() {
        String slug = defineEvent(uniqueSlug("team-full"), eventDefinition(10, 40, 10, 10, 10, 10));
        for (int i = 0; i < 3; i++) {
            register(slug, "Early " + i, "early" + i + "@example.com");
        }
        Map<String, Object>[] eight = members("w", 8);
        Response refused = post("/api/v1/events/" + slug + "/teams", null, team("Eight", "en", false, eight));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("Only 7 places are left for your 8 members, so nobody was "
                + "registered. Send again with joinWaitlist to put the whole team on the waitlist (40 waitlist places left).");
        assertThat(refused.json().get("placesLeft").asInt()).isEqualTo(7);
        assertThat(refused.json().get("waitlistLeft").asInt()).isEqualTo(40);
        assertThat(refused.json().get("members").asInt()).isEqualTo(8);
        assertThat(statusCounts(slug)).isEqualTo(Map.of("CONFIRMED", 3, "WAITLISTED", 0, "CANCELLED", 0));
        assertThat(usedPlaces(slug)).isEqualTo(3);

        Response korean = call("POST", "/api/v1/events/" + slug + "/teams", null, team("Eight", "en", false, eight),
                Map.of("Accept-Language", "ko"));
        assertThat(korean.json().get("detail").asString()).isEqualTo("남은 자리가 7석뿐이라 팀원 8명을 모두 등록할 수 없으므로 "
                + "아무도 등록되지 않았습니다. 팀 전체를 대기자 명단에 올리려면 joinWaitlist를 켜고 다시 보내 주세요(남은 대기 인원 40명).");

        register(slug, "Waiting single", "single@example.com"); // takes a place: 6 left, nobody waits yet
        Response waitlisted = post("/api/v1/events/" + slug + "/teams", null, team("Eight", "en", true, eight));
        assertThat(waitlisted.status()).as(waitlisted.text()).isEqualTo(201);
        assertThat(waitlisted.json().get("status").asString()).isEqualTo("WAITLISTED");
        for (int i = 0; i < 8; i++) {
            JsonNode m = waitlisted.json().get("members").get(i);
            assertThat(m.get("status").asString()).isEqualTo("WAITLISTED");
            assertThat(m.get("waitlistPosition").asInt()).isEqualTo(i + 1);
            assertThat(m.get("ticket").asString()).startsWith("CF1.");
        }
        assertThat(statusCounts(slug)).isEqualTo(Map.of("CONFIRMED", 4, "WAITLISTED", 8, "CANCELLED", 0));
        assertThat(usedPlaces(slug)).isEqualTo(4);
        List<Long> seqs = jdbc.sql("""
                        SELECT waitlist_seq FROM registration r JOIN team t ON t.id = r.team_id
                        WHERE t.id = ? ORDER BY r.team_member_no""")
                .param(UUID.fromString(waitlisted.json().get("id").asString())).query(Long.class).list();
        assertThat(seqs).hasSize(8);
        for (int i = 1; i < 8; i++) {
            assertThat(seqs.get(i)).isEqualTo(seqs.getFirst() + i);
        }
        assertThat(jdbc.sql("SELECT waiting FROM waitlist_state WHERE event_id = ?").param(eventId(slug)).query(Integer.class).single())
                .isEqualTo(8);
        await().atMost(Duration.ofSeconds(60)).until(() -> mailKinds(slug).getOrDefault("WAITLIST", 0) == 8);

        // a team that fits is confirmed even while the bigger team waits; one that asks for the waitlist but fits is confirmed too
        Response fits = post("/api/v1/events/" + slug + "/teams", null, team("Three", "en", true, members("t", 3)));
        assertThat(fits.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(fits.json().get("members").get(2).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(usedPlaces(slug)).isEqualTo(7);

        // a waitlisted member who gets a cancelled place is promoted like anyone: FIFO, member by member
        JsonNode early = get("/api/v1/events/" + slug + "/registrations?q=early0", ADMIN).json().get(0);
        cancel(slug, early.get("id").asString());
        JsonNode firstWaiting = waitlisted.json().get("members").get(0);
        assertThat(get("/api/v1/events/" + slug + "/registrations/" + firstWaiting.get("id").asString(), ADMIN).json()
                .get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aTeamTheWaitlistCannotTakeIsRefusedWhole() {
        String slug = defineEvent(uniqueSlug("team-nowait"), eventDefinition(2, 3, 10, 10, 10, 10));
        Response r = post("/api/v1/events/" + slug + "/teams", null, team("Four", "en", true, members("f", 4)));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).isEqualTo("Only 2 places are left for your 4 members and the waitlist has "
                + "only 3 places left, so nobody was registered. A smaller team may still fit.");
        assertThat(r.json().get("placesLeft").asInt()).isEqualTo(2);
        assertThat(r.json().get("waitlistLeft").asInt()).isEqualTo(3);
        Response without = post("/api/v1/events/" + slug + "/teams", null, team("Four", "en", false, members("f", 4)));
        assertThat(without.json().get("detail").asString()).startsWith("Only 2 places are left for your 4 members and the waitlist has only 3");
        Response korean = call("POST", "/api/v1/events/" + slug + "/teams", null, team("Four", "en", true, members("f", 4)),
                Map.of("Accept-Language", "ko"));
        assertThat(korean.json().get("detail").asString()).isEqualTo("팀원 4명이 들어갈 자리가 없어 아무도 등록되지 않았습니다. "
                + "남은 자리는 2석, 남은 대기 인원은 3명입니다. 인원을 줄이면 등록될 수도 있습니다.");
        assertThat(statusCounts(slug)).isEqualTo(Map.of("CONFIRMED", 0, "WAITLISTED", 0, "CANCELLED", 0));
        assertThat(jdbc.sql("SELECT waiting FROM waitlist_state WHERE event_id = ?").param(eventId(slug)).query(Integer.class).single()).isZero();

        Response two = post("/api/v1/events/" + slug + "/teams", null, team("Two", "en", false, members("two", 2)));
        assertThat(two.json().get("status").asString()).isEqualTo("CONFIRMED");
        Response one = post("/api/v1/events/" + slug + "/teams", null, team("One", "en", false, members("one", 1)));
        assertThat(one.json().get("detail").asString()).isEqualTo("No places are left for your one member, so nobody was registered. "
                + "Send again with joinWaitlist to put the whole team on the waitlist (3 waitlist places left).");
    }

    @Test
    void theMailLanguageFollowsAcceptLanguageUnlessGiven() {
        String slug = defineEvent(uniqueSlug("team-lang"), eventDefinition(10, 0, 10, 10, 10, 10));
        Map<String, Object> body = team("Korean", null, false, member("김민준", "minjun@example.com"));
        Response r = call("POST", "/api/v1/events/" + slug + "/teams", null, body, Map.of("Accept-Language", "ko-KR"));
        String id = r.json().get("members").get(0).get("id").asString();
        assertThat(get("/api/v1/events/" + slug + "/registrations/" + id, ADMIN).json().get("locale").asString()).isEqualTo("ko");
    }

    // ---------------------------------------------------------------------------------------------

    @SafeVarargs
    private static Map<String, Object> team(String name, String locale, boolean joinWaitlist, Map<String, Object>... members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (locale != null) {
            body.put("locale", locale);
        }
        body.put("joinWaitlist", joinWaitlist);
        body.put("members", List.of(members));
        return body;
    }

    private static Map<String, Object> member(String name, String email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("email", email);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] members(String prefix, int n) {
        Map<String, Object>[] all = new Map[n];
        for (int i = 0; i < n; i++) {
            all[i] = member(prefix + " " + i, prefix + i + "@example.com");
        }
        return all;
    }

    private void cancel(String slug, String id) {
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + id, ADMIN, null).status()).isEqualTo(200);
    }

    private static List<String> pointers(Response r) {
        return r.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList();
    }

    private static String errorAt(Response r, String pointer) {
        return r.json().get("errors").valueStream().filter(e -> e.get("pointer").asString().equals(pointer))
                .map(e -> e.get("detail").asString()).findFirst().orElseThrow();
    }

    private long eventId(String slug) {
        return jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private Map<String, Integer> statusCounts(String slug) {
        Map<String, Integer> counts = new HashMap<>(Map.of("CONFIRMED", 0, "WAITLISTED", 0, "CANCELLED", 0));
        jdbc.sql("SELECT status, count(*) FROM registration WHERE event_id = ? GROUP BY status").param(eventId(slug))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    private int usedPlaces(String slug) {
        return jdbc.sql("SELECT sum(used) FROM capacity_shard WHERE event_id = ?").param(eventId(slug)).query(Integer.class).single();
    }

    private int teamRows(String slug) {
        return jdbc.sql("SELECT count(*) FROM team WHERE event_id = ?").param(eventId(slug)).query(Integer.class).single();
    }

    private Map<String, Integer> mailKinds(String slug) {
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode mail : get("/dev/mail?event=" + slug, ADMIN).json()) {
            kinds.merge(mail.get("kind").asString(), 1, Integer::sum);
        }
        return kinds;
    }
}
