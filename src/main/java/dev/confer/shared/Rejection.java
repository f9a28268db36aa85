package dev.confer.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that Confer refuses, with an HTTP status and a message key whose text (Korean and
 * English bundles) tells the person what to do. Nothing has been changed when one is thrown.
 */
public class Rejection extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final Object[] args;
    private final List<FieldProblem> problems;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public Rejection(int status, String messageKey, Object... args) {
        this(status, messageKey, List.of(), args);
    }

    public Rejection(int status, String messageKey, List<FieldProblem> problems, Object... args) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.problems = List.copyOf(problems);
    }

    public static Rejection badRequest(String key, Object... args) {
        return new Rejection(400, key, args);
    }

    public static Rejection notFound(String key, Object... args) {
        return new Rejection(404, key, args);
    }

    public static Rejection conflict(String key, Object... args) {
        return new Rejection(409, key, args);
    }

    public static Rejection unprocessable(String key, Object... args) {
        return new Rejection(422, key, args);
    }

    public static Rejection forbidden(String key, Object... args) {
        return new Rejection(403, key, args);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * Adds a machine-readable fact to the answer (an extra member of the problem+json, e.g. how many places
     * are left), so a client need not parse {@code detail}. Returns this rejection.
     */
    public Rejection withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The extra problem members, in the order they were added. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** One thing wrong with a request body, located by its JSON pointer. */
    public record FieldProblem(String pointer, String messageKey, Object... args) {
    }
}
