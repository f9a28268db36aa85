package dev.confer.access;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a tap happened: a session door ({@code session:S101}), a sponsor booth ({@code booth:B01}) or an experience or
 * demo zone ({@code zone:VR}).
 */
record TapPoint(Kind kind, String code) {

    enum Kind { SESSION, BOOTH, ZONE }

    private static final Pattern SYNTAX = Pattern.compile("(session|booth|zone):(\\S{1,64})");

    /** Parses a point and checks that the event has it: 400 for bad syntax, 404 for an unknown code. */
    static TapPoint parse(@Nullable String text, EventSchedule event) {
        if (text == null || text.isBlank()) {
            throw Rejection.badRequest("access.point-required");
        }
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw Rejection.badRequest("access.bad-point", text);
        }
        String code = m.group(2);
        if (m.group(1).equals("session")) {
            if (event.session(code).isEmpty()) {
                throw Rejection.notFound("access.unknown-session", code);
            }
            return new TapPoint(Kind.SESSION, code);
        }
        if (m.group(1).equals("zone")) {
            if (event.zone(code).isEmpty()) {
                throw Rejection.notFound("access.unknown-zone", code);
            }
            return new TapPoint(Kind.ZONE, code);
        }
        if (event.booth(code).isEmpty()) {
            throw Rejection.notFound("access.unknown-booth", code);
        }
        return new TapPoint(Kind.BOOTH, code);
    }

    boolean isSession() {
        return kind == Kind.SESSION;
    }

    /** As stored in the tap table. */
    String text() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + code;
    }
}
