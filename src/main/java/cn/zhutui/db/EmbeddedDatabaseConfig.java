package cn.zhutui.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Starts a PostgreSQL server inside the app when spring.datasource.url is not set, so a fresh
 * checkout runs with no database to install, and keeps it running. Boot's own DataSource
 * configuration backs off because a DataSource bean exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
public class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(EmbeddedDatabaseProperties props) throws IOException {
        return new EmbeddedServer(props);
    }

    /**
     * Requests fail fast (3 s) while the server is down, with a clear answer, instead of hanging;
     * connections are checked before use, so the pool refills by itself once it is back.
     */
    @Bean
    DataSource dataSource(EmbeddedServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl() + "&reWriteBatchedInserts=true&connectTimeout=3");
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setConnectionTimeout(3000);
        ds.setValidationTimeout(1000);
        ds.setInitializationFailTimeout(60_000);
        ds.setPoolName("zhutui-embedded");
        return ds;
    }

    @Bean
    Supervisor embeddedDatabaseSupervisor(EmbeddedServer server) {
        return new Supervisor(server);
    }

    /** Looks at the server every few seconds and starts it again when its process has died. */
    static class Supervisor {
        private final EmbeddedServer server;

        Supervisor(EmbeddedServer server) {
            this.server = server;
        }

        @Scheduled(fixedDelayString = "${zhutui.db.supervise-every:3s}", initialDelayString = "${zhutui.db.supervise-every:3s}")
        void supervise() {
            server.restartIfDead();
        }
    }
}
