package dev.confer.web.door;

import dev.confer.access.DoorCounts;
import dev.confer.access.DoorTaps;
import dev.confer.access.TapAnswer;
import dev.confer.access.TapRequest;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** One scan at a door page, through {@link DoorTaps} as the door API takes it, turned into the verdict to show. */
@Component
class DoorScans {

    private final DoorTaps taps;
    private final MessageSource messages;

    DoorScans(DoorTaps taps, MessageSource messages) {
        this.taps = taps;
        this.messages = messages;
    }

    /** The verdict, and the seats as the tap left them (null when the tap did not read them). */
    record Outcome(DoorVerdict verdict, DoorCounts.@Nullable Seats seats) {
    }

    Outcome scan(EventSchedule event, Caller caller, String point, @Nullable String tapId, @Nullable String scan, Locale locale) {
        String text = scan == null ? "" : scan.strip();
        if (text.isEmpty()) {
            return new Outcome(DoorVerdict.refused(messages.getMessage("door.scan-required", null, locale)), null);
        }
        try {
            TapAnswer answer = taps.tap(event, caller, new TapRequest(tapId, null, point, DoorVerdict.credential(text)));
            DoorCounts.Seats seats = answer.admitted() != null && answer.capacity() != null
                    ? new DoorCounts.Seats(answer.admitted(), answer.capacity()) : null;
            return new Outcome(DoorVerdict.of(answer), seats);
        } catch (Rejection r) {
            String reason = messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale);
            return new Outcome("NOT_NOW".equals(r.properties().get("result")) ? DoorVerdict.notNow(reason) : DoorVerdict.refused(reason), null);
        }
    }
}
