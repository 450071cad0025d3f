package cn.zhutui.common;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Makes a create safe to retry: a double tap, a form sent again, a client resending after a lost
 * answer. The first request claims its key in its transaction and records what it made; a later
 * request with the same key (waiting, if the first is still running) gets that result instead of
 * making a second record. Every module that creates records from a phone or the API uses it.
 */
@Repository
public class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key for an action of a user; returns the record an earlier request with the same
     * key made, if there was one. Call inside the transaction that makes the record.
     */
    public Optional<Long> claim(long userId, String action, String key) {
        if (key == null || key.isBlank() || key.length() > 100 || !key.matches("[\\x21-\\x7e]+")) {
            throw BusinessException.onField("idempotencyKey", "idempotency.invalid");
        }
        int claimed = jdbc.sql("INSERT INTO idempotency_key (user_id, action, key) VALUES (:u, :a, :k) ON CONFLICT DO NOTHING")
                .param("u", userId).param("a", action).param("k", key).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(jdbc.sql("SELECT resource_id FROM idempotency_key WHERE user_id = :u AND action = :a AND key = :k")
                .param("u", userId).param("a", action).param("k", key).query(Long.class).optional().orElse(null));
    }

    /** Records what the request that claimed the key made. */
    public void complete(long userId, String action, String key, long resourceId) {
        jdbc.sql("UPDATE idempotency_key SET resource_id = :r WHERE user_id = :u AND action = :a AND key = :k")
                .param("r", resourceId).param("u", userId).param("a", action).param("k", key).update();
    }
}
