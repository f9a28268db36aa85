package dev.confer.notifications;

import org.springframework.context.MessageSource;

import java.util.Locale;

/** Message bundle look-ups in one language. */
record MailText(MessageSource messages, Locale locale) {

    String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
