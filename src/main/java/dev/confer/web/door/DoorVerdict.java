package dev.confer.web.door;

import dev.confer.access.TapAnswer;
import dev.confer.access.TapResult;
import org.jspecify.annotations.Nullable;

/**
 * The answer at a door or booth, in colour and words. A tap sent twice (a double submit) shows what its
 * first sending got. {@code result} is a {@link TapResult} name, or REJECTED for a code that is not a
 * valid ticket or linked badge ({@code reason} says why). {@code name} and {@code company} say who it was;
 * {@code entry} (FIRST or REENTRY) whether an admission took a seat or was a re-entry.
 */
public record DoorVerdict(String result, String css, @Nullable String reason, @Nullable String name, @Nullable String company,
                          @Nullable String entry) {

    public static DoorVerdict of(TapAnswer answer) {
        TapResult shown = answer.result() == TapResult.DUPLICATE && answer.firstResult() != null
                ? answer.firstResult() : answer.result();
        String entry = answer.entry() == null ? null : answer.entry().name();
        return switch (shown) {
            case ADMITTED -> new DoorVerdict(shown.name(), "ok", null, answer.name(), answer.company(), entry);
            case FULL -> new DoorVerdict(shown.name(), "no", null, answer.name(), answer.company(), null);
            case NOT_CHECKED_IN, DUPLICATE -> new DoorVerdict(shown.name(), "warn", null, answer.name(), answer.company(), null);
        };
    }

    /** Outside the session's door window (NOT_NOW): nobody was admitted; {@code reason} says when the door opens. */
    public static DoorVerdict notNow(String reason) {
        return new DoorVerdict("NOT_NOW", "no", reason, null, null, null);
    }

    public static DoorVerdict refused(String reason) {
        return new DoorVerdict("REJECTED", "no", reason, null, null, null);
    }

    /** A QR ticket has dots ({@code CNF1.slug.id.signature}); an NFC chip UID is hex digits. */
    public static dev.confer.access.TapRequest.Credential credential(String scanned) {
        String text = scanned.strip();
        return text.contains(".") ? new dev.confer.access.TapRequest.Credential(text, null)
                : new dev.confer.access.TapRequest.Credential(null, text);
    }
}
