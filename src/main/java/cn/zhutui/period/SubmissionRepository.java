package cn.zhutui.period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubmissionRepository {

    record Submission(long orgId, OffsetDateTime submittedAt, boolean onTime, long submittedBy) {
    }

    /** The lock exception of a unit still running on a day: the latest one. */
    record Unlock(long orgId, LocalDate until, String reason) {
    }

    private final JdbcClient jdbc;

    SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, Submission> submissions(long campaignId, String periodId, Collection<Long> orgIds) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT org_id, submitted_at, on_time, submitted_by FROM period_submission WHERE campaign_id = :c AND period_id = :p AND org_id IN (:orgs)")
                .param("c", campaignId).param("p", periodId).param("orgs", orgIds).query(Submission.class).list().stream()
                .collect(Collectors.toMap(Submission::orgId, s -> s));
    }

    Map<Long, Unlock> unlocks(long campaignId, String periodId, Collection<Long> orgIds, LocalDate today) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT ON (org_id) org_id, until, reason FROM period_unlock
                         WHERE campaign_id = :c AND period_id = :p AND org_id IN (:orgs) AND until >= :today
                         ORDER BY org_id, until DESC, id DESC""")
                .param("c", campaignId).param("p", periodId).param("orgs", orgIds).param("today", today)
                .query(Unlock.class).list().stream().collect(Collectors.toMap(Unlock::orgId, u -> u));
    }

    boolean insert(long campaignId, long orgId, String periodId, LocalDate deadline, long userId, boolean onTime) {
        return jdbc.sql("""
                        INSERT INTO period_submission (campaign_id, org_id, period_id, deadline, submitted_by, on_time)
                        VALUES (:c, :o, :p, :d, :u, :onTime) ON CONFLICT DO NOTHING""")
                .param("c", campaignId).param("o", orgId).param("p", periodId).param("d", deadline).param("u", userId)
                .param("onTime", onTime).update() == 1;
    }

    void insertAt(long campaignId, long orgId, String periodId, LocalDate deadline, long userId, boolean onTime, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO period_submission (campaign_id, org_id, period_id, deadline, submitted_by, on_time, submitted_at)
                        VALUES (:c, :o, :p, :d, :u, :onTime, :at) ON CONFLICT DO NOTHING""")
                .param("c", campaignId).param("o", orgId).param("p", periodId).param("d", deadline).param("u", userId)
                .param("onTime", onTime).param("at", at).update();
    }

    Optional<Submission> delete(long campaignId, long orgId, String periodId) {
        return jdbc.sql("DELETE FROM period_submission WHERE campaign_id = :c AND org_id = :o AND period_id = :p RETURNING org_id, submitted_at, on_time, submitted_by")
                .param("c", campaignId).param("o", orgId).param("p", periodId).query(Submission.class).optional();
    }

    void unlock(long campaignId, long orgId, String periodId, LocalDate until, String reason, long userId) {
        jdbc.sql("INSERT INTO period_unlock (campaign_id, org_id, period_id, until, reason, unlocked_by) VALUES (:c, :o, :p, :until, :reason, :u)")
                .param("c", campaignId).param("o", orgId).param("p", periodId).param("until", until).param("reason", reason)
                .param("u", userId).update();
    }
}
