package dev.confer.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL archive chosen for each platform the README promises, as the JVM names them. */
class PostgresArchiveTest {

    @Test
    void eachSupportedPlatformGetsItsArchive() {
        assertThat(PostgresArchive.forPlatform("Linux", "amd64")).isEqualTo("postgres-linux-x86_64.txz");
        assertThat(PostgresArchive.forPlatform("Linux", "aarch64")).isEqualTo("postgres-linux-arm_64.txz");
        assertThat(PostgresArchive.forPlatform("Mac OS X", "aarch64")).isEqualTo("postgres-darwin-arm_64.txz");
        assertThat(PostgresArchive.forPlatform("Mac OS X", "x86_64")).isEqualTo("postgres-darwin-x86_64.txz");
    }

    @Test
    void eachArchiveNamesTheProfileThatBundlesIt() {
        assertThat(PostgresArchive.profileFor("postgres-linux-x86_64.txz")).isEqualTo("postgres-linux-amd64");
        assertThat(PostgresArchive.profileFor("postgres-linux-arm_64.txz")).isEqualTo("postgres-linux-arm64");
        assertThat(PostgresArchive.profileFor("postgres-darwin-arm_64.txz")).isEqualTo("postgres-macos-arm64");
        assertThat(PostgresArchive.profileFor("postgres-darwin-x86_64.txz")).isEqualTo("postgres-macos-amd64");
    }

    @Test
    void anUnsupportedPlatformIsToldToUseAnExternalPostgres() {
        assertThatThrownBy(() -> PostgresArchive.forPlatform("Windows 11", "amd64"))
                .hasMessageContaining("SPRING_DATASOURCE_URL");
        assertThatThrownBy(() -> PostgresArchive.forPlatform("Linux", "riscv64"))
                .hasMessageContaining("riscv64").hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void thisBuildCarriesThisMachinesArchiveOnly() {
        String here = PostgresArchive.forThisMachine();
        assertThat(getClass().getClassLoader().getResource(here)).as(here).isNotNull();
        for (String other : new String[] {"postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
                "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz", "postgres-windows-x86_64.txz",
                "postgres-linux-x86_64-alpine_linux.txz"}) {
            if (!other.equals(here)) {
                assertThat(getClass().getClassLoader().getResource(other)).as(other).isNull();
            }
        }
    }
}
