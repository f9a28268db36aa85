package dev.confer.registration;

import org.jspecify.annotations.Nullable;

/**
 * What a person fills in to register. {@code consents} answers the event's privacy notice; absent, nothing is
 * shared with sponsors (and an event with a notice refuses the registration: processing needs consent).
 */
public record NewRegistration(@Nullable String name, @Nullable String email, @Nullable String company,
                              @Nullable String jobTitle, @Nullable String locale, @Nullable Consents consents) {

    public NewRegistration(@Nullable String name, @Nullable String email, @Nullable String company,
                           @Nullable String jobTitle, @Nullable String locale) {
        this(name, email, company, jobTitle, locale, null);
    }
}
