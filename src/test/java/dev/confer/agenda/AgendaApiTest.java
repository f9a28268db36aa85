package dev.confer.agenda;

import dev.confer.ApiTest;
import dev.confer.TestClock;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The personal agenda over HTTP: stars, clashes, the next session, the nudge setting and the calendar feed. */
class AgendaApiTest extends ApiTest {

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String agendaPath(String slug, JsonNode r) {
        return "/api/v1/events/" + slug + "/registrations/" + r.get("id").asString() + "/agenda";
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeynoteWithATitleIsInEveryAttendeesCalendar() throws Exception {
        Map<String, Object> def = AgendaEvents.definition(50, 10);
        java.util.List<Object> days = new java.util.ArrayList<>((java.util.List<Object>) def.get("days"));
        Map<String, Object> first = new java.util.LinkedHashMap<>((Map<String, Object>) days.getFirst());
        first.put("keynote", Map.of("start", "10:00", "end", "11:30", "title", Map.of("ko", "클라우드의 다음 10년", "en", "The next ten years"),
                "speakers", java.util.List.of(Map.of("name", "Jane Doe", "company", "Cloudforge")),
                "halls", java.util.List.of(Map.of("name", "Hall D", "seats", 40))));
        days.set(0, first);
        def.put("days", days);
        String slug = defineEvent(uniqueSlug("agenda"), def);
        JsonNode kim = register(slug, "김민준", "minjun@" + slug + ".example.com"); // Korean
        String url = as(kim, "GET", agendaPath(slug, kim), null).json().get("calendarUrl").asString();
        String ics = get(url.substring(("http://localhost:" + port).length()), null).text();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1); // nothing starred: the keynote alone
        assertThat(value(events.getFirst(), Property.SUMMARY)).isEqualTo("키노트: 클라우드의 다음 10년");
        assertThat(value(events.getFirst(), Property.LOCATION)).isEqualTo("Hall D");
        assertThat(value(events.getFirst(), Property.DESCRIPTION)).contains("Jane Doe (Cloudforge)");
        assertThat(events.getFirst().getProperty(Property.DTSTART).orElseThrow().toString()).contains("20370514T100000");
    }

    private Response as(JsonNode r, String method, String path, Object body) {
        return call(method, path, null, body, Map.of("X-Manage-Token", r.get("manageToken").asString()));
    }

    private static List<String> codes(JsonNode agenda) {
        return agenda.get("sessions").valueStream().map(s -> s.get("code").asString()).toList();
    }

    @Test
    void starsAreKeptOnceInTimeOrderWithTheirClashes() {
        String slug = defineEvent(uniqueSlug("agenda"), AgendaEvents.definition(50, 10));
        JsonNode kim = register(slug, "김민준", "minjun@" + slug + ".example.com");
        String path = agendaPath(slug, kim);

        assertThat(as(kim, "GET", path, null).json().get("sessions").size()).isZero();
        assertThat(as(kim, "PUT", path + "/stars/S5", null).status()).isEqualTo(200);
        assertThat(as(kim, "PUT", path + "/stars/S1", null).status()).isEqualTo(200);
        JsonNode again = as(kim, "PUT", path + "/stars/S1", null).json();
        assertThat(codes(again)).containsExactly("S1", "S5");
        JsonNode withClash = as(kim, "PUT", path + "/stars/S4", null).json();
        assertThat(codes(withClash)).containsExactly("S1", "S4", "S5");
        JsonNode s1 = withClash.get("sessions").get(0);
        assertThat(s1.get("source").asString()).isEqualTo("STARRED");
        assertThat(s1.get("start").asString()).isEqualTo("13:00");
        assertThat(s1.get("room").get("floor").asString()).isEqualTo("3F");
        assertThat(s1.get("clashesWith").valueStream().map(JsonNode::asString).toList()).containsExactly("S4");
        assertThat(withClash.get("sessions").get(2).get("clashesWith").size()).isZero();

        JsonNode removed = as(kim, "DELETE", path + "/stars/S4", null).json();
        assertThat(codes(removed)).containsExactly("S1", "S5");
        assertThat(removed.get("sessions").get(0).get("clashesWith").size()).isZero();
        assertThat(as(kim, "DELETE", path + "/stars/S4", null).status()).isEqualTo(200);
    }

