package dev.confer.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.confer.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops room in a real Chromium, in Korean and English: four desks scan through the morning (synced as devices
 * would), desk D04 stops at 08:12, and the page shows its SILENT alert on top, every desk as a chart with its band,
 * and lets the organizer acknowledge and mute it. Accessibility audited with axe like the other pages.
 */
class OpsRoomBrowserTest extends BrowserTest {

    private static final String DAY = "2037-05-14";

    @Autowired
    private TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aStoppedDeskIsOnTopAndCanBeAcknowledgedAndMutedInKoreanAndEnglish() {
        String slug = defineEvent(uniqueSlug("ops-room"), eventDefinition(1000, 0, 1000, 1000, 0, 100));
        List<String> tickets = new ArrayList<>();
        for (int team = 0; team < 8; team++) {
            String[] names = new String[50];
            for (int i = 0; i < 50; i++) {
                names[i] = "Guest " + team + "-" + i;
            }
            registerTeam(slug, "Team " + team, names).forEach(m -> tickets.add(m.get("ticket").asString()));
        }
        clock.set(OffsetDateTime.parse(DAY + "T08:25:00+09:00").toInstant());
        List<Map<String, Object>> actions = new ArrayList<>();
        int next = 0;
        for (int minute = 0; minute < 25; minute++) {
            for (int d = 1; d <= 4; d++) {
                if (d == 4 && minute >= 12) {
                    continue;
                }
                for (int i = 0; i < 3 + (minute + d) % 3; i++) {
                    actions.add(Map.of("id", UUID.randomUUID().toString(), "kind", "check-in", "ticket", tickets.get(next++), "desk", "D0" + d,
                            "at", String.format("%sT08:%02d:%02d+09:00", DAY, minute, i * 9)));
                }
            }
        }
        Response sync = post("/api/v1/events/" + slug + "/sync", ADMIN, Map.of("device", "replay", "actions", actions));
        assertThat(sync.status()).as(sync.text()).isEqualTo(200);

        String path = "/organizer/" + slug + "/ops?day=" + DAY;
        try (BrowserContext korean = laptop("ko-KR", true)) {
            Page page = open(korean, "/login");
            signIn(page, ADMIN);
            page.navigate(path);
            assertThat(page.locator("h1")).containsText("운영 상황실");
            Locator alert = page.locator("#open-alerts li[data-subject='D04'][data-kind='SILENT']");
            assertThat(alert).containsText("데스크 D04");
            assertThat(alert).containsText("08:1");
            assertThat(page.locator("#signal-arrivals figure.ops-chart")).hasCount(4);
            assertThat(page.locator("#signal-arrivals figure[data-subject='D04']")).hasAttribute("data-alerting", "true");
            assertThat(page.locator("#signal-arrivals figure[data-subject='D01']")).hasAttribute("data-alerting", "false");
            assertThat(page.locator("#signal-arrivals figure[data-subject='D01'] polygon.ops-band")).hasAttribute("points",
                    java.util.regex.Pattern.compile("\\d"));
            assertScriptBudget(page);
            assertThat(AxeAudit.violations(page)).isEmpty();
            screenshot(page, "ops-room-ko");

            // the live part is polled: a fresh copy arrives by itself
            page.waitForResponse(r -> r.url().contains("/ops/live"), () -> { });
            htmxIdle(page);
            assertThat(page.locator("#ops-live")).hasAttribute("data-open-alerts", "1");

            page.locator("#open-alerts li[data-subject='D04'] button.ops-ack").click();
            assertThat(page.locator("#open-alerts li[data-subject='D04']")).hasAttribute("data-acknowledged", "true");
            assertThat(page.locator("#open-alerts li[data-subject='D04']")).containsText("확인함");
            page.locator("#open-alerts li[data-subject='D04'] button.ops-mute").click();
            assertThat(page.locator("#open-alerts li[data-subject='D04']")).hasAttribute("data-muted", "true");
        }
        try (BrowserContext english = laptop("en-US", true)) {
            Page page = open(english, "/login");
            signIn(page, ADMIN);
            page.navigate(path);
            assertThat(page.locator("h1")).containsText("Ops room");
            Locator alert = page.locator("#open-alerts li[data-subject='D04']");
            assertThat(alert).containsText("Desk D04 has recorded nothing since 08:1");
            assertThat(alert).hasAttribute("data-acknowledged", "true");
            assertThat(alert).hasAttribute("data-muted", "true");
            assertThat(AxeAudit.violations(page)).isEmpty();
            screenshot(page, "ops-room-en");
            alert.locator("button.ops-mute").click();
            assertThat(page.locator("#open-alerts li[data-subject='D04']")).hasAttribute("data-muted", "false");
            assertThat(page.locator("nav.org-nav a[aria-current='page']")).hasText("Ops room");
        }
    }
}
