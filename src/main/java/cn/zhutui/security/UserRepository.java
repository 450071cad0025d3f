package cn.zhutui.security;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Role;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private record Row(long id, String username, String phone, String displayName, String passwordHash, String email, long orgId,
                       String regionCode, Long memberId, boolean enabled, int failedAttempts, OffsetDateTime lockedUntil,
                       boolean mustChangePassword, OffsetDateTime lastLoginAt, int version, OffsetDateTime passwordChangedAt) {
    }

    private static final String COLUMNS = """
            u.id, u.username, u.phone, u.display_name, u.password_hash, u.email, u.org_id, u.region_code, u.member_id, u.enabled,
            u.failed_attempts, u.locked_until, u.must_change_password, u.last_login_at, u.version, u.password_changed_at""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByLogin(String login) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user u WHERE u.username = :login OR u.phone = :login ORDER BY (u.username = :login) DESC LIMIT 1")
                .param("login", login).query(Row.class).optional().map(this::withRoles);
    }

    Optional<UserAccount> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user u WHERE u.id = :id").param("id", id)
                .query(Row.class).optional().map(this::withRoles);
    }

    Optional<UserAccount> findByMember(long memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user u WHERE u.member_id = :m").param("m", memberId)
                .query(Row.class).optional().map(this::withRoles);
    }

    /** Users whose org lies in the given subtree. */
    Page<UserAccount> search(String scopePath, String q, PageRequest page) {
        String where = """
                 FROM app_user u JOIN org o ON o.id = u.org_id
                WHERE o.path LIKE :scope || '%'
                  AND (CAST(:q AS text) IS NULL OR u.username LIKE '%' || :q || '%' ESCAPE '\\' OR u.display_name LIKE '%' || :q || '%' ESCAPE '\\')""";
        String q2 = q == null || q.isBlank() ? null : cn.zhutui.common.Where.escapeLike(q.trim());
        long total = jdbc.sql("SELECT count(*)" + where).param("scope", scopePath).param("q", q2).query(Long.class).single();
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + where + " ORDER BY o.path COLLATE \"C\", u.username LIMIT :limit OFFSET :offset")
                .param("scope", scopePath).param("q", q2).param("limit", page.size()).param("offset", page.offset())
                .query(Row.class).list();
        Map<Long, Set<Role>> roles = roles(rows.stream().map(Row::id).toList());
        return new Page<>(rows.stream().map(r -> toAccount(r, roles.getOrDefault(r.id(), Set.of()))).toList(), total, page);
    }

    /** Users in an org holding a role (for notifications). */
    List<UserAccount> withRole(long orgId, Role role) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE u.org_id = :org AND r.role = :role AND u.enabled")
                .param("org", orgId).param("role", role.name()).query(Row.class).list();
        Map<Long, Set<Role>> roles = roles(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> toAccount(r, roles.getOrDefault(r.id(), Set.of()))).toList();
    }

    Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, display_name FROM app_user WHERE id IN (:ids)").param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    boolean exists(String username, String phone, Long exceptId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM app_user WHERE (username = :u OR (CAST(:p AS text) IS NOT NULL AND phone = :p)
                                          OR username = :p OR phone = :u)
                                        AND (CAST(:except AS bigint) IS NULL OR id <> :except))""")
                .param("u", username).param("p", phone).param("except", exceptId).query(Boolean.class).single();
    }

    long insert(UserForm f, String hash, boolean mustChange) {
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, phone, display_name, password_hash, email, org_id, region_code, member_id,
                                              enabled, must_change_password)
                        VALUES (:username, :phone, :displayName, :hash, :email, :org, :region, :member, :enabled, :mustChange)
                        RETURNING id""")
                .param("username", f.getUsername()).param("phone", f.getPhone()).param("displayName", f.getDisplayName())
                .param("hash", hash).param("email", f.getEmail()).param("org", f.getOrgId()).param("region", f.getRegionCode())
                .param("member", f.getMemberId()).param("enabled", f.isEnabled()).param("mustChange", mustChange)
                .query(Long.class).single();
        replaceRoles(id, f.getRoles());
        return id;
    }

    boolean update(long id, UserForm f) {
        boolean ok = jdbc.sql("""
                        UPDATE app_user SET username = :username, phone = :phone, display_name = :displayName, email = :email, org_id = :org,
                               region_code = :region, member_id = :member, enabled = :enabled, version = version + 1,
                               updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("id", id).param("version", f.getVersion())
                .param("username", f.getUsername()).param("phone", f.getPhone()).param("displayName", f.getDisplayName())
                .param("email", f.getEmail()).param("org", f.getOrgId()).param("region", f.getRegionCode()).param("member", f.getMemberId())
                .param("enabled", f.isEnabled()).update() == 1;
        if (ok) {
            replaceRoles(id, f.getRoles());
        }
        return ok;
    }

    /** Sets a password; the one it replaces goes into the history (the last ones may not be used again). */
    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("INSERT INTO password_history (user_id, password_hash) SELECT id, password_hash FROM app_user WHERE id = :id")
                .param("id", id).update();
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = :mc, failed_attempts = 0, locked_until = NULL,
                               password_changed_at = now(), version = version + 1, updated_at = now() WHERE id = :id""")
                .param("id", id).param("hash", hash).param("mc", mustChange).update();
    }

    /** The hashes of the user's last passwords before the current one, newest first. */
    List<String> previousHashes(long id, int limit) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = :id ORDER BY set_at DESC LIMIT :n")
                .param("id", id).param("n", limit).query(String.class).list();
    }

    /** Counts a failed login; at the limit the account is locked until the given time. */
    int recordFailure(long id, int maxAttempts, OffsetDateTime lockUntil) {
        return jdbc.sql("""
                        UPDATE app_user
                           SET failed_attempts = CASE WHEN locked_until < now() THEN 1 ELSE failed_attempts + 1 END,
                               locked_until = CASE WHEN locked_until < now() THEN NULL
                                                   WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                         WHERE id = :id RETURNING failed_attempts""")
                .param("id", id).param("max", maxAttempts).param("until", lockUntil).query(Integer.class).single();
    }

    void recordSuccess(long id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    void unlock(long id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id").param("id", id).update();
    }

    private void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)").param("id", id).param("role", role.name()).update();
        }
    }

    private UserAccount withRoles(Row r) {
        return toAccount(r, roles(List.of(r.id())).getOrDefault(r.id(), Set.of()));
    }

    private Map<Long, Set<Role>> roles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT user_id, role FROM user_role WHERE user_id IN (:ids)").param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
    }

    private static UserAccount toAccount(Row r, Set<Role> roles) {
        return new UserAccount(r.id(), r.username(), r.phone(), r.displayName(), r.passwordHash(), r.email(), r.orgId(), r.regionCode(),
                r.memberId(), r.enabled(), r.failedAttempts(), r.lockedUntil(), r.mustChangePassword(), r.lastLoginAt(),
                r.version(), roles, r.passwordChangedAt());
    }
}
