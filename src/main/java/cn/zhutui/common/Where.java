package cn.zhutui.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a WHERE clause from fixed SQL fragments written in the code, each added only when its
 * value is present; values are always bound parameters, never spliced. Used by every list and
 * report query, so scope and filters cannot be injected and the planner sees only what is asked.
 */
public final class Where {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** A condition that always applies. */
    public Where and(String condition) {
        sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
        return this;
    }

    /** A condition with one parameter, added only when the value is present (not null, not blank, not empty). */
    public Where and(String condition, String name, Object value) {
        if (present(value)) {
            and(condition);
            params.put(name, value instanceof String s ? s.trim() : value);
        }
        return this;
    }

    /** Binds a parameter used by a condition added with {@link #and(String)}. */
    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public Map<String, Object> params() {
        return params;
    }

    /** Escapes LIKE's wildcards so a typed "_" or "%" matches itself; use with ESCAPE '\\'. */
    public static String escapeLike(String s) {
        return s == null ? null : s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean present(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isBlank();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }
}
