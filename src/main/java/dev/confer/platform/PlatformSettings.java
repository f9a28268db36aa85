package dev.confer.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code CONFER_DATA_DIR} and {@code CONFER_ADMIN_TOKEN}. */
@ConfigurationProperties("confer")
record PlatformSettings(@Nullable String dataDir, @Nullable String adminToken) {

    String dataDirOrDefault() {
        return dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
    }
}
