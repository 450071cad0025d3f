package cn.zhutui.audit;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    record Row(long id, OffsetDateTime at, Long userId, String username, String action, String entityType,
               String entityId, String summary, String ip, String beforeData, String afterData) {
    }

    private static final String COLUMNS = """
            id, at, user_id, username, action, entity_type, entity_id, summary, ip,
            before_data::text AS before_data, after_data::text AS after_data""";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Long userId, String username, String action, String entityType, String entityId, String summary,
                String before, String after, String ip, String orgPath) {
        jdbc.sql("""
                        INSERT INTO audit_log (user_id, username, action, entity_type, entity_id, summary,
                                               before_data, after_data, ip, org_path)
                        VALUES (:userId, :username, :action, :entityType, :entityId, :summary,
                                :before::jsonb, :after::jsonb, :ip, :orgPath)""")
                .param("userId", userId).param("username", username).param("action", action)
                .param("entityType", entityType).param("entityId", entityId).param("summary", summary)
                .param("before", before).param("after", after).param("ip", ip).param("orgPath", orgPath)
                .update();
    }

    /**
     * The log of the actors in a subtree. Failed logins carry no org (the user may not exist), so
     * only the root scope sees those of unknown users.
     */
    Page<Row> search(String scopePath, boolean root, AuditQuery q, PageRequest page) {
        String where = """
                 WHERE (org_path LIKE :scope || '%' OR ((org_path IS NULL OR org_path = '/') AND :root))
                   AND (CAST(:username AS text) IS NULL OR username = :username)
                   AND (CAST(:action AS text) IS NULL OR action = :action)
                   AND (CAST(:entityType AS text) IS NULL OR entity_type = :entityType)
                   AND (CAST(:entityId AS text) IS NULL OR entity_id = :entityId)
                   AND (CAST(:from AS date) IS NULL OR at >= CAST(:from AS date))
                   AND (CAST(:to AS date) IS NULL OR at < CAST(:to AS date) + 1)
                """;
        var countSpec = bind(jdbc.sql("SELECT count(*) FROM audit_log" + where), scopePath, q).param("root", root);
        long total = countSpec.query(Long.class).single();
        List<Row> rows = bind(jdbc.sql("SELECT " + COLUMNS + " FROM audit_log" + where
                        + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset"), scopePath, q).param("root", root)
                .param("limit", page.size()).param("offset", page.offset())
                .query(Row.class).list();
        return new Page<>(rows, total, page);
    }

    List<Row> history(String entityType, String entityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE entity_type = :type AND entity_id = :id ORDER BY at, id")
                .param("type", entityType).param("id", entityId)
                .query(Row.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String scopePath, AuditQuery q) {
        return spec.param("scope", scopePath)
                .param("username", blankToNull(q.username()))
                .param("action", blankToNull(q.action()))
                .param("entityType", blankToNull(q.entityType()))
                .param("entityId", blankToNull(q.entityId()))
                .param("from", q.from())
                .param("to", q.to());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
