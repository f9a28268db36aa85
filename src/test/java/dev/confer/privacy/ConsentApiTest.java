package dev.confer.privacy;

import dev.confer.access.TapTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Notice and consent at registration (single and team), and sponsors seeing only what was consented. */
class ConsentApiTest extends TapTestSupport {

    static Map<String, Object> withPrivacy(Map<String, Object> def) {
        def.put("privacy", Map.of("controller", Map.of("ko", "클라우드 서밋 조직위원회", "en", "Cloud Summit committee"),
                "contact", "privacy@summit.example", "retentionDays", 30, "noticeVersion", "v3"));
        return def;
    }

    private Response registerBody(String slug, Map<String, Object> body) {
        return call("POST", "/api/v1/events/" + slug + "/registrations", null, body, Map.of("Accept-Language", "en"));
    }

    private static Map<String, Object> person(String name, String email, Object consents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("company", "Hanbit");
        body.put("jobTitle", "Engineer");
        if (consents != null) {
            body.put("consents", consents);
        }
        return body;
    }

    @Test
    void anEventWithANoticeNeedsConsentToProcessingAndRecordsEachConsentWithItsVersion() {
        String slug = defineEvent(uniqueSlug("consent"), withPrivacy(eventDefinition(10, 0, 10, 10, 10, 10)));
        assertThat(get("/api/v1/events/" + slug, null).text()).contains("noticeVersion");

        Response none = registerBody(slug, person("Kim", "kim@example.com", null));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("detail").asString()).contains("Consent to the processing").contains("not been registered");
        Response refused = registerBody(slug, person("Kim", "kim@example.com", Map.of("processing", false, "sponsorSharing", true)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("/consents/processing");
        assertThat(count("SELECT count(*) FROM registration WHERE event_id = ?", eventId(slug))).isZero();
        Response ko = call("POST", "/api/v1/events/" + slug + "/registrations", null, person("Kim", "kim@example.com", null),
                Map.of("Accept-Language", "ko"));
        assertThat(ko.json().get("detail").asString()).contains("동의");

        Response kept = registerBody(slug, person("Kim", "kim@example.com", Map.of("processing", true)));
        assertThat(kept.status()).isEqualTo(201);
        String token = kept.json().get("manageToken").asString();
        String path = "/api/v1/events/" + slug + "/registrations/" + kept.json().get("id").asString();
        JsonNode state = get(path + "/consents?token=" + token, null).json();
        assertThat(state.get("processing").asBoolean()).isTrue();
        assertThat(state.get("sponsorSharing").asBoolean()).isFalse();
        assertThat(state.get("history").size()).isEqualTo(2);
        assertThat(state.get("history").get(0).get("noticeVersion").asString()).isEqualTo("v3");
        assertThat(state.get("history").get(0).get("source").asString()).isEqualTo("REGISTRATION");
        assertThat(state.get("history").get(1).get("purpose").asString()).isEqualTo("SPONSOR_SHARING");
        assertThat(state.get("history").get(1).get("granted").asBoolean()).isFalse();

        // the attendee gives sharing, sends it again (nothing new), withdraws it: each change is one row
        Map<String, Object> give = Map.of("processing", true, "sponsorSharing", true);
        assertThat(call("PUT", path + "/consents?token=" + token, null, give).json().get("sponsorSharing").asBoolean()).isTrue();
        assertThat(call("PUT", path + "/consents?token=" + token, null, give).json().get("history").size()).isEqualTo(3);
        JsonNode withdrawn = call("PUT", path + "/consents?token=" + token, null, Map.of("sponsorSharing", false)).json();
        assertThat(withdrawn.get("sponsorSharing").asBoolean()).isFalse();
        assertThat(withdrawn.get("history").size()).isEqualTo(4);
        // processing cannot be withdrawn while registered (erasure is the way), and staff cannot answer for anyone
        assertThat(call("PUT", path + "/consents?token=" + token, null, Map.of("processing", false)).status()).isEqualTo(400);
        assertThat(call("PUT", path + "/consents", ADMIN, give).status()).isEqualTo(403);
        assertThat(call("PUT", path + "/consents", null, give).status()).isIn(401, 403);
    }

    @Test
    void withoutANoticeNothingIsRequiredAndNothingIsSharedUnlessAsked() {
        String slug = defineEvent(uniqueSlug("consent"), eventDefinition(10, 0, 10, 10, 10, 10));
        Response plain = registerBody(slug, person("Lee", "lee@example.com", null));
        assertThat(plain.status()).isEqualTo(201);
        JsonNode view = get("/api/v1/events/" + slug + "/registrations/" + plain.json().get("id").asString(), ADMIN).json();
        assertThat(view.get("sponsorSharing").asBoolean()).isFalse();
        assertThat(get("/api/v1/events/" + slug + "/access-log", ADMIN).json().findValuesAsString("action")).contains("REGISTRATION_VIEW");
        assertThat(count("SELECT count(*) FROM consent WHERE event_id = ?", eventId(slug))).isZero();
        Response sharing = registerBody(slug, person("Park", "park@example.com", Map.of("sponsorSharing", true)));
        assertThat(sharing.status()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM consent WHERE event_id = ? AND purpose = 'SPONSOR_SHARING' AND granted", eventId(slug)))
                .isEqualTo(1);
    }

    @Test
    void sponsorsSeeOnlyWhoSharesWhileEveryVisitCounts() {
        String slug = defineEvent(uniqueSlug("consent"), withPrivacy(eventDefinition(10, 0, 10, 10, 10, 10)));
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        JsonNode sharer = registerBody(slug, person("김공유", "share@example.com", Map.of("processing", true, "sponsorSharing", true))).json();
        JsonNode quiet = registerBody(slug, person("Quiet Person", "quiet@example.com", Map.of("processing", true, "sponsorSharing", false))).json();
        List<JsonNode> answers = new ArrayList<>();
        for (JsonNode a : List.of(sharer, quiet)) {
            checkIn(slug, a, DAY1);
            Response tapped = tap(slug, sponsor, DAY1_AFTERNOON, "booth:B01", a);
            assertThat(tapped.status()).isEqualTo(200);
            answers.add(tapped.json());
        }
        // the booth's scanner names the sharer only
        assertThat(answers.get(0).get("name").asString()).isEqualTo("김공유");
        assertThat(answers.get(1).get("name").isNull()).isTrue();
        assertThat(answers.get(1).get("company").isNull()).isTrue();
        assertThat(answers.get(1).get("result").asString()).isEqualTo("ADMITTED");
        String leads = "/api/v1/events/" + slug + "/booths/B01/leads";
        JsonNode list = get(leads, sponsor).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("email").asString()).isEqualTo("share@example.com");
        String csv = new String(get(leads + ".csv", sponsor).raw(), StandardCharsets.UTF_8);
        assertThat(csv).contains("share@example.com").doesNotContain("quiet@example.com").doesNotContain("Quiet Person");
        JsonNode booth = get("/api/v1/events/" + slug + "/stats", ADMIN).json().get("booths").get(0);
        assertThat(booth.get("visitors").asInt()).isEqualTo(2);

        // the quiet one changes their mind on their own phone, then withdraws again; the sharer cancels
        String quietPath = "/api/v1/events/" + slug + "/registrations/" + quiet.get("id").asString() + "/consents?token="
                + quiet.get("manageToken").asString();
        call("PUT", quietPath, null, Map.of("processing", true, "sponsorSharing", true));
        assertThat(get(leads, sponsor).json().size()).isEqualTo(2);
        call("PUT", quietPath, null, Map.of("processing", true, "sponsorSharing", false));
        call("DELETE", "/api/v1/events/" + slug + "/registrations/" + sharer.get("id").asString() + "?token="
                + sharer.get("manageToken").asString(), null, null);
        assertThat(get(leads, sponsor).json().size()).isZero();
        assertThat(new String(get(leads + ".csv", sponsor).raw(), StandardCharsets.UTF_8)).doesNotContain("@example.com");
        JsonNode after = get("/api/v1/events/" + slug + "/stats", ADMIN).json().get("booths").get(0);
        assertThat(after.get("visitors").asInt()).isEqualTo(2);
        assertThat(after.get("visits").asInt()).isEqualTo(2);
    }

    @Test
    void aTeamLeadSaysMembersWereToldAndEachMemberConfirmsTheirOwnChoices() {
        String slug = defineEvent(uniqueSlug("consent"), withPrivacy(eventDefinition(10, 0, 10, 10, 10, 10)));
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(Map.of("name", "Lead Kim", "email", "lead@" + slug + ".example.com"));
        members.add(Map.of("name", "Member Lee", "email", "member@" + slug + ".example.com"));
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("name", "Platform");
        team.put("locale", "en");
        team.put("members", members);
        team.put("consents", Map.of("processing", true, "sponsorSharing", true));
        Response untold = call("POST", "/api/v1/events/" + slug + "/teams", null, team, Map.of("Accept-Language", "en"));
        assertThat(untold.status()).isEqualTo(400);
        assertThat(untold.text()).contains("/membersInformed");
        assertThat(count("SELECT count(*) FROM registration WHERE event_id = ?", eventId(slug))).isZero();

        team.put("membersInformed", true);
        Response created = post("/api/v1/events/" + slug + "/teams", null, team);
        assertThat(created.status()).isEqualTo(201);
        JsonNode lead = created.json().get("members").get(0);
        JsonNode member = created.json().get("members").get(1);
        String memberPath = "/api/v1/events/" + slug + "/registrations/" + member.get("id").asString() + "/consents?token="
                + member.get("manageToken").asString();
        JsonNode before = get(memberPath, null).json();
        assertThat(before.get("needsConfirmation").asBoolean()).isTrue();
        assertThat(before.get("sponsorSharing").asBoolean()).isFalse();
        assertThat(before.get("history").get(0).get("source").asString()).isEqualTo("TEAM_LEAD");
        JsonNode leadState = get("/api/v1/events/" + slug + "/registrations/" + lead.get("id").asString() + "/consents?token="
                + lead.get("manageToken").asString(), null).json();
        assertThat(leadState.get("sponsorSharing").asBoolean()).isTrue();
        assertThat(leadState.get("needsConfirmation").asBoolean()).isFalse();

        // the member's own mail asks them to confirm; the lead's does not
        awaitEventsHandled();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM mail_outbox WHERE event_id = ? AND body_text IS NOT NULL", eventId(slug)) == 2);
        String memberMail = jdbc.sql("SELECT body_text FROM mail_outbox WHERE registration_id = ?")
                .param(java.util.UUID.fromString(member.get("id").asString())).query(String.class).single();
        String leadMail = jdbc.sql("SELECT body_text FROM mail_outbox WHERE registration_id = ?")
                .param(java.util.UUID.fromString(lead.get("id").asString())).query(String.class).single();
        assertThat(memberMail).contains("confirm your own consents").contains("Cloud Summit committee");
        assertThat(leadMail).doesNotContain("confirm your own consents");
        long mailId = jdbc.sql("SELECT id FROM mail_outbox WHERE registration_id = ?")
                .param(java.util.UUID.fromString(member.get("id").asString())).query(Long.class).single();
        assertThat(get("/dev/mail/" + mailId + ".txt", ADMIN).text()).contains("Member Lee");
        JsonNode viewed = get("/api/v1/events/" + slug + "/access-log", ADMIN).json().get(0);
        assertThat(viewed.get("action").asString()).isEqualTo("MAIL_VIEW");
        assertThat(viewed.toString()).doesNotContain("Member Lee");
        // the mail box's list names every addressee: listing it is logged too (as JSON for scripts, as a page for people)
        assertThat(get("/dev/mail?event=" + slug, ADMIN).json().size()).isEqualTo(2);
        JsonNode listed = get("/api/v1/events/" + slug + "/access-log", ADMIN).json().get(0);
        assertThat(listed.get("action").asString()).isEqualTo("MAIL_LIST");
        assertThat(listed.get("people").asInt()).isEqualTo(2);
        assertThat(listed.get("actor").asString()).isEqualTo("ORGANIZER");
        assertThat(call("GET", "/dev/mail?event=" + slug, ADMIN, null, Map.of("Accept", "text/html")).text()).contains("member@" + slug + ".example.com");
        assertThat(get("/api/v1/events/" + slug + "/access-log", ADMIN).json().findValuesAsString("action")
                .stream().filter("MAIL_LIST"::equals).count()).isEqualTo(2);

        JsonNode confirmed = call("PUT", memberPath, null, Map.of("processing", true, "sponsorSharing", true)).json();
        assertThat(confirmed.get("needsConfirmation").asBoolean()).isFalse();
        assertThat(confirmed.get("sponsorSharing").asBoolean()).isTrue();
        assertThat(confirmed.get("history").get(1).get("source").asString()).isEqualTo("MY_TICKET");
    }
}
