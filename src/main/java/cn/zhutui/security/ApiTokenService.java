package cn.zhutui.security;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for mobile clients and other systems. A token acts as its user, with the
 * user's roles and scope as they are at each request. Only its SHA-256 is stored; the token
 * itself is shown once, when made.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "zt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditService audit;

    ApiTokenService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<ApiToken> mine(DataScope scope) {
        return jdbc.sql("SELECT id, user_id, name, created_at, expires_at, last_used_at, revoked FROM api_token WHERE user_id = :u ORDER BY id DESC")
                .param("u", scope.userId()).query(ApiToken.class).list();
    }

    /** Makes a token valid for the given days (1-366); returns the token, to be shown this once. */
    @Transactional
    public String create(DataScope scope, String name, int days) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw BusinessException.onField("name", "validation.required");
        }
        if (days < 1 || days > 366) {
            throw BusinessException.onField("days", "token.days");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES (:u, :n, :h, :e) RETURNING id")
                .param("u", scope.userId()).param("n", name.trim()).param("h", hash(token))
                .param("e", OffsetDateTime.now().plusDays(days)).query(Long.class).single();
        audit.record(scope, "CREATE", "api_token", id, name.trim(), null, Map.of("days", days));
        return token;
    }

    @Transactional
    public void revoke(DataScope scope, long id) {
        int n = jdbc.sql("UPDATE api_token SET revoked = true WHERE id = :id AND user_id = :u").param("id", id).param("u", scope.userId()).update();
        if (n != 1) {
            throw new NotFoundException("token", id);
        }
        audit.record(scope, "REVOKE", "api_token", id, null, null, null);
    }

    /** Revokes every token of a user (a password reset, a disabled account, an administrator's decision). */
    @Transactional
    public int revokeAll(DataScope scope, long userId, String reason) {
        int n = jdbc.sql("UPDATE api_token SET revoked = true WHERE user_id = :u AND NOT revoked").param("u", userId).update();
        if (n > 0) {
            audit.record(scope, "REVOKE_ALL", "api_token", userId, reason, null, Map.of("revoked", n));
        }
        return n;
    }

    /** The user a presented token belongs to, if it is valid; notes its use. */
    Optional<Long> userOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        record Valid(long id, long userId, java.time.OffsetDateTime lastUsedAt) {
        }
        Optional<Valid> valid = jdbc.sql("""
                        SELECT id, user_id, last_used_at FROM api_token
                         WHERE token_hash = :h AND NOT revoked AND (expires_at IS NULL OR expires_at > now())""")
                .param("h", hash(token)).query(Valid.class).optional();
        // "last used" to the minute: a client sending hundreds of requests a minute does not write a row each time
        valid.filter(v -> v.lastUsedAt() == null || v.lastUsedAt().isBefore(java.time.OffsetDateTime.now().minusMinutes(1)))
                .ifPresent(v -> jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = :id").param("id", v.id()).update());
        return valid.map(Valid::userId);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
