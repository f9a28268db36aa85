package dev.confer.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The organizer's token: {@code CONFER_ADMIN_TOKEN} when set, otherwise generated on first start,
 * kept in the data directory and printed once.
 */
@Component
class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private final byte[] token;

    AdminToken(PlatformSettings settings) {
        this.token = resolve(settings).getBytes(StandardCharsets.UTF_8);
    }

    boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String resolve(PlatformSettings settings) {
        if (settings.adminToken() != null && !settings.adminToken().isBlank()) {
            return settings.adminToken().strip();
        }
        Path file = Path.of(settings.dataDirOrDefault()).resolve("admin-token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = "org_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            log.warn("""

                    ==================================================================
                     Organizer token (shown once; kept in {}):
                       {}
                     Use it as: Authorization: Bearer <token>
                     주최자 토큰입니다. 한 번만 표시됩니다.
                    ==================================================================""", file.toAbsolutePath(), generated);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the organizer token in " + file, e);
        }
    }
}
