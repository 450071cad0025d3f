package cn.zhutui.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's database, for the floors: a page's figures computed by one SQL statement (a file under
 * floors/, with :named parameters), on one connection set as the app sets its own (custom plans),
 * every statement run many more than five times on it as the pages' are.
 */
final class Db implements AutoCloseable {

    private static final Pattern PARAM = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    private final Connection connection;
    private final Map<String, Prepared> statements = new LinkedHashMap<>();

    Db(String url) {
        try {
            connection = DriverManager.getConnection(url);
            try (var s = connection.createStatement()) {
                s.execute("SET plan_cache_mode = force_custom_plan");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database at " + url + ": " + e.getMessage(), e);
        }
    }

    /** Runs a floor and reads every row (what a page would read), returning the row count. */
    long floor(String name, Map<String, Object> params) {
        Prepared p = statements.computeIfAbsent(name, this::prepare);
        try {
            for (int i = 0; i < p.names().size(); i++) {
                p.statement().setObject(i + 1, params.get(p.names().get(i)));
            }
            long rows = 0;
            try (ResultSet rs = p.statement().executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rs.getObject(c);
                    }
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("floor " + name + ": " + e.getMessage(), e);
        }
    }

    /** One value of a one-row query, for the setup. */
    Object value(String sql, Object... params) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, for the setup. */
    java.util.List<Object> values(String sql, Object... params) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            java.util.List<Object> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row, as arrays of its columns, for the setup. */
    java.util.List<Object[]> rows(String sql, Object... params) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            java.util.List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A change made by the setup (the benchmark's own users). */
    int update(String sql, Object... params) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private record Prepared(PreparedStatement statement, List<String> names) {
    }

    private Prepared prepare(String name) {
        String sql;
        try (InputStream in = Db.class.getResourceAsStream("/floors/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("no floor " + name);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // comments out first: the driver skips them, so their ":names" must not count
        sql = sql.replaceAll("(?m)--.*$", "");
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        try {
            return new Prepared(connection.prepareStatement(jdbc.toString()), names);
        } catch (SQLException e) {
            throw new IllegalStateException("floor " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
