package dev.confer.web;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs axe-core (the WebJar on the test classpath) in a page and describes what it finds so the failure
 * message says what to fix: rule id, impact, help and the failing nodes' selectors. The page's context must
 * bypass the CSP, since the real pages allow no injected script.
 */
final class AxeAudit {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /** WCAG 2.0 and 2.1, A and AA, as the brief asks; plus the best practices behind "landmarks and headings in order". */
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {runOnly: {type: 'tag',
                  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
              window.conferReview = result.incomplete.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' ' + (n.any[0] ? n.any[0].message : '')).join(' | '));
              return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' [' + v.tags.filter(t => t.startsWith('wcag') || t === 'best-practice').join(',') + ']\\n'
                  + v.nodes.map(n => '      at ' + n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join('\\n'));
            }
            """;

    private static final String SOURCE = load();

    private AxeAudit() {
    }

    private static String load() {
        try (InputStream in = AxeAudit.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath (org.webjars.npm:axe-core:4.6.3)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What axe could not decide by itself (e.g. text over a gradient) on the last run, for a person to look at. */
    @SuppressWarnings("unchecked")
    static List<String> needsReview(Page page) {
        return new ArrayList<>((List<String>) page.evaluate("() => window.conferReview || []"));
    }

    /** The violations on the page as it is now, each described on a few lines; empty when there are none. */
    @SuppressWarnings("unchecked")
    static List<String> violations(Page page) {
        page.waitForLoadState();
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(SOURCE));
        }
        return new ArrayList<>((List<String>) page.evaluate(RUN));
    }
}
