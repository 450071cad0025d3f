package cn.zhutui.security;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration within a scope. The scope is checked on every write — the org a user is put
 * in, the member linked, the region of a cadre — so an admin cannot grant beyond their subtree.
 */
@Service
public class UserService {

    private final UserRepository users;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;
    private final PasswordEncoder encoder;
    private final AuditService audit;
    private final ApiTokenService tokens;
    private final SecurityProperties props;

    UserService(UserRepository users, OrgService orgs, RegionService regions, MemberService members,
                PasswordEncoder encoder, AuditService audit, ApiTokenService tokens, SecurityProperties props) {
        this.tokens = tokens;
        this.props = props;
        this.users = users;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
        this.encoder = encoder;
        this.audit = audit;
    }

    public Page<UserAccount> search(DataScope scope, String q, PageRequest page) {
        scope.require(Permission.USER_ADMIN);
        return users.search(scope.orgPath(), q, page);
    }

    public UserAccount get(DataScope scope, long id) {
        scope.require(Permission.USER_ADMIN);
        UserAccount user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        orgs.findAll(scope, List.of(user.orgId())).stream().findFirst().orElseThrow(() -> new NotFoundException("user", id));
        return user;
    }

    /** A user's account, unscoped (for delivering their own notifications). */
    public Optional<UserAccount> account(long userId) {
        return users.find(userId);
    }

    public Optional<UserAccount> findByMember(long memberId) {
        return users.findByMember(memberId);
    }

    /** The users of an org holding a role: who to notify. */
    public List<UserAccount> withRole(long orgId, Role role) {
        return users.withRole(orgId, role);
    }

    /** Display names by user id, for showing who did what on a record. */
    public Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        return users.displayNames(ids);
    }

    public boolean any() {
        return users.count() > 0;
    }

    /** Creates a user with the given password, or a generated one (returned, to be handed over once). */
    @Transactional
    public String create(DataScope scope, UserForm form, String password) {
        scope.require(Permission.USER_ADMIN);
        check(scope, form, null);
        boolean generated = password == null;
        String pw = generated ? PasswordPolicy.generate() : password;
        if (!generated) {
            PasswordPolicy.check(form.getUsername(), pw);
        }
        long id = users.insert(form, encoder.encode(pw), generated);
        audit.record(scope, "CREATE", "user", id, form.getUsername(), null, snapshot(users.find(id).orElseThrow()));
        return pw;
    }

    @Transactional
    public void update(DataScope scope, long id, UserForm form) {
        UserAccount before = get(scope, id);
        check(scope, form, id);
        if (id == scope.userId() && !form.getRoles().contains(Role.ADMIN)) {
            throw BusinessException.onField("roles", "user.ownAdminRole");
        }
        if (!users.update(id, form)) {
            throw new ConflictException("user", id);
        }
        if (before.enabled() && !form.isEnabled()) {
            tokens.revokeAll(scope, id, "disabled");
        }
        audit.record(scope, "UPDATE", "user", id, form.getUsername(), snapshot(before), snapshot(users.find(id).orElseThrow()));
    }

    /** Sets a new one-time password the user must change at the next login. */
    @Transactional
    public String resetPassword(DataScope scope, long id) {
        UserAccount user = get(scope, id);
        String pw = PasswordPolicy.generate();
        users.setPassword(id, encoder.encode(pw), true);
        // whoever knew the old password may have made tokens with it
        tokens.revokeAll(scope, id, "password reset");
        audit.record(scope, "RESET_PASSWORD", "user", id, user.username(), null, null);
        return pw;
    }

    /** An administrator revokes every API token of a user of their scope. */
    @Transactional
    public int revokeTokens(DataScope scope, long id) {
        get(scope, id);
        return tokens.revokeAll(scope, id, "revoked by an administrator");
    }


    @Transactional
    public void unlock(DataScope scope, long id) {
        UserAccount user = get(scope, id);
        users.unlock(id);
        audit.record(scope, "UNLOCK", "user", id, user.username(), null, null);
    }

    @Transactional
    public void changeOwnPassword(DataScope scope, String oldPassword, String newPassword, String confirm) {
        UserAccount me = users.find(scope.userId()).orElseThrow();
        if (oldPassword == null || !encoder.matches(oldPassword, me.passwordHash())) {
            throw BusinessException.onField("oldPassword", "password.oldWrong");
        }
        if (!java.util.Objects.equals(newPassword, confirm)) {
            throw BusinessException.onField("confirm", "password.mismatch");
        }
        if (encoder.matches(newPassword, me.passwordHash())) {
            throw BusinessException.onField("newPassword", "password.unchanged");
        }
        PasswordPolicy.check(me.username(), newPassword);
        for (String previous : users.previousHashes(me.id(), props.passwordHistory() - 1)) {
            if (encoder.matches(newPassword, previous)) {
                throw BusinessException.onField("newPassword", "password.reused", props.passwordHistory());
            }
        }
        users.setPassword(me.id(), encoder.encode(newPassword), false);
        audit.record(scope, "CHANGE_PASSWORD", "user", me.id(), me.username(), null, null);
    }

    private void check(DataScope scope, UserForm form, Long id) {
        if (users.exists(form.getUsername(), form.getPhone(), id)) {
            throw BusinessException.onField("username", "user.exists", form.getUsername());
        }
        if (form.getRoles().isEmpty()) {
            throw BusinessException.onField("roles", "user.roles.required");
        }
        Org org = orgs.get(scope, form.getOrgId());
        if (form.getRoles().contains(Role.MEMBER)) {
            if (form.getMemberId() == null) {
                throw BusinessException.onField("memberId", "user.member.required");
            }
        }
        if (form.getMemberId() != null) {
            if (!members.visible(scope, form.getMemberId())) {
                // an id is written as it is, never as "999,999"
                throw BusinessException.onField("memberId", "user.member.notFound", String.valueOf(form.getMemberId()));
            }
            users.findByMember(form.getMemberId()).filter(u -> id == null || u.id() != id).ifPresent(u -> {
                throw BusinessException.onField("memberId", "user.member.taken", u.username());
            });
        }
        if (form.getRoles().contains(Role.CADRE) && form.getRegionCode() == null) {
            throw BusinessException.onField("regionCode", "user.region.required");
        }
        if (form.getRegionCode() != null) {
            Region region = regions.find(form.getRegionCode())
                    .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", form.getRegionCode()));
            // within the region of the user's org, and within the region of the admin granting it
            for (Org bound : scope.isSystem() ? List.of(org) : List.of(org, orgs.get(scope, scope.orgId()))) {
                Optional<Region> limit = orgs.effectiveRegion(bound).flatMap(regions::find);
                if (limit.isPresent() && !limit.get().contains(region)) {
                    throw BusinessException.onField("regionCode", "user.region.outside", limit.get().name());
                }
                if (limit.isEmpty() && bound.parentId() != null) {
                    throw BusinessException.onField("regionCode", "user.region.noBound");
                }
            }
        }
    }

    private static Map<String, Object> snapshot(UserAccount u) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("username", u.username());
        s.put("phone", u.phone());
        s.put("displayName", u.displayName());
        s.put("orgId", u.orgId());
        s.put("regionCode", u.regionCode());
        s.put("memberId", u.memberId());
        s.put("enabled", u.enabled());
        s.put("roles", u.roles().stream().map(Enum::name).sorted().toList());
        return s;
    }
}
