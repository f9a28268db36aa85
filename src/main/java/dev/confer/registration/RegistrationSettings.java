package dev.confer.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The registration module's settings ({@code confer.registration.*}).
 *
 * @param verifyHold      how long a PENDING registration (registration.verifyEmail) holds its place unverified
 * @param holdSweepEvery  how often expired holds are looked for and their places returned
 */
@ConfigurationProperties("confer.registration")
record RegistrationSettings(@DefaultValue("30m") Duration verifyHold, @DefaultValue("20s") Duration holdSweepEvery) {
}
