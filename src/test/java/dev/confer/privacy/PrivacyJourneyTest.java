package dev.confer.privacy;

import dev.confer.access.TapTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey of personal data: people register with and without sharing consent (alone and as a team),
 * visit booths and star sessions, get their mails; the organizer exports; one person erases themselves, then
 * retention anonymises the rest. Afterwards no text column of any table holds any of their names or addresses,
 * while the statistics and the booths' figures are what they were.
 */
class PrivacyJourneyTest extends TapTestSupport {

    private record Person(String name, String email, JsonNode registration) {
    }

    @Test
    void registerVisitExportEraseAndRetainLeavesNoPersonalDataButExactFigures() {
        String slug = defineEvent(uniqueSlug("journey"), ConsentApiTest.withPrivacy(eventDefinition(10, 5, 10, 10, 10, 10)));
        String unique = slug.replace("-", "");
        String sponsor = staffToken(slug, "SPONSOR", "B01");

        Person sharer = person(slug, "Zelda Sharer" + unique, "zelda." + unique + "@journey.example", true);
        Person quiet = person(slug, "홍비밀" + unique, "quiet." + unique + "@journey.example", false);
        List<Map<String, Object>> members = List.of(
                Map.of("name", "Lead Teamkim" + unique, "email", "lead." + unique + "@journey.example", "jobTitle", "CTO " + unique),
                Map.of("name", "Member Teamlee" + unique, "email", "member." + unique + "@journey.example"));
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("name", "Team of Teamkim" + unique);
        team.put("company", "Teamco " + unique);
        team.put("members", members);
        team.put("consents", Map.of("processing", true, "sponsorSharing", true));
        team.put("membersInformed", true);
        Response teamCreated = post("/api/v1/events/" + slug + "/teams", null, team);
        assertThat(teamCreated.status()).isEqualTo(201);
        JsonNode lead = teamCreated.json().get("members").get(0);
        JsonNode member = teamCreated.json().get("members").get(1);
        List<String> needles = List.of(sharer.name(), sharer.email(), quiet.name(), quiet.email(), "Teamkim" + unique,
                "lead." + unique, "Teamlee" + unique, "member." + unique, "Teamco " + unique, "CTO " + unique);

        for (JsonNode a : List.of(sharer.registration(), quiet.registration(), lead, member)) {
            checkIn(slug, a, DAY1);
            assertThat(tap(slug, sponsor, DAY1_AFTERNOON, "booth:B01", a).status()).isEqualTo(200);
        }
        checkIn(slug, sharer.registration(), DAY2);
        assertThat(tap(slug, sponsor, DAY2_AFTERNOON, "booth:B01", sharer.registration()).status()).isEqualTo(200);
        for (JsonNode a : List.of(sharer.registration(), lead)) {
            Response star = call("PUT", "/api/v1/events/" + slug + "/registrations/" + a.get("id").asString()
                    + "/agenda/stars/S101?token=" + a.get("manageToken").asString(), null, null);
            assertThat(star.status()).isIn(200, 204);
        }
        awaitEventsHandled();
        long eventId = eventId(slug);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND sent_at IS NOT NULL AND body_text IS NOT NULL", eventId) == 4
                        && count("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND sent_at IS NULL", eventId) == 0);
        assertThat(holding(needles)).as("the personal data is really stored before it is erased").contains(sharer.email(), quiet.name());

