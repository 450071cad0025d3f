package cn.zhutui.job;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Status writes run in their own transaction: a job's page sees progress while its work is still uncommitted. */
@Repository
class JobRepository {

    private static final String COLUMNS = """
            id, kind, user_id, status, total, done, message, params::text AS params, result::text AS result, file_id,
            result_file_id, created_at, started_at, finished_at, org_path, attempts""";

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String kind, long userId, String orgPath, String params, Long fileId) {
        return jdbc.sql("""
                        INSERT INTO job (kind, user_id, org_path, status, params, file_id)
                        VALUES (:kind, :user, :orgPath, 'QUEUED', :params::jsonb, :file) RETURNING id""")
                .param("kind", kind).param("user", userId).param("orgPath", orgPath).param("params", params).param("file", fileId)
                .query(Long.class).single();
    }

    Optional<Job> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE id = :id").param("id", id).query(Job.class).optional();
    }

    List<Job> recent(long userId, String kind, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE user_id = :user AND kind = :kind ORDER BY id DESC LIMIT :limit")
                .param("user", userId).param("kind", kind).param("limit", limit).query(Job.class).list();
    }

    /** The user's jobs of any kind that failed since a moment (for the workbench). */
    List<Job> failedSince(long userId, java.time.OffsetDateTime since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE user_id = :user AND status = 'FAILED' AND created_at >= :since ORDER BY id DESC LIMIT :limit")
                .param("user", userId).param("since", since).param("limit", limit).query(Job.class).list();
    }

    List<Long> unfinished() {
        return jdbc.sql("SELECT id FROM job WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id").query(Long.class).list();
    }

    /** Marks a job started and counts the attempt; returns the attempts so far, this one included. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int start(long id) {
        return jdbc.sql("UPDATE job SET status = 'RUNNING', started_at = now(), done = 0, attempts = attempts + 1 WHERE id = :id RETURNING attempts")
                .param("id", id).query(Integer.class).single();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void total(long id, int total) {
        jdbc.sql("UPDATE job SET total = :total WHERE id = :id").param("id", id).param("total", total).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(long id, int done) {
        jdbc.sql("UPDATE job SET done = :done WHERE id = :id").param("id", id).param("done", done).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(long id, JobStatus status, String message, String result, Long resultFileId) {
        jdbc.sql("""
                        UPDATE job SET status = :status, message = :message, result = CAST(:result AS jsonb),
                               result_file_id = :resultFile, finished_at = now()
                         WHERE id = :id""")
                .param("id", id).param("status", status.name()).param("message", message).param("result", result)
                .param("resultFile", resultFileId).update();
    }
}
