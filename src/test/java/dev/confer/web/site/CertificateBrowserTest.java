package dev.confer.web.site;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.confer.web.BrowserTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** My ticket in Chromium lists the sessions attended and its certificate link opens the PDF in the page's language. */
class CertificateBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void myTicketListsWhatWasAttendedAndOpensTheCertificate() throws Exception {
        String slug = defineEvent(uniqueSlug("cert-page"), eventDefinition(100, 0, 10, 10, 10, 50));
        JsonNode kim = register(slug, "김서연", "seoyeon@" + slug + ".example.com");
        long event = jdbc.sql("SELECT id FROM event WHERE slug = ?").param(slug).query(Long.class).single();
        jdbc.sql("INSERT INTO checkin (event_id, registration_id, day, checked_in_at) VALUES (?, ?, ?, ?)")
                .params(event, UUID.fromString(kim.get("id").asString()), LocalDate.parse("2037-05-14"),
                        OffsetDateTime.parse("2037-05-14T08:30:00+09:00")).update();
        Response tap = post("/api/v1/events/" + slug + "/taps", staffToken(slug, "DOOR", null), Map.of("tapId", UUID.randomUUID().toString(),
                "at", "2037-05-14T13:05:00+09:00", "point", "session:S101", "credential", Map.of("ticket", kim.get("ticket").asString())));
        assertThat(tap.json().get("result").asString()).isEqualTo("ADMITTED");
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/e/" + slug + "/my-ticket/" + kim.get("id").asString() + "?token=" + kim.get("manageToken").asString());
            assertThat(page.locator("#attended-heading")).hasText("참석한 세션");
            assertThat(page.locator("[data-attended=S101]")).containsText("클라우드 네이티브 금융");
            assertThat(page.locator("#certificate-link")).hasText("참가 확인서(PDF)");
            APIResponse pdf = page.request().get(page.locator("#certificate-link").getAttribute("href"),
                    com.microsoft.playwright.options.RequestOptions.create().setHeader("Accept-Language", "ko-KR"));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document)).contains("참가 확인서", "김서연", "클라우드 네이티브 금융");
            }
            screenshot(page, "my-ticket-attended-ko");
        }
    }
}
