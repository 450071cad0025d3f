package cn.zhutui.db;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir          where the embedded cluster keeps its files; kept across restarts
 * @param clean        wipe the directory on start (tests only)
 * @param port         0 picks a free port
 * @param serverConfig extra postgresql.conf settings, e.g. shared_buffers for the benchmark
 */
@ConfigurationProperties("zhutui.db")
public record EmbeddedDatabaseProperties(String dir, boolean clean, int port, Map<String, String> serverConfig) {

    public EmbeddedDatabaseProperties {
        if (dir == null || dir.isBlank()) {
            dir = "./data/pg";
        }
        serverConfig = serverConfig == null ? new LinkedHashMap<>() : serverConfig;
    }
}
