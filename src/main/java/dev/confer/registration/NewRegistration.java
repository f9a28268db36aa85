package dev.confer.registration;

import org.jspecify.annotations.Nullable;

/** What a person fills in to register. */
public record NewRegistration(@Nullable String name, @Nullable String email, @Nullable String company,
                              @Nullable String jobTitle, @Nullable String locale) {
}
