package dev.confer.web;

import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links to scripts and styles carry their content's hash (and WebJars their version), every one loads, and a
 * versioned file is cached for a year, immutable; an unversioned address is checked again each time. Public
 * pages keep out of {@code no-store} (so the back/forward cache can keep them); staff pages do not.
 */
class PageLinksHttpTest extends ApiTest {

    private static final Pattern ASSET = Pattern.compile("(?:<script[^>]* src|<link[^>]* href)=\"(/(?:webjars|js|css)/[^\"]+)\"");
    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Test
    void pagesLinkVersionedScriptsAndStylesCachedForAYear() {
        String slug = defineEvent(uniqueSlug("links"), eventDefinition(10, 0, 10, 10, 0, 10));
        Response page = call("GET", "/e/" + slug + "/agenda", null, null, HTML);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).containsPattern("<meta name=\"description\" content=\"[^\"]{20,}\"");

        Matcher m = ASSET.matcher(page.text());
        List<String> assets = m.results().map(r -> r.group(1)).toList();
        assertThat(assets).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(a -> a.matches("/css/confer-[0-9a-f]{32}\\.css"))
                .anyMatch(a -> a.matches("/js/confer-[0-9a-f]{32}\\.js"))
                .anyMatch(a -> a.matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min(-[0-9a-f]{32})?\\.js"));
        for (String asset : assets) {
            Response r = call("GET", asset, null, null, Map.of());
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.contentType()).as(asset).containsAnyOf("javascript", "text/css");
            assertThat(r.raw().length).as(asset).isGreaterThan(100);
            assertThat(r.headers().firstValue("Cache-Control")).as(asset).hasValue("max-age=31536000, public, immutable");
        }
        Response unversioned = call("GET", "/css/confer.css", null, null, Map.of());
        assertThat(unversioned.status()).isEqualTo(200);
        assertThat(unversioned.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void publicPagesMayBeKeptByTheBackForwardCacheStaffPagesMayNot() {
        String slug = defineEvent(uniqueSlug("bfcache"), eventDefinition(10, 0, 10, 10, 0, 10));
        for (String path : List.of("/", "/e/" + slug, "/e/" + slug + "/agenda", "/e/" + slug + "/register")) {
            Response r = call("GET", path, null, null, HTML);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.headers().allValues("Cache-Control")).as(path).containsExactly("no-cache");
        }
        Response login = call("GET", "/login", null, null, HTML);
        assertThat(login.headers().allValues("Cache-Control")).anyMatch(v -> v.contains("no-store"));
        Response desk = call("GET", "/desk/" + slug, ADMIN, null, HTML);
        assertThat(desk.status()).isEqualTo(200);
        assertThat(desk.headers().allValues("Cache-Control")).anyMatch(v -> v.contains("no-store"));
    }
}
