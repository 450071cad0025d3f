package cn.zhutui.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the app when spring.datasource.url is not set, so a fresh
 * checkout runs with no database to install. Boot's own DataSource configuration backs off
 * because a DataSource bean exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties props) throws IOException {
        Path dir = Path.of(props.dir()).toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        if (!props.clean()) {
            stopOrphanedServer(dir);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(props.clean())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        // zonky's default is synchronous_commit=off, fine for tests but it can lose the last
        // committed transactions of a real database on a crash.
        builder.setServerConfig("synchronous_commit", "on");
        builder.setServerConfig("listen_addresses", "localhost");
        if (props.port() > 0) {
            builder.setPort(props.port());
        }
        props.serverConfig().forEach(builder::setServerConfig);
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("zhutui-embedded");
        return ds;
    }

    /**
     * After a kill -9 of the app, its postmaster lives on and holds the lock file; the next start
     * would fail. Stop it if (and only if) it is serving this very data directory.
     */
    static void stopOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            boolean ours = handle.isPresent() && handle.get().info().commandLine()
                    .map(cmd -> cmd.contains(dataDir.toString())).orElse(false);
            if (ours) {
                log.warn("Stopping an orphaned PostgreSQL (pid {}) left on {}", pid, dataDir);
                handle.get().destroy();
                handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (handle.isEmpty() || !handle.get().isAlive()) {
                Files.deleteIfExists(pidFile);
            }
        } catch (Exception e) {
            log.warn("Could not check {}: {}", pidFile, e.toString());
        }
    }
}
