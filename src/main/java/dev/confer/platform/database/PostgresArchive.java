package dev.confer.platform.database;

import java.util.Locale;

/**
 * Which PostgreSQL archive (from the io.zonky.test.postgres binaries on Maven Central) runs on this machine.
 * The build puts only the running platform's archive into the jar (a Maven profile per platform, see
 * pom.xml); this picks its name at run time, so a jar built for one platform says clearly what is
 * missing on another.
 */
final class PostgresArchive {

    private PostgresArchive() {
    }

    /** The archive's resource name, e.g. {@code postgres-linux-x86_64.txz}. */
    static String forPlatform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system;
        if (os.startsWith("linux")) {
            system = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            system = "darwin";
        } else {
            throw new IllegalStateException("The embedded PostgreSQL runs on Linux and macOS, not on " + osName
                    + "; set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to use an external PostgreSQL.");
        }
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> throw new IllegalStateException("The embedded PostgreSQL runs on x86-64 and arm64, not on " + osArch
                    + "; set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to use an external PostgreSQL.");
        };
        return "postgres-" + system + "-" + arch + ".txz";
    }

    /** The archive for the machine this JVM runs on. */
    static String forThisMachine() {
        return forPlatform(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The Maven profile that bundles the archive, for the error message when it is not in the jar. */
    static String profileFor(String archive) {
        return switch (archive) {
            case "postgres-linux-x86_64.txz" -> "postgres-linux-amd64";
            case "postgres-linux-arm_64.txz" -> "postgres-linux-arm64";
            case "postgres-darwin-x86_64.txz" -> "postgres-macos-amd64";
            case "postgres-darwin-arm_64.txz" -> "postgres-macos-arm64";
            default -> "?";
        };
    }
}
