package dev.confer.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;

/** The languages Confer speaks to people. Everything a person reads exists in both. */
public enum Language {
    KO("ko"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as in {@code Accept-Language}, message bundles and the API. */
    @JsonValue
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.of(code);
    }

    /** Korean for a Korean locale, English for every other (English is the fallback everywhere). */
    public static Language of(@Nullable Locale locale) {
        return locale != null && "ko".equals(locale.getLanguage()) ? KO : EN;
    }

    /** The language with this code ({@code ko} or {@code en}, any case), if Confer speaks it. */
    public static Optional<Language> parse(@Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "ko" -> Optional.of(KO);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    @JsonCreator
    static Language fromJson(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("Not a language Confer speaks: " + code));
    }

    @Override
    public String toString() {
        return code;
    }
}
