package dev.confer.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code CONFER_DATA_DIR}, {@code CONFER_ADMIN_TOKEN} and {@code CONFER_METRICS_TOKEN} (may only scrape metrics). */
@ConfigurationProperties("confer")
record PlatformSettings(@Nullable String dataDir, @Nullable String adminToken, @Nullable String metricsToken) {

    String dataDirOrDefault() {
        return dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
    }
}
