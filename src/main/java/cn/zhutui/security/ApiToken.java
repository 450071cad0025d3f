package cn.zhutui.security;

import java.time.OffsetDateTime;

public record ApiToken(long id, long userId, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime lastUsedAt, boolean revoked) {

    public boolean active() {
        return !revoked && (expiresAt == null || expiresAt.isAfter(OffsetDateTime.now()));
    }
}
