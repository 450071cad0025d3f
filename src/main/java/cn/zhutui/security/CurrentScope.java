package cn.zhutui.security;

import cn.zhutui.common.DataScope;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The DataScope of the logged-in user, rebuilt from the database once per request, so a changed
 * role, org or a disabled account takes effect at once rather than at the next login.
 */
@Component
public class CurrentScope {

    private static final String ATTRIBUTE = CurrentScope.class.getName();
    private static final String MUST_CHANGE = ATTRIBUTE + ".mustChange";
    /** The account an API request was authenticated with, read by the token filter in this very request. */
    static final String ACCOUNT = ATTRIBUTE + ".account";

    private final UserRepository users;
    private final OrgService orgs;
    private final RegionService regions;
    private final SecurityProperties props;

    CurrentScope(UserRepository users, OrgService orgs, RegionService regions, SecurityProperties props) {
        this.props = props;
        this.users = users;
        this.orgs = orgs;
        this.regions = regions;
    }

    public Optional<DataScope> get() {
        HttpServletRequest request = request();
        if (request != null && request.getAttribute(ATTRIBUTE) instanceof DataScope cached) {
            return Optional.of(cached);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ZhutuiUserDetails user)) {
            return Optional.empty();
        }
        Optional<UserAccount> account = request != null && request.getAttribute(ACCOUNT) instanceof UserAccount read && read.id() == user.id()
                ? Optional.of(read) : users.find(user.id()).filter(UserAccount::enabled);
        Optional<DataScope> scope = account.map(this::scopeOf);
        if (request != null && scope.isPresent()) {
            request.setAttribute(ATTRIBUTE, scope.get());
            request.setAttribute(MUST_CHANGE, account.get().mustChangePassword() || expired(account.get()));
        }
        return scope;
    }

    /** The user must set a new password before doing anything else. */
    boolean mustChangePassword() {
        return get().isPresent() && Boolean.TRUE.equals(request().getAttribute(MUST_CHANGE));
    }

    /** The password is older than zhutui.security.password-max-age-days. */
    boolean expired(UserAccount account) {
        return props.passwordMaxAgeDays() != null && account.passwordChangedAt() != null
                && account.passwordChangedAt().isBefore(java.time.OffsetDateTime.now().minusDays(props.passwordMaxAgeDays()));
    }

    /** The user must change an expired password (as opposed to a one-time one). */
    boolean passwordExpired() {
        return get().flatMap(s -> users.find(s.userId())).map(this::expired).orElse(false);
    }

    /** Forget the cached scope (after the user changed their own account in this request). */
    void evict() {
        HttpServletRequest request = request();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE);
        }
    }

    public DataScope require() {
        return get().orElseThrow(cn.zhutui.common.ForbiddenException::new);
    }

    /** The scope a user acts with, outside any request (background jobs acting for a user). */
    public DataScope ofUser(long userId) {
        return users.find(userId).map(this::scopeOf).orElseThrow(() -> new cn.zhutui.common.NotFoundException("user", userId));
    }

    public DataScope ofUsername(String username) {
        return users.findByLogin(username).map(this::scopeOf).orElseThrow(() -> new cn.zhutui.common.NotFoundException("user", username));
    }

    DataScope scopeOf(UserAccount account) {
        Org org = orgs.find(account.orgId()).orElseThrow();
        String regionPath = account.regionCode() == null ? null
                : regions.find(account.regionCode()).map(r -> r.path()).orElse(null);
        return new DataScope(account.id(), account.username(), account.displayName(), account.roles(),
                org.id(), org.path(), regionPath, account.memberId());
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs ? attrs.getRequest() : null;
    }
}
