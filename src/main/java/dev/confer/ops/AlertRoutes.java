package dev.confer.ops;

import dev.confer.shared.Language;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where an event's alerts go: organizer addresses, a webhook and the language. An event's own route (set by the
 * organizer, table {@code ops_alert_route}) replaces the defaults from {@link AlertSettings}. Kept out of the event
 * definition on purpose: the definition is public, and a webhook URL is a secret.
 */
@Repository
class AlertRoutes {

    static final int MAX_ADDRESSES = 10;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]{1,64}@[^\\s@<>,;\"]{1,190}\\.[^\\s@<>,;\"]{2,63}");

    /** One event's route; {@code webhook} null when none. */
    record Route(List<String> mailTo, @Nullable String webhook, Language language, boolean own) {
    }

    private final JdbcClient jdbc;
    private final AlertSettings settings;

    AlertRoutes(JdbcClient jdbc, AlertSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Route of(long eventId) {
        return jdbc.sql("SELECT mail_to, webhook, language FROM ops_alert_route WHERE event_id = ?").param(eventId)
                .query((rs, n) -> new Route(Arrays.asList((String[]) rs.getArray(1).getArray()), rs.getString(2),
                        Language.parse(rs.getString(3)).orElse(Language.KO), true))
                .optional()
                .orElseGet(() -> new Route(settings.mailTo().stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                        blankToNull(settings.webhook()), Language.parse(settings.language()).orElse(Language.KO), false));
    }

    /** Checks and stores an event's own route; bad input is a 400 naming the bad part, and changes nothing. */
    Route set(long eventId, @Nullable List<String> mailTo, @Nullable String webhook, @Nullable String language) {
        List<String> addresses = mailTo == null ? List.of() : mailTo.stream().map(a -> a == null ? "" : a.strip()).toList();
        if (addresses.size() > MAX_ADDRESSES) {
            throw Rejection.badRequest("ops.route.too-many", MAX_ADDRESSES);
        }
        for (String address : addresses) {
            if (!ADDRESS.matcher(address).matches()) {
                throw Rejection.badRequest("ops.route.bad-address", address);
            }
        }
        String hook = blankToNull(webhook);
        if (hook != null && !isHttpUrl(hook)) {
            throw Rejection.badRequest("ops.route.bad-webhook");
        }
        Language lang = language == null ? Language.KO
                : Language.parse(language).orElseThrow(() -> Rejection.badRequest("ops.route.bad-language", language));
        jdbc.sql("""
                        INSERT INTO ops_alert_route (event_id, mail_to, webhook, language) VALUES (?, ?, ?, ?)
                        ON CONFLICT (event_id) DO UPDATE SET mail_to = excluded.mail_to, webhook = excluded.webhook,
                               language = excluded.language, changed_at = now()""")
                .params(eventId, addresses.toArray(String[]::new), hook, lang.code()).update();
        return of(eventId);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
