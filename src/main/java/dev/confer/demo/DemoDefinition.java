package dev.confer.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The demo summit as kept in {@value #RESOURCE}. Its dates are written as day offsets ({@code "+0"},
 * {@code "+1"}) so that the summit can start on the day it is first loaded and staff can try
 * check-ins at once. It is defined from its JSON, so it is held to the same strict schema as any definition.
 */
final class DemoDefinition {

    static final String SLUG = "demo";
    static final String RESOURCE = "demo/cloud-summit-seoul.json";

    private DemoDefinition() {
    }

    /** The definition as written in the resource, dates still as offsets. */
    static JsonNode read(JsonMapper json) {
        try (InputStream in = DemoDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String timezone(JsonNode template) {
        return template.path("timezone").asString();
    }

    /** A copy with every day offset (in days, sessions and the registration window) turned into a date from {@code firstDay}. */
    static JsonNode startingOn(JsonNode template, LocalDate firstDay) {
        JsonNode copy = template.deepCopy();
        for (JsonNode day : copy.path("days")) {
            ((ObjectNode) day).put("date", date(firstDay, day.path("date").asString()));
        }
        for (JsonNode session : copy.path("sessions")) {
            ((ObjectNode) session).put("day", date(firstDay, session.path("day").asString()));
        }
        if (copy.path("registration") instanceof ObjectNode window) {
            for (String key : new String[]{"opensAt", "closesAt"}) {
                if (window.path(key).isString()) {
                    // "-30T09:00": 30 days before the first day, at 09:00
                    String[] parts = window.get(key).asString().split("T", 2);
                    window.put(key, firstDay.plusDays(Long.parseLong(parts[0])) + "T" + parts[1]);
                }
            }
        }
        return copy;
    }

    private static String date(LocalDate firstDay, String offset) {
        if (!offset.matches("\\+\\d+")) {
            throw new IllegalStateException(RESOURCE + ": day '" + offset + "' is not an offset such as +0 or +1");
        }
        return firstDay.plusDays(Long.parseLong(offset.substring(1))).toString();
    }
}
