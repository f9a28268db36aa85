package dev.confer.demo;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Once Confer accepts requests, tells whoever started it where to go, in English and Korean: the
 * address, the API, its description, the development mailbox, the demo event and the organizer token.
 */
@Component
class WelcomeBanner {

    private static final Logger log = LoggerFactory.getLogger(WelcomeBanner.class);
    private static final String RULE = "=".repeat(78);

    private final MessageSource messages;
    private final EventCatalog catalog;

    WelcomeBanner(MessageSource messages, EventCatalog catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    @EventListener
    void on(ApplicationReadyEvent ready) {
        log.info("\n{}", text(ready.getApplicationContext().getEnvironment()));
    }

    String text(Environment environment) {
        String base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String tokenAt = StringUtils.hasText(environment.getProperty("confer.admin-token"))
                ? "CONFER_ADMIN_TOKEN"
                : Path.of(environment.getProperty("confer.data-dir", "./data")).resolve("admin-token").toAbsolutePath().normalize().toString();
        Optional<EventSchedule> demo = catalog.find(DemoDefinition.SLUG);
        List<String> lines = new ArrayList<>();
        lines.add(RULE);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            lines.add(" " + message("demo.banner.ready", locale));
            lines.add("   " + message("demo.banner.open", locale, base + "/"));
            lines.add("   " + message("demo.banner.api", locale, base + "/api/v1"));
            lines.add("   " + message("demo.banner.api-docs", locale, base + "/v3/api-docs"));
            lines.add("   " + message("demo.banner.mail", locale, base + "/dev/mail"));
            demo.ifPresent(event -> lines.add("   " + message("demo.banner.demo-event", locale,
                    base + "/e/" + event.slug(), event.name().in(locale),
                    event.days().getFirst().date(), event.days().getLast().date())));
            lines.add("   " + message("demo.banner.sign-in", locale, base + "/login"));
            lines.add("   " + message("demo.banner.token", locale, tokenAt));
            lines.add(locale == Locale.ENGLISH ? " " + "-".repeat(77) : RULE);
        }
        return String.join("\n", lines);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
