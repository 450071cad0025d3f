package cn.zhutui.notify;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class NotificationRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Notification> mapper;

    NotificationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = (rs, i) -> new Notification(rs.getLong("id"), rs.getLong("user_id"), rs.getString("kind"),
                rs.getString("message_code"), json.readValue(rs.getString("args"), STRINGS), rs.getString("link"),
                rs.getObject("created_at", java.time.OffsetDateTime.class), rs.getObject("read_at", java.time.OffsetDateTime.class));
    }

    /** Adds a notification; false if the user already has one with this key. */
    boolean insert(long userId, String kind, String code, List<String> args, String link, String dedupKey) {
        return jdbc.sql("""
                        INSERT INTO notification (user_id, kind, message_code, args, link, dedup_key)
                        VALUES (:user, :kind, :code, :args::jsonb, :link, :key)
                        ON CONFLICT (user_id, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING""")
                .param("user", userId).param("kind", kind).param("code", code).param("args", json.writeValueAsString(args))
                .param("link", link).param("key", dedupKey).update() == 1;
    }

    Page<Notification> list(long userId, boolean unreadOnly, PageRequest page) {
        String where = " FROM notification WHERE user_id = :user" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = jdbc.sql("SELECT count(*)" + where).param("user", userId).query(Long.class).single();
        List<Notification> items = jdbc.sql("SELECT *" + where + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId).param("limit", page.size()).param("offset", page.offset()).query(mapper).list();
        return new Page<>(items, total, page);
    }

    long countByKey(String dedupKey) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key = :key").param("key", dedupKey).query(Long.class).single();
    }

    long unread(long userId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL").param("user", userId)
                .query(Long.class).single();
    }

    Optional<Notification> find(long id, long userId) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id AND user_id = :user").param("id", id).param("user", userId)
                .query(mapper).optional();
    }

    void markRead(long id, long userId) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE id = :id AND user_id = :user AND read_at IS NULL")
                .param("id", id).param("user", userId).update();
    }

    int markRead(java.util.Collection<Long> ids, long userId) {
        return jdbc.sql("UPDATE notification SET read_at = now() WHERE id IN (:ids) AND user_id = :user AND read_at IS NULL")
                .param("ids", ids).param("user", userId).update();
    }

    void markAllRead(long userId) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE user_id = :user AND read_at IS NULL").param("user", userId).update();
    }
}
