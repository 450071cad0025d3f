package cn.zhutui.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the app runs itself when no external database is configured. It keeps its
 * port for its whole life, so the connection pool reconnects on its own after a restart: when the
 * server process dies (killed, crashed), {@link #restartIfDead()} starts it again on the same data
 * directory — PostgreSQL replays its log, nothing committed is lost.
 */
public class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedDatabaseProperties props;
    private final Path dir;
    private volatile EmbeddedPostgres pg;
    private volatile int port;
    private volatile boolean closed;

    EmbeddedServer(EmbeddedDatabaseProperties props) throws IOException {
        this.props = props;
        this.dir = Path.of(props.dir()).toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        if (!props.clean()) {
            stopOrphanedServer(dir);
        }
        this.pg = start(props.clean(), props.port());
        this.port = pg.getPort();
        log.info("Embedded PostgreSQL started on port {} with data in {}", port, dir);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    public Path dataDirectory() {
        return dir;
    }

    /** The server process: its pid from postmaster.pid, if that process lives. */
    public Optional<ProcessHandle> process() {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean alive() {
        return process().isPresent();
    }

    /** Starts the server again on its data directory and port if its process has died; true if it did. */
    public synchronized boolean restartIfDead() {
        if (closed || alive()) {
            return false;
        }
        log.error("Embedded PostgreSQL (port {}) is not running; starting it again on {}", port, dir);
        EmbeddedPostgres old = pg;
        try {
            old.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the dead server: {}", e.toString());
        }
        stopOrphanedServer(dir);
        for (int attempt = 1; ; attempt++) {
            try {
                pg = start(false, port);
                log.warn("Embedded PostgreSQL running again on port {}", port);
                return true;
            } catch (IOException | RuntimeException e) {
                // the dead server's children may still hold its shared memory for a moment
                if (attempt >= 10) {
                    log.error("Embedded PostgreSQL could not be started again: {}", e.toString());
                    return false;
                }
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private EmbeddedPostgres start(boolean clean, int onPort) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        // zonky's default is synchronous_commit=off, fine for tests but it can lose the last
        // committed transactions of a real database on a crash.
        builder.setServerConfig("synchronous_commit", "on");
        // and zonky turns fsync off: an OS crash or power cut could then corrupt the database.
        builder.setServerConfig("fsync", "on");
        builder.setServerConfig("listen_addresses", "localhost");
        if (onPort > 0) {
            builder.setPort(onPort);
        }
        props.serverConfig().forEach(builder::setServerConfig);
        return builder.start();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        pg.close();
    }

    /**
     * After a kill -9 of the app, its postmaster lives on and holds the lock file; the next start
     * would fail. Stop it if (and only if) it is serving this very data directory; remove a lock
     * file whose process is gone.
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
