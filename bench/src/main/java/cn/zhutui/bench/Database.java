package cn.zhutui.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The app's database, reached directly for the floors (the same figures in one SQL statement). */
@State(Scope.Benchmark)
public class Database {

    @Param("jdbc:postgresql://localhost:55432/postgres?user=postgres")
    public String db;

    Db sql;

    @Setup
    public void connect() {
        sql = new Db(db);
    }

    /** An org's path and depth (1 for the root), for the floors' parameters. */
    Object[] org(long id) {
        String path = (String) sql.value("SELECT path FROM org WHERE id = ?", id);
        return new Object[] {path, (int) path.chars().filter(c -> c == '/').count() - 1};
    }

    @TearDown
    public void close() throws Exception {
        sql.close();
    }
}