    @Test
    void wrongRequestsAreRefusedWithADetailAndChangeNothing() {
        String slug = defineEvent(uniqueSlug("agenda"), AgendaEvents.definition(50, 10));
        JsonNode kim = register(slug, "김민준", "minjun@" + slug + ".example.com");
        JsonNode lee = register(slug, "이서준", "seojun@" + slug + ".example.com");
        String path = agendaPath(slug, kim);

        Response unknown = call("PUT", path + "/stars/NOPE", null, null,
                Map.of("X-Manage-Token", kim.get("manageToken").asString(), "Accept-Language", "en"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("There is no session 'NOPE' in this event. Check the code on the agenda.");

        Response anonymous = call("PUT", path + "/stars/S1", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        Response otherToken = call("PUT", path + "/stars/S1", null, null, Map.of("X-Manage-Token", lee.get("manageToken").asString()));
        assertThat(otherToken.status()).isEqualTo(403);
        Response noFlag = call("PUT", path + "/nudge", null, Map.of(),
                Map.of("X-Manage-Token", kim.get("manageToken").asString(), "Accept-Language", "ko"));
        assertThat(noFlag.status()).isEqualTo(400);
        assertThat(noFlag.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/enabled");
        assertThat(noFlag.json().get("detail").asString()).contains("true 또는 false");
        assertThat(as(kim, "GET", path, null).json().get("sessions").size()).isZero();
        assertThat(get(path, ADMIN).status()).isEqualTo(200);

        as(kim, "PUT", path + "/stars/S1", null);
        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + kim.get("id").asString(), null, null,
                Map.of("X-Manage-Token", kim.get("manageToken").asString())).status()).isEqualTo(200);
        Response cancelled = as(kim, "PUT", path + "/stars/S2", null);
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(codes(as(kim, "GET", path, null).json())).containsExactly("S1");
    }

    @Test
    void theNextSessionIsTheOneRunningOrStartingNextWithItsSeatsLeft() {
        String slug = defineEvent(uniqueSlug("agenda"), AgendaEvents.definition(50, 10));
        JsonNode kim = register(slug, "김민준", "minjun@" + slug + ".example.com");
        String path = agendaPath(slug, kim);
        as(kim, "PUT", path + "/stars/S1", null);
        as(kim, "PUT", path + "/stars/S5", null);
        as(kim, "PUT", path + "/nudge", Map.of("enabled", true));

        clock.set(Instant.parse("2037-05-14T03:50:00Z")); // 12:50 in Seoul
        JsonNode before = as(kim, "GET", path, null).json();
        assertThat(before.get("nudge").asBoolean()).isTrue();
        assertThat(before.get("next").get("code").asString()).isEqualTo("S1");
        assertThat(before.get("next").get("running").asBoolean()).isFalse();
        assertThat(before.get("next").get("minutesToStart").asLong()).isEqualTo(10);
        assertThat(before.get("next").get("seatsLeft").asInt()).isEqualTo(10);
        assertThat(before.get("next").get("capacity").asInt()).isEqualTo(10);

        clock.set(Instant.parse("2037-05-14T04:20:00Z")); // 13:20, S1 is running
        JsonNode during = as(kim, "GET", path, null).json();
        assertThat(during.get("next").get("code").asString()).isEqualTo("S1");
        assertThat(during.get("next").get("running").asBoolean()).isTrue();

        clock.set(Instant.parse("2037-05-14T04:45:00Z")); // 13:45, S1 is over
        assertThat(as(kim, "GET", path, null).json().get("next").get("code").asString()).isEqualTo("S5");
        clock.set(Instant.parse("2037-05-14T07:00:00Z")); // 16:00, nothing left
        assertThat(as(kim, "GET", path, null).json().get("next").isNull()).isTrue();
    }

    @Test
    void theCalendarFeedHoldsTheAgendaInTheEventTimeZoneForItsKeyOnly() throws Exception {
        String slug = defineEvent(uniqueSlug("agenda"), AgendaEvents.definition(50, 10));
        JsonNode kim = register(slug, "김민준", "minjun@" + slug + ".example.com"); // mails in Korean
        String path = agendaPath(slug, kim);
        as(kim, "PUT", path + "/stars/S1", null);
        as(kim, "PUT", path + "/stars/S4", null);
        String url = as(kim, "GET", path, null).json().get("calendarUrl").asString();
        assertThat(url).startsWith("http://localhost:" + port + "/api/v1/events/" + slug + "/registrations/")
                .contains("/agenda.ics?key=").doesNotContain(kim.get("manageToken").asString());
        String feedPath = url.substring(("http://localhost:" + port).length());

        Response feed = get(feedPath, null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        assertThat(feed.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String ics = feed.text();
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        CalendarComponent s1 = events.get(0);
        assertThat(value(s1, Property.SUMMARY)).isEqualTo("클라우드 네이티브 금융");
        assertThat(value(s1, Property.LOCATION)).isEqualTo("301호 (3F)");
        assertThat(value(s1, Property.DESCRIPTION)).contains("찾아가는 길: 3층 에스컬레이터 왼쪽", "/e/" + slug + "/sessions/S1");
        assertThat(instant(s1, Property.DTSTART)).isEqualTo(Instant.parse("2037-05-14T04:00:00Z"));
        assertThat(instant(s1, Property.DTEND)).isEqualTo(Instant.parse("2037-05-14T04:40:00Z"));
        assertThat(s1.getProperty(Property.DTSTART).orElseThrow().toString()).contains("TZID=Asia/Seoul:20370514T130000");
        CalendarComponent s4 = events.get(1);
        assertThat(value(s4, Property.LOCATION)).isEqualTo("402호 (4F)");
        assertThat(value(s4, Property.DESCRIPTION)).contains("쉼표(,)와 세미콜론(;) 주의");
        String uid = value(s1, Property.UID);

        as(kim, "DELETE", path + "/stars/S4", null);
        Calendar after = new CalendarBuilder().build(new StringReader(get(feedPath, null).text()));
        assertThat(after.getComponents(Component.VEVENT)).hasSize(1);
        assertThat(value(after.getComponents(Component.VEVENT).get(0), Property.UID)).isEqualTo(uid);

        assertThat(call("DELETE", "/api/v1/events/" + slug + "/registrations/" + kim.get("id").asString(), ADMIN, null).status())
                .isEqualTo(200);
        Calendar cancelled = new CalendarBuilder().build(new StringReader(get(feedPath, null).text()));
        assertThat(cancelled.getComponents(Component.VEVENT)).as("a cancelled registration's sessions leave the calendar").isEmpty();

        assertThat(get(feedPath.replaceAll("key=.*", "key=wrong"), null).status()).isEqualTo(404);
        assertThat(get(feedPath.replaceAll("\\?key=.*", ""), null).status()).isEqualTo(404);
        assertThat(get(feedPath.replaceAll("key=.*", "key=" + kim.get("manageToken").asString()), null).status()).isEqualTo(404);
    }

    private static String value(CalendarComponent component, String property) {
        return component.getProperty(property).orElseThrow().getValue();
    }

    @SuppressWarnings("unchecked")
    private static Instant instant(CalendarComponent component, String property) {
        Temporal date = ((DateProperty<Temporal>) component.getProperty(property).orElseThrow()).getDate();
        return ((ZonedDateTime) date).toInstant();
    }
}
