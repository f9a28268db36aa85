package dev.confer.events;

import dev.confer.shared.Rejection.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Holds a definition against the published JSON Schema ({@value #RESOURCE}), so the schema people read is the one
 * that is enforced. It checks the structure only (known keys, JSON types, through {@code $ref} and {@code oneOf}
 * chosen by type); values and rules across fields are {@link DefinitionValidator}'s. Every problem is collected,
 * and the offending parts are taken out of a copy so the validator can still report everything else.
 */
final class DefinitionShape {

    static final String RESOURCE = "events/event-definition.schema.json";

    private final JsonNode schema;

    private DefinitionShape(JsonNode schema) {
        this.schema = schema;
    }

    static DefinitionShape load(JsonMapper json) {
        try (InputStream in = DefinitionShape.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new DefinitionShape(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode schema() {
        return schema;
    }

    /** The document without what the schema does not allow, and a problem for each such part. */
    record Checked(JsonNode cleaned, List<FieldProblem> problems) {
    }

    Checked check(JsonNode document) {
        JsonNode copy = document.deepCopy();
        List<FieldProblem> problems = new ArrayList<>();
        if (!fits(copy, schema, "", problems)) {
            return new Checked(NullNode.getInstance(), problems);
        }
        return new Checked(copy, problems);
    }

    /** False when the value has the wrong JSON type (the caller drops it); unknown keys inside are removed here. */
    private boolean fits(JsonNode value, JsonNode rule, String at, List<FieldProblem> problems) {
        rule = resolve(rule);
        if (rule.has("oneOf")) {
            for (JsonNode branch : rule.get("oneOf")) {
                if (typeAllows(resolve(branch), value)) {
                    return fits(value, branch, at, problems);
                }
            }
            problems.add(new FieldProblem(at, "definition.wrong-type", expected(rule)));
            return false;
        }
        if (value.isNull()) {
            return true; // whether it may be left out is the validator's to say, with a better message
        }
        if (!typeAllows(rule, value)) {
            problems.add(new FieldProblem(at, "definition.wrong-type", expected(rule)));
            return false;
        }
        if (value instanceof ObjectNode object) {
            JsonNode properties = rule.path("properties");
            boolean closed = rule.path("additionalProperties").isBoolean() && !rule.get("additionalProperties").asBoolean();
            for (String key : List.copyOf(object.propertyNames())) {
                String keyAt = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (properties.has(key)) {
                    if (!fits(object.get(key), properties.get(key), keyAt, problems)) {
                        object.remove(key);
                    }
                } else if (closed) {
                    problems.add(new FieldProblem(keyAt, "definition.unknown-key", key,
                            String.join(", ", new TreeSet<>(properties.propertyNames()))));
                    object.remove(key);
                }
            }
        } else if (value instanceof ArrayNode array && rule.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                if (!fits(array.get(i), rule.get("items"), at + "/" + i, problems)) {
                    array.set(i, NullNode.getInstance());
                }
            }
        }
        return true;
    }

    private JsonNode resolve(JsonNode rule) {
        while (rule.has("$ref")) {
            String ref = rule.get("$ref").asString();
            rule = schema.at(ref.substring(1));
        }
        return rule;
    }

    private static boolean typeAllows(JsonNode rule, JsonNode value) {
        JsonNode type = rule.get("type");
        if (type == null) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (is(t.asString(), value)) {
                    return true;
                }
            }
            return false;
        }
        return is(type.asString(), value);
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber() && value.canConvertToInt();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private String expected(JsonNode rule) {
        TreeSet<String> types = new TreeSet<>();
        collectTypes(rule, types);
        types.remove("null");
        return String.join(" / ", types);
    }

    private void collectTypes(JsonNode rule, TreeSet<String> into) {
        rule = resolve(rule);
        if (rule.has("oneOf")) {
            rule.get("oneOf").forEach(b -> collectTypes(b, into));
        }
        JsonNode type = rule.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> into.add(t.asString()));
        } else if (type != null) {
            into.add(type.asString());
        }
    }
}
