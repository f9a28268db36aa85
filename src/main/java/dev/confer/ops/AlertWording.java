package dev.confer.ops;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;

/** An alert in words, in one language, for a mail or a webhook message: the same explanation as the ops page. */
@Component
class AlertWording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;

    AlertWording(MessageSource messages) {
        this.messages = messages;
    }

    record Words(String subject, String text) {
    }

    Words of(BandWatch.Alert alert, EventSchedule event, Language lang, String opsPage) {
        String who = msg(lang, "ops.subject." + alert.signal(), alert.subject());
        String opened = TIME.format(alert.openedAt().atZone(event.zone()));
        String forecast = alert.forecastAt() == null ? "" : TIME.format(alert.forecastAt().atZone(event.zone()));
        String explanation = msg(lang, explainKey(alert.signal(), alert.kind()), who, opened, round(alert.expectedLo()),
                round(alert.expectedHi()), round(alert.observed()), forecast);
        String kind = msg(lang, "ops.kind." + alert.kind().name());
        String eventName = event.name().in(lang);
        String subject = msg(lang, "ops.delivery.subject", eventName, kind, who);
        StringBuilder text = new StringBuilder(msg(lang, "ops.delivery.head", eventName, kind, who)).append("\n\n")
                .append(explanation).append('\n');
        if (alert.closedAt() != null) {
            text.append(msg(lang, "ops.delivery.closed", TIME.format(alert.closedAt().atZone(event.zone())))).append('\n');
        }
        text.append('\n').append(msg(lang, "ops.delivery.page", opsPage)).append('\n')
                .append(msg(lang, "ops.delivery.id", alert.id()));
        return new Words(subject, text.toString());
    }

    /** Signals whose values are not counts a minute (a percentage, minutes, ms, a forecast) have their own wording. */
    private static final java.util.Set<String> OWN_WORDING = java.util.Set.of("fill", "vouchers", "mail", "errors", "latency");

    static String explainKey(String signal, BandWatch.Kind kind) {
        return OWN_WORDING.contains(signal) ? "ops.explain." + signal + "." + kind.name() : "ops.explain." + kind.name();
    }

    private String msg(Language lang, String key, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
