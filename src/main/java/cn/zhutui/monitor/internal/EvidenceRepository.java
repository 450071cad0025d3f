package cn.zhutui.monitor.internal;

import cn.zhutui.monitor.CaseEvidence;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of a case's evidence files (monitor_evidence with the stored file's name and type). */
@Repository
public class EvidenceRepository {

    private static final String SELECT = """
            SELECT me.id, me.case_id, me.followup_id, me.measure_id, me.file_id, f.original_name, f.content_type, f.has_thumbnail,
                   me.created_by, me.created_at
              FROM monitor_evidence me JOIN stored_file f ON f.id = me.file_id""";

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long caseId, Long followUpId, Long measureId, long fileId, Long userId) {
        return jdbc.sql("""
                        INSERT INTO monitor_evidence (case_id, followup_id, measure_id, file_id, created_by)
                        VALUES (:c, :f, :m, :file, :u) RETURNING id""")
                .param("c", caseId).param("f", followUpId).param("m", measureId).param("file", fileId).param("u", userId)
                .query(Long.class).single();
    }

    public List<CaseEvidence> ofCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE me.case_id = :c ORDER BY me.id").param("c", caseId).query((rs, i) -> row(rs)).list();
    }

    public Optional<CaseEvidence> find(long id) {
        return jdbc.sql(SELECT + " WHERE me.id = :id").param("id", id).query((rs, i) -> row(rs)).optional();
    }

    private static CaseEvidence row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CaseEvidence(rs.getLong("id"), rs.getLong("case_id"), (Long) rs.getObject("followup_id"), (Long) rs.getObject("measure_id"),
                rs.getLong("file_id"), rs.getString("original_name"), rs.getString("content_type"), rs.getBoolean("has_thumbnail"),
                (Long) rs.getObject("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
