package dev.confer.access;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeadsApiTest extends TapTestSupport {

    @Test
    void aSponsorReadsItsOwnBoothsLeadsWithVisitCounts() {
        String slug = defineEvent(uniqueSlug("leads"), eventDefinition(10, 0, 10, 10, 10, 10));
        String sponsorB01 = staffToken(slug, "SPONSOR", "B01");
        String sponsorB02 = staffToken(slug, "SPONSOR", "B02");
        String door = staffToken(slug, "DOOR", null);
        JsonNode a = register(slug, "김민준", "minjun@example.com");
        JsonNode b = register(slug, "Bob", "bob@example.com");
        JsonNode notIn = register(slug, "Nobody", "nobody@example.com");
        checkIn(slug, a, DAY1);
        checkIn(slug, a, DAY2);
        checkIn(slug, b, DAY1);

        tap(slug, sponsorB01, "2037-05-14T10:00:00+09:00", "booth:B01", a);
        tap(slug, sponsorB01, "2037-05-14T11:00:00+09:00", "booth:B01", b);
        tap(slug, sponsorB01, DAY2_AFTERNOON, "booth:B01", a);
        // a scanner that was offline syncs an earlier visit late: the first visit moves back
        tap(slug, door, "2037-05-14T09:30:00+09:00", "booth:B01", a);
        tap(slug, sponsorB01, DAY1_AFTERNOON, "booth:B01", notIn);
        tap(slug, sponsorB02, DAY1_AFTERNOON, "booth:B02", b);

        Response r = get("/api/v1/events/" + slug + "/booths/B01/leads", sponsorB01);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(2);
        JsonNode first = r.json().get(0);
        assertThat(first.get("name").asString()).isEqualTo("김민준");
        assertThat(first.get("email").asString()).isEqualTo("minjun@example.com");
        assertThat(first.get("company").asString()).isEqualTo("Hanbit");
        assertThat(first.get("jobTitle").asString()).isEqualTo("Engineer");
        assertThat(first.get("firstVisitAt").asString()).isEqualTo("2037-05-14T00:30:00Z");
        assertThat(first.get("lastVisitAt").asString()).isEqualTo("2037-05-15T04:05:00Z");
        assertThat(first.get("visits").asInt()).isEqualTo(3);
        JsonNode second = r.json().get(1);
        assertThat(second.get("name").asString()).isEqualTo("Bob");
        assertThat(second.get("visits").asInt()).isEqualTo(1);

        assertThat(get("/api/v1/events/" + slug + "/booths/B01/leads", ADMIN).json().size()).isEqualTo(2);
        JsonNode b02 = get("/api/v1/events/" + slug + "/booths/B02/leads", sponsorB02).json();
        assertThat(b02.size()).isEqualTo(1);
        assertThat(b02.get(0).get("name").asString()).isEqualTo("Bob");
    }

    @Test
    void onlyThatBoothsSponsorOrTheOrganizerReadsLeads() {
        String slug = defineEvent(uniqueSlug("leads"), eventDefinition(10, 0, 10, 10, 10, 10));
        String other = defineEvent(uniqueSlug("leads"), eventDefinition(10, 0, 10, 10, 10, 10));
        String path = "/api/v1/events/" + slug + "/booths/B01/leads";
        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get(path, staffToken(slug, "DOOR", null)).status()).isEqualTo(403);
        assertThat(get(path, staffToken(slug, "DESK", null)).status()).isEqualTo(403);
        assertThat(get(path, staffToken(other, "SPONSOR", "B01")).status()).isEqualTo(403);
        Response otherBooth = get(path, staffToken(slug, "SPONSOR", "B02"));
        assertThat(otherBooth.status()).isEqualTo(403);
        assertThat(otherBooth.json().get("detail").asString()).contains("B02").contains("B01");
        assertThat(get(path + ".csv", staffToken(slug, "SPONSOR", "B02")).status()).isEqualTo(403);
        assertThat(get(path + ".csv", null).status()).isEqualTo(401);
        Response unknown = get("/api/v1/events/" + slug + "/booths/B99/leads", ADMIN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("B99");
        Response empty = get(path, staffToken(slug, "SPONSOR", "B01"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().size()).isZero();
    }

    @Test
    void leadsExportAsCsvThatExcelOpensInKorean() {
        String slug = defineEvent(uniqueSlug("leads"), eventDefinition(10, 0, 10, 10, 10, 10));
        String sponsor = staffToken(slug, "SPONSOR", "B01");
        JsonNode a = register(slug, "김민준", "minjun@example.com");
        Response tricky = post("/api/v1/events/" + slug + "/registrations", null,
                Map.of("name", "=HYPERLINK(\"http://x\")", "email", "t@example.com", "company", "Foo, Inc.", "locale", "en",
                        "consents", Map.of("sponsorSharing", true))); // only who shares is a lead
        JsonNode t = tricky.json();
        checkIn(slug, a, DAY1);
        checkIn(slug, t, DAY1);
        tap(slug, sponsor, "2037-05-14T10:00:00+09:00", "booth:B01", a);
        tap(slug, sponsor, "2037-05-14T10:05:00+09:00", "booth:B01", a);
        tap(slug, sponsor, "2037-05-14T11:00:00+09:00", "booth:B01", t);

        Response csv = call("GET", "/api/v1/events/" + slug + "/booths/B01/leads.csv", sponsor, null, Map.of("Accept-Language", "ko"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("leads-" + slug + "-B01.csv");
        assertThat(Arrays.copyOf(csv.raw(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.raw(), 3, csv.raw().length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly(
                "이름,회사,직함,이메일,첫 방문,마지막 방문,방문 횟수",
                "김민준,Hanbit,Engineer,minjun@example.com,2037-05-14 10:00:00,2037-05-14 10:05:00,2",
                "\"'=HYPERLINK(\"\"http://x\"\")\",\"Foo, Inc.\",,t@example.com,2037-05-14 11:00:00,2037-05-14 11:00:00,1");

        Response english = get("/api/v1/events/" + slug + "/booths/B01/leads.csv", ADMIN);
        assertThat(english.text()).contains("Name,Company,Job title,E-mail,First visit,Last visit,Visits");
    }
}
