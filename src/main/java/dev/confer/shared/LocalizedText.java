package dev.confer.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import java.util.Locale;

/** Text a person reads, in Korean and English. A plain string stands for both languages. */
public record LocalizedText(String ko, String en) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public LocalizedText(@JsonProperty("ko") @Nullable String ko, @JsonProperty("en") @Nullable String en) {
        String k = ko == null || ko.isBlank() ? en : ko;
        String e = en == null || en.isBlank() ? ko : en;
        this.ko = k == null ? "" : k.strip();
        this.en = e == null ? "" : e.strip();
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LocalizedText of(String both) {
        return new LocalizedText(both, both);
    }

    public String in(Language language) {
        return language == Language.KO ? ko : en;
    }

    public String in(@Nullable Locale locale) {
        return in(Language.of(locale));
    }

    @JsonIgnore
    public boolean isBlank() {
        return ko.isBlank() && en.isBlank();
    }
}
