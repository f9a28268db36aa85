package dev.confer.web.desk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out of a desk wipes the roster it keeps for offline use (names, companies, badge serials) from the
 * device, also when the desk is open in a second tab, which holds the database open: that tab lets go of it, so the
 * wipe is not left "blocked" and waiting until someone closes the tab.
 */
class SignOutWipeBrowserTest extends StaffPagesTest {

    @Test
    void signingOutWipesTheRosterWhileAnotherTabHasTheDeskOpen() {
        String slug = defineEvent(uniqueSlug("wipe"), todayDefinition(50, 10, 2, 5, 50));
        register(slug, "김민준", "wipe-minjun@example.com");
        String desk = staffToken(slug, "DESK", null);
        String database = "confer-floor-" + slug + "-desk";
        LocatorAssertions.HasAttributeOptions generous = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
        try (BrowserContext laptop = laptop("en-US")) {
            Page first = open(laptop, "/desk/" + slug);
            signIn(first, desk);
            first.navigate("/desk/" + slug);
            assertThat(first.locator("#floor-offline")).hasAttribute("data-roster", "ready", generous);
            Page second = laptop.newPage();
            second.navigate("/desk/" + slug);
            assertThat(second.locator("#floor-offline")).hasAttribute("data-roster", "ready", generous);
            assertThat(databases(first)).contains(database);

            first.locator("header button[type=submit]").click();
            first.waitForURL("**/login?signedOut", new Page.WaitForURLOptions().setTimeout(30_000));
            assertThat(databases(first)).as("the roster is gone from the device").doesNotContain(database);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> databases(Page page) {
        return (List<String>) page.evaluate("() => indexedDB.databases().then(list => list.map(d => d.name))");
    }
}
