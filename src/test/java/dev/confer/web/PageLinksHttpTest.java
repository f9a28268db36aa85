package dev.confer.web;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links in pages are written as the templates have them (no rewriting through the resource chain, which
 * cost a class path search per link: platform.StaticLinks), and the scripts and styles they name load.
 */
class PageLinksHttpTest extends ApiTest {

    private static final Pattern ASSET = Pattern.compile("(?:<script[^>]* src|<link[^>]* href)=\"(/(?:webjars|js|css)/[^\"]+)\"");

    @Test
    void pagesLinkTheirScriptsAsWrittenAndEveryOneLoads() {
        String slug = defineEvent(uniqueSlug("links"), eventDefinition(10, 0, 10, 10, 0, 10));
        Response page = call("GET", "/e/" + slug + "/agenda", null, null, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);

        Matcher m = ASSET.matcher(page.text());
        List<String> assets = m.results().map(r -> r.group(1)).toList();
        assertThat(assets).contains("/webjars/htmx.org/dist/htmx.min.js", "/js/confer.js", "/css/confer.css");
        for (String asset : assets) {
            Response r = call("GET", asset, null, null, Map.of());
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.contentType()).as(asset).containsAnyOf("javascript", "text/css");
            assertThat(r.raw().length).as(asset).isGreaterThan(100);
        }
    }
}
