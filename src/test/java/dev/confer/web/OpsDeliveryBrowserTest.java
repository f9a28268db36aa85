package dev.confer.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops room's alert delivery form in a real Chromium (Korean, then English): the organizer sets the mail addresses,
 * a webhook and the alerts' language, sees what was saved (the webhook only as set), a bad address is refused in the
 * page's language and changes nothing, and the webhook can be removed. The API ({@code GET .../ops/delivery}) agrees.
 * Accessibility audited with axe like the other pages.
 */
class OpsDeliveryBrowserTest extends BrowserTest {

    @Test
    void theOrganizerSetsWhereAlertsGoAndABadAddressChangesNothing() {
        String slug = defineEvent(uniqueSlug("ops-delivery"), eventDefinition(10, 0, 10, 10, 0, 10));
        String path = "/organizer/" + slug + "/ops";
        try (BrowserContext korean = laptop("ko-KR", true)) {
            Page page = open(korean, "/login");
            signIn(page, ADMIN);
            page.navigate(path);
            assertThat(page.locator("#alert-delivery h2")).hasText("알림 보낼 곳");
            assertThat(page.locator("#alert-delivery")).hasAttribute("data-webhook", "false");
            page.locator("#delivery-mail").fill("ops@example.com\nlead@example.com");
            page.locator("#delivery-webhook").fill("https://hooks.example.com/services/T000/B000");
            page.locator("#delivery-language").selectOption("en");
            page.locator("#delivery-save").click();
            assertThat(page.locator("#delivery-saved")).containsText("저장했습니다");
            assertThat(page.locator("#alert-delivery")).hasAttribute("data-webhook", "true");
            assertThat(page.locator("#alert-delivery")).hasAttribute("data-source", "event");
            assertThat(page.locator("#delivery-mail")).hasValue("ops@example.com\nlead@example.com");
            assertThat(page.locator("#delivery-webhook-hint")).containsText("웹훅이 설정되어 있습니다");
            assertThat(page.locator("#delivery-webhook")).hasValue(""); // the URL is a secret: never shown again
            assertThat(AxeAudit.violations(page)).isEmpty();
            screenshot(page, "ops-delivery-ko");
        }
        JsonNode saved = get("/api/v1/events/" + slug + "/ops/delivery", ADMIN).json();
        assertThat(saved.get("mailTo").toString()).isEqualTo("[\"ops@example.com\",\"lead@example.com\"]");
        assertThat(saved.get("webhook").asBoolean()).isTrue();
        assertThat(saved.get("language").asString()).isEqualTo("en");

        try (BrowserContext english = laptop("en-US", true)) {
            Page page = open(english, "/login");
            signIn(page, ADMIN);
            page.navigate(path);
            assertThat(page.locator("#alert-delivery h2")).hasText("Where alerts go");
            assertThat(page.locator("#delivery-language")).hasValue("en");
            page.locator("#delivery-mail").fill("ops@example.com\nnot-an-address");
            page.locator("#delivery-save").click();
            assertThat(page.locator("#delivery-error")).containsText("\"not-an-address\" is not an e-mail address");
            assertThat(page.locator("#delivery-mail")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#delivery-mail")).hasValue("ops@example.com\nnot-an-address");
            assertThat(AxeAudit.violations(page)).isEmpty();
            screenshot(page, "ops-delivery-en-refused");
            assertThat(get("/api/v1/events/" + slug + "/ops/delivery", ADMIN).json()).isEqualTo(saved);

            // the address put right; the webhook removed
            page.locator("#delivery-mail").fill("ops@example.com");
            page.locator("#delivery-remove-webhook").check();
            page.locator("#delivery-save").click();
            assertThat(page.locator("#delivery-saved")).containsText("Saved");
            assertThat(page.locator("#alert-delivery")).hasAttribute("data-webhook", "false");
        }
        JsonNode after = get("/api/v1/events/" + slug + "/ops/delivery", ADMIN).json();
        assertThat(after.get("mailTo").toString()).isEqualTo("[\"ops@example.com\"]");
        assertThat(after.get("webhook").asBoolean()).isFalse();
    }
}
