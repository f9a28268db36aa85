package dev.confer.web.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.confer.web.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The privacy notice and consents at registration, and "Your data" on My ticket: sharing, download, erasure. */
class PrivacyBrowserTest extends BrowserTest {

    static Map<String, Object> withNotice(Map<String, Object> def) {
        def.put("privacy", Map.of("controller", Map.of("ko", "클라우드 서밋 조직위원회", "en", "Cloud Summit committee"),
                "contact", "privacy@summit.example", "retentionDays", 30, "noticeVersion", "2026-05"));
        return def;
    }

    @Test
    void theNoticeAsksConsentThenMyTicketSharesDownloadsAndErases() throws Exception {
        String slug = defineEvent(uniqueSlug("privacy"), withNotice(SiteEvents.upcoming(10, 5, 100)));
        try (BrowserContext english = phone("en-US")) {
            Page page = open(english, "/e/" + slug + "/register");
            assertThat(page.locator("#privacy-notice")).hasAttribute("data-notice-version", "2026-05");
            assertThat(page.locator("#privacy-notice")).containsText("Cloud Summit committee");
            assertThat(page.locator("#privacy-notice")).containsText("privacy@summit.example");
            assertThat(page.locator("#privacy-retention")).containsText("30 days after the event's last day");
            assertThat(page.locator("#processing")).not().isChecked();
            assertThat(page.locator("#sponsor-sharing")).not().isChecked();
            screenshot(page, "site-register-privacy-en");

            page.locator("#name").fill("Jane Privacy");
            page.locator("#email").fill("jane.privacy@example.com");
            page.locator("#register").click();
            assertThat(page.locator("#processing-error")).containsText("Tick the box");
            assertThat(page.locator("#processing")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#name")).hasValue("Jane Privacy");
            assertThat(registrations(slug)).as("no consent, nobody registered").isZero();

            page.locator("#processing").check();
            page.locator("#register").click();
            page.waitForURL("**/e/" + slug + "/my-ticket/*?token=*");
            assertThat(page.locator("#privacy-card")).hasAttribute("data-sharing", "false");
            assertThat(page.locator("#sharing-state")).containsText("not shared");
            page.locator("#sharing-toggle").click();
            assertThat(page.locator("#privacy-card")).hasAttribute("data-sharing", "true");
            assertThat(page.locator("#consents-saved")).isVisible();
            screenshot(page, "site-my-ticket-privacy-en");

            Download download = page.waitForDownload(() -> page.locator("#data-download").click());
            JsonNode data = JSON.readTree(Files.readAllBytes(download.path()));
            assertThat(data.get("registration").get("email").asString()).isEqualTo("jane.privacy@example.com");
            assertThat(data.get("registration").get("consents").size()).isEqualTo(3);
            assertThat(data.get("registration").get("sponsorSharing").asBoolean()).isTrue();

            page.locator("#erase-link").click();
            assertThat(page.locator("h1")).hasText("Erase your data?");
            screenshot(page, "site-erase-en");
            page.locator("#erase-keep").click();
            assertThat(page.locator("#privacy-card")).hasAttribute("data-erased", "false");
            page.locator("#erase-link").click();
            page.locator("#erase-confirm").click();
            assertThat(page.locator("#ticket-erased-now")).isVisible();
            assertThat(page.locator("#privacy-card")).hasAttribute("data-erased", "true");
            assertThat(page.locator("img.qr")).hasCount(0);
            assertThat(page.locator("#ticket-name")).not().containsText("Jane");
            assertThat(page.content()).doesNotContain("jane.privacy@example.com");
        }
    }

    @Test
    void aTeamMemberConfirmsTheirOwnConsentsInKorean() {
        String slug = defineEvent(uniqueSlug("privacy"), withNotice(SiteEvents.upcoming(10, 5, 100)));
        Map<String, Object> team = new LinkedHashMap<>();
        team.put("name", "플랫폼팀");
        team.put("locale", "ko");
        team.put("members", List.of(Map.of("name", "김대표", "email", "lead@" + slug + ".example.com"),
                Map.of("name", "이팀원", "email", "member@" + slug + ".example.com")));
        team.put("consents", Map.of("processing", true));
        team.put("membersInformed", true);
        JsonNode member = post("/api/v1/events/" + slug + "/teams", null, team).json().get("members").get(1);
        try (BrowserContext korean = phone("ko-KR")) {
            Page page = open(korean, "/e/" + slug + "/my-ticket/" + member.get("id").asString() + "?token="
                    + member.get("manageToken").asString());
            assertThat(page.locator("#privacy-card")).hasAttribute("data-needs-confirmation", "true");
            assertThat(page.locator("#confirm-explain")).containsText("팀 대표자");
            assertThat(page.locator("#privacy-notice")).containsText("개인정보 처리 안내");
            screenshot(page, "site-my-ticket-confirm-ko");
            page.locator("#consents-confirm").click();
            assertThat(page.locator("#consent-error")).containsText("동의에 체크");
            assertThat(page.locator("#privacy-card")).hasAttribute("data-needs-confirmation", "true");
            page.locator("#processing").check();
            page.locator("#sponsor-sharing").check();
            page.locator("#consents-confirm").click();
            assertThat(page.locator("#privacy-card")).hasAttribute("data-needs-confirmation", "false");
            assertThat(page.locator("#privacy-card")).hasAttribute("data-sharing", "true");
            assertThat(page.locator("#sharing-state")).containsText("연락처가 제공됩니다");
        }
    }

    private int registrations(String slug) {
        return get("/api/v1/events/" + slug + "/registrations", ADMIN).json().size();
    }
}
