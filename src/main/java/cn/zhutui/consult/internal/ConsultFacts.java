package cn.zhutui.consult.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps the consultation figures in step with the records, in the same transaction as each change
 * (no nightly batch): a change to a topic — accepted, declined, edited, a meeting's minutes made
 * final, a problem solved — takes the topic's whole contribution out of the facts before and puts
 * it back after, so the figures always equal a fresh count of the records. The topics are locked
 * first (in id order), so two changes to one topic are counted one after the other.
 *
 * <p>A topic contributes: 1 topic in the month it was raised (once accepted); 1 solved problem and
 * its days from raised to solved in the month it was solved; each of its meetings with final
 * minutes, and that meeting's outcomes, in the month the meeting was held — all under the level of
 * its platform and its committee.
 */
@Repository
public class ConsultFacts {

    private final JdbcClient jdbc;
    private final TopicRepository topics;

    ConsultFacts(JdbcClient jdbc, TopicRepository topics) {
        this.jdbc = jdbc;
        this.topics = topics;
    }

    /** Locks the topics and takes their contribution out: call before changing them. */
    public void remove(Collection<Long> topicIds) {
        topics.lock(topicIds);
        add(topicIds, -1);
    }

    /** Puts the topics' contribution back: call after changing them, in the same transaction. */
    public void restore(Collection<Long> topicIds) {
        add(topicIds, 1);
    }

    private void add(Collection<Long> all, int sign) {
        if (all.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(all);
        jdbc.sql("""
                        INSERT INTO consult_fact (org_id, month, level, topics)
                        SELECT t.org_id, date_trunc('month', t.raised_on)::date, p.level, :sign * count(*)
                          FROM consult_topic t JOIN consult_platform p ON p.id = t.platform_id
                         WHERE t.id IN (:ids) AND t.accepted_on IS NOT NULL AND t.declined_reason IS NULL
                         GROUP BY 1, 2, 3
                        ON CONFLICT (org_id, month, level) DO UPDATE SET topics = consult_fact.topics + EXCLUDED.topics""")
                .param("ids", ids).param("sign", sign).update();
        jdbc.sql("""
                        INSERT INTO consult_fact (org_id, month, level, solved, solved_days)
                        SELECT t.org_id, date_trunc('month', t.solved_on)::date, p.level, :sign * count(*), :sign * sum(t.solved_on - t.raised_on)
                          FROM consult_topic t JOIN consult_platform p ON p.id = t.platform_id
                         WHERE t.id IN (:ids) AND t.solved_on IS NOT NULL AND t.accepted_on IS NOT NULL AND t.declined_reason IS NULL
                         GROUP BY 1, 2, 3
                        ON CONFLICT (org_id, month, level) DO UPDATE SET solved = consult_fact.solved + EXCLUDED.solved,
                                                                          solved_days = consult_fact.solved_days + EXCLUDED.solved_days""")
                .param("ids", ids).param("sign", sign).update();
        jdbc.sql("""
                        INSERT INTO consult_fact (org_id, month, level, meetings, outcomes)
                        SELECT t.org_id, date_trunc('month', m.held_on)::date, p.level, :sign * count(*),
                               :sign * coalesce(sum((SELECT count(*) FROM consult_outcome x WHERE x.meeting_id = m.id)), 0)
                          FROM consult_meeting m JOIN consult_topic t ON t.id = m.topic_id JOIN consult_platform p ON p.id = t.platform_id
                         WHERE m.topic_id IN (:ids) AND m.minutes_state = 'FINAL'
                         GROUP BY 1, 2, 3
                        ON CONFLICT (org_id, month, level) DO UPDATE SET meetings = consult_fact.meetings + EXCLUDED.meetings,
                                                                          outcomes = consult_fact.outcomes + EXCLUDED.outcomes""")
                .param("ids", ids).param("sign", sign).update();
    }

    /** Sums of one subtree's facts over months, by committee (org id → topics, meetings, outcomes, solved, solved days). */
    public Map<Long, long[]> byOrg(String orgPath, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT f.org_id, sum(f.topics), sum(f.meetings), sum(f.outcomes), sum(f.solved), sum(f.solved_days)
                          FROM consult_fact f JOIN org o ON o.id = f.org_id
                         WHERE o.path LIKE :path || '%' AND f.month >= :from AND f.month <= :to
                         GROUP BY f.org_id""")
                .param("path", orgPath).param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The same by platform level, for one subtree. */
    public Map<String, long[]> byLevel(String orgPath, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT f.level, sum(f.topics), sum(f.meetings), sum(f.outcomes), sum(f.solved), sum(f.solved_days)
                          FROM consult_fact f JOIN org o ON o.id = f.org_id
                         WHERE o.path LIKE :path || '%' AND f.month >= :from AND f.month <= :to
                         GROUP BY f.level""")
                .param("path", orgPath).param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)}))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
