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

    /**
     * Every connection plans each statement for its own values. After five executions the driver
     * prepares a statement on the server, and PostgreSQL then tries a generic plan, which guesses
     * "path LIKE $1 || '%'" at a few rows and loops over every org: a range of days went from 0.6
     * to 2 s. Planning anew costs well under a millisecond. (The same line is the external
     * database's spring.datasource.hikari.connection-init-sql in application.yml.)
     */
    public static final String SESSION_SETTINGS = "SET plan_cache_mode = force_custom_plan";

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
        ds.setConnectionInitSql(SESSION_SETTINGS);
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
