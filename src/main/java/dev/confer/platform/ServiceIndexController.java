package dev.confer.platform;

import dev.confer.events.EventCatalog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** What a person (or a client) finds at the root: where the API, its description and the events are. */
@RestController
class ServiceIndexController {

    private final EventCatalog events;

    ServiceIndexController(EventCatalog events) {
        this.events = events;
    }

    record ServiceIndex(String name, Map<String, String> description, String openApi, String health,
                        List<String> events) {
    }

    /** Scripts get this; a browser asking for HTML gets the list of events instead. */
    @GetMapping(value = "/", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ServiceIndex index() {
        List<String> eventLinks = events.slugs().stream().map(slug -> "/api/v1/events/" + slug).toList();
        return new ServiceIndex("Confer",
                Map.of("en", "Runs a tech conference end to end: registration, tickets, desk, doors, booths, statistics.",
                        "ko", "기술 컨퍼런스의 등록, 티켓, 등록 데스크, 출입, 부스, 통계를 처음부터 끝까지 운영합니다."),
                "/v3/api-docs", "/actuator/health", eventLinks);
    }
}
