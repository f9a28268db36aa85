package dev.confer.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.confer.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When every database connection is taken (a rush larger than the pool), a request that waited the pool's whole
 * timeout is answered 503 with Retry-After and a detail, not 500, and nothing was written: the same request later
 * succeeds. The pool's wait is shortened to a second for the test (Hikari takes that while running).
 */
class NoConnectionTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aRequestThatGetsNoConnectionIsAnswered503AndMayComeAgain() throws Exception {
        String slug = defineEvent(uniqueSlug("pool"), eventDefinition(10, 0, 10, 2, 1, 100));
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long timeout = pool.getHikariConfigMXBean().getConnectionTimeout();
        List<Connection> taken = new ArrayList<>();
        Response refused;
        try {
            pool.getHikariConfigMXBean().setConnectionTimeout(1000);
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                taken.add(pool.getConnection());
            }
            refused = call("POST", "/api/v1/events/" + slug + "/registrations", null,
                    Map.of("name", "Alice", "email", "alice@example.com", "company", "Hanbit", "jobTitle", "Engineer",
                            "locale", "ko", "consents", Map.of("processing", true, "sponsorSharing", true)),
                    Map.of("Accept-Language", "ko"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("아무것도 바뀌지 않았");

        // nothing of the refused request was kept: the same person registers now, once
        assertThat(register(slug, "Alice", "alice@example.com").get("status").asString()).isEqualTo("CONFIRMED");
    }
}
