package cn.zhutui.monitor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The monitoring stock kept in step, compared with a fresh count of the cases themselves: zero differences means the figures read the truth. */
@Component
public class MonitorFactsCheck {

    private final JdbcClient jdbc;

    MonitorFactsCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long differences() {
        String fresh = "SELECT township_code, kind, main_reason, stage, count(*)::bigint, sum(persons)::bigint FROM monitor_case GROUP BY 1, 2, 3, 4";
        String kept = "SELECT township_code, kind, reason, stage, households, persons FROM monitor_fact WHERE households <> 0 OR persons <> 0";
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }
}
