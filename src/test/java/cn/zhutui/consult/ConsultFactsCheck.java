package cn.zhutui.consult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consultation facts compared with a fresh count of the records: zero differences means the
 * figures every page reads are the truth.
 */
@Component
public class ConsultFactsCheck {

    private final JdbcClient jdbc;

    ConsultFactsCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long differences() {
        String fresh = """
                SELECT org_id, month, level, sum(topics)::bigint AS topics, sum(meetings)::bigint AS meetings, sum(outcomes)::bigint AS outcomes,
                       sum(solved)::bigint AS solved, sum(solved_days)::bigint AS solved_days FROM (
                  SELECT t.org_id, date_trunc('month', t.raised_on)::date AS month, p.level, 1 AS topics, 0 AS meetings, 0 AS outcomes,
                         0 AS solved, 0 AS solved_days
                    FROM consult_topic t JOIN consult_platform p ON p.id = t.platform_id
                   WHERE t.accepted_on IS NOT NULL AND t.declined_reason IS NULL
                  UNION ALL
                  SELECT t.org_id, date_trunc('month', t.solved_on)::date, p.level, 0, 0, 0, 1, t.solved_on - t.raised_on
                    FROM consult_topic t JOIN consult_platform p ON p.id = t.platform_id
                   WHERE t.solved_on IS NOT NULL AND t.accepted_on IS NOT NULL AND t.declined_reason IS NULL
                  UNION ALL
                  SELECT t.org_id, date_trunc('month', m.held_on)::date, p.level, 0, 1,
                         (SELECT count(*) FROM consult_outcome x WHERE x.meeting_id = m.id), 0, 0
                    FROM consult_meeting m JOIN consult_topic t ON t.id = m.topic_id JOIN consult_platform p ON p.id = t.platform_id
                   WHERE m.minutes_state = 'FINAL') c
                 GROUP BY 1, 2, 3""";
        String kept = """
                SELECT org_id, month, level, topics::bigint, meetings::bigint, outcomes::bigint, solved::bigint, solved_days
                  FROM consult_fact WHERE topics <> 0 OR meetings <> 0 OR outcomes <> 0 OR solved <> 0 OR solved_days <> 0""";
        return jdbc.sql("SELECT count(*) FROM ((" + fresh + ") EXCEPT (" + kept + ")) d").query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM ((" + kept + ") EXCEPT (" + fresh + ")) d").query(Long.class).single();
    }
}
