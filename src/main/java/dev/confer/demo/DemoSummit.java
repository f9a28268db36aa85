package dev.confer.demo;

import dev.confer.events.EventCatalog;
import dev.confer.shared.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * Loads the demo summit "Cloud Summit Seoul" when the database holds no event at all, so that a
 * fresh start has something to register for, check in and tap. An existing database is never
 * touched: once any event exists, nothing is loaded again (not even after the demo is deleted).
 */
@Component
class DemoSummit implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSummit.class);

    private final DemoSettings settings;
    private final EventCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;

    DemoSummit(DemoSettings settings, EventCatalog catalog, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.demo()) {
            loadIntoEmptyDatabase();
        }
    }

    /** True when the demo was loaded now; false when the database already held an event. */
    boolean loadIntoEmptyDatabase() {
        if (!catalog.slugs().isEmpty()) {
            return false;
        }
        JsonNode template = DemoDefinition.read(json);
        // today where the summit takes place, so the doors are open for check-ins right away
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(DemoDefinition.timezone(template))));
        try {
            catalog.define(DemoDefinition.SLUG, DemoDefinition.startingOn(template, today));
        } catch (Rejection rejected) {
            // a broken resource is a bug in this build: say exactly what is wrong instead of starting without it
            throw new IllegalStateException(DemoDefinition.RESOURCE + " is not a valid event definition: "
                    + rejected.problems().stream().map(p -> p.pointer() + " " + p.messageKey())
                    .collect(Collectors.joining(", ")), rejected);
        }
        log.info("Loaded the demo event '{}' ({} and {}); set CONFER_DEMO=false to start without it",
                DemoDefinition.SLUG, today, today.plusDays(1));
        return true;
    }
}