        // sponsors see the sharers only; the organizer exports everyone (both logged)
        JsonNode leads = get("/api/v1/events/" + slug + "/booths/B01/leads", sponsor).json();
        assertThat(leads.findValuesAsString("email")).containsExactlyInAnyOrder(sharer.email(), "lead." + unique + "@journey.example");
        Response export = get("/api/v1/events/" + slug + "/registrations.csv", ADMIN);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw()[0]).isEqualTo((byte) 0xEF);
        assertThat(export.text()).contains(sharer.email(), quiet.email(), quiet.name());
        get("/api/v1/events/" + slug + "/registrations?q=" + unique.substring(unique.length() - 6), ADMIN);
        JsonNode log = get("/api/v1/events/" + slug + "/access-log", ADMIN).json();
        assertThat(log.findValuesAsString("action")).contains("BOOTH_LEADS", "REGISTRATIONS_EXPORT", "REGISTRATION_LIST");
        assertThat(log.toString()).doesNotContain(unique.substring(unique.length() - 6) + "@").doesNotContain("Zelda");
        JsonNode exportRow = log.get(1);
        assertThat(exportRow.get("action").asString()).isEqualTo("REGISTRATIONS_EXPORT");
        assertThat(exportRow.get("people").asInt()).isEqualTo(4);
        assertThat(exportRow.get("actor").asString()).isEqualTo("ORGANIZER");

        String stats = figures(slug);

        // the sharer downloads everything held about them, then erases it
        String sharerPath = "/api/v1/events/" + slug + "/registrations/" + sharer.registration().get("id").asString();
        String token = "?token=" + sharer.registration().get("manageToken").asString();
        JsonNode data = get(sharerPath + "/data" + token, null).json();
        assertThat(data.get("registration").get("email").asString()).isEqualTo(sharer.email());
        assertThat(data.get("registration").get("consents").size()).isEqualTo(2);
        assertThat(data.get("agenda").get("starred").get(0).asString()).isEqualTo("S101");
        assertThat(data.get("visits").get("booths").get(0).get("visits").asInt()).isEqualTo(2);
        assertThat(data.get("mails").get(0).get("to").asString()).isEqualTo(sharer.email());
        assertThat(data.get("checkins").get("days").size()).isEqualTo(2);
        JsonNode erased = post(sharerPath + "/erasure" + token, null, null).json();
        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(erased.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(post(sharerPath + "/erasure" + token, null, null).status()).isEqualTo(200); // again: nothing more to do
        assertThat(holding(List.of(sharer.name(), sharer.email()))).isEmpty();
        assertThat(holding(List.of(quiet.email()))).isNotEmpty();
        assertThat(get("/api/v1/events/" + slug + "/booths/B01/leads", sponsor).json().size()).isEqualTo(1);
        assertThat(figures(slug)).isEqualTo(stats);

        // retention, run early by the organizer: everyone else goes the same way
        JsonNode preview = get("/api/v1/events/" + slug + "/retention", ADMIN).json();
        assertThat(preview.get("people").asInt()).isEqualTo(3);
        assertThat(preview.get("due").asString()).isEqualTo("2037-06-14T09:00:00Z"); // 30 days after 2037-05-15 18:00 KST
        JsonNode report = post("/api/v1/events/" + slug + "/retention/run", ADMIN, null).json();
        assertThat(report.get("anonymised").asInt()).isEqualTo(3);
        assertThat(report.get("trigger").asString()).isEqualTo("ORGANIZER");
        assertThat(report.get("logRows").asInt()).isGreaterThanOrEqualTo(5);

        assertThat(holding(needles)).as("personal data left after erasure and retention").isEmpty();
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND (recipient IS NOT NULL OR body_text IS NOT NULL "
                + "OR body_html IS NOT NULL OR subject IS NOT NULL)", eventId)).isZero();
        assertThat(figures(slug)).isEqualTo(stats);
        assertThat(get("/api/v1/events/" + slug + "/booths/B01/leads", sponsor).json().size()).isZero();
        assertThat(get("/api/v1/events/" + slug + "/retention", ADMIN).json().get("people").asInt()).isZero();
        JsonNode after = get("/api/v1/events/" + slug + "/access-log", ADMIN).json();
        assertThat(after.findValuesAsString("action")).containsExactly("BOOTH_LEADS", "RETENTION");
    }

    private Person person(String slug, String name, String email, boolean sharing) {
        Response r = post("/api/v1/events/" + slug + "/registrations", null, Map.of("name", name, "email", email,
                "company", "Solo " + name, "jobTitle", "Engineer", "consents", Map.of("processing", true, "sponsorSharing", sharing)));
        assertThat(r.status()).isEqualTo(201);
        return new Person(name, email, r.json());
    }

    /** The event's figures as the organizer reads them, and the booth's as the sponsor does. */
    private String figures(String slug) {
        return get("/api/v1/events/" + slug + "/stats", ADMIN).json().toString();
    }

    /** Which of these texts any text-like column of any table of the schema still holds (case-insensitive). */
    private List<String> holding(List<String> needles) {
        List<Map<String, String>> columns = jdbc.sql("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema = current_schema()
                          AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED')
                        ORDER BY table_name, column_name""")
                .query((rs, n) -> Map.of("table", rs.getString(1), "column", rs.getString(2), "type", rs.getString(3))).list();
        assertThat(columns).extracting(c -> c.get("table") + "." + c.get("column"))
                .contains("registration.name", "mail_outbox.body_html", "team.name", "access_log.detail");
        List<String> found = new ArrayList<>();
        for (String needle : needles) {
            for (Map<String, String> c : columns) {
                String value = c.get("type").equals("bytea") ? "encode(\"" + c.get("column") + "\", 'escape')"
                        : "\"" + c.get("column") + "\"::text";
                int hits = jdbc.sql("SELECT count(*) FROM \"" + c.get("table") + "\" WHERE strpos(lower(" + value + "), lower(?)) > 0")
                        .param(needle).query(Integer.class).single();
                if (hits > 0) {
                    found.add(needle);
                    break;
                }
            }
        }
        return found;
    }
}
