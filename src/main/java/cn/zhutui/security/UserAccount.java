package cn.zhutui.security;

import cn.zhutui.common.Role;
import java.time.OffsetDateTime;
import java.util.Set;

public record UserAccount(long id, String username, String phone, String displayName, String passwordHash,
                          String email, long orgId, String regionCode, Long memberId, boolean enabled, int failedAttempts,
                          OffsetDateTime lockedUntil, boolean mustChangePassword, OffsetDateTime lastLoginAt,
                          int version, Set<Role> roles, OffsetDateTime passwordChangedAt) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now());
    }
}
