package dev.confer.notifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MailSettingsTest {

    private final MailSettings settings = new MailSettings(Duration.ofSeconds(2), 2, Duration.ofSeconds(15), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofHours(1), 20, "https://confer.example/", "Confer <no-reply@confer.local>");

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        assertThat(settings.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.retryDelayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.retryDelayAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(settings.retryDelayAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retryDelayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aHeartbeatThatWouldLetTheLeaseLapseIsReplacedByAThirdOfTheLease() {
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(5));
        MailSettings tooSlow = new MailSettings(Duration.ofSeconds(2), 2, Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofHours(1), 20, "https://confer.example/", "Confer <no-reply@confer.local>");
        assertThat(tooSlow.heartbeat()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void publicUrlLosesItsTrailingSlash() {
        assertThat(settings.publicUrl()).isEqualTo("https://confer.example");
    }
}
