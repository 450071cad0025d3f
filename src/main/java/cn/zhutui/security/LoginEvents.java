package cn.zhutui.security;

import cn.zhutui.audit.AuditService;
import cn.zhutui.org.OrgService;
import java.time.OffsetDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Audits every login and locks an account after too many failures in a row. */
@Component
class LoginEvents {

    private final UserRepository users;
    private final AuditService audit;
    private final OrgService orgs;
    private final SecurityProperties props;

    LoginEvents(UserRepository users, AuditService audit, OrgService orgs, SecurityProperties props) {
        this.users = users;
        this.audit = audit;
        this.orgs = orgs;
        this.props = props;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof ZhutuiUserDetails user)) {
            return;
        }
        users.recordSuccess(user.id());
        audit.recordLogin(user.getUsername(), user.id(), orgPath(user.id()), true, null);
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String login = event.getAuthentication().getName();
        var account = users.findByLogin(login == null ? "" : login.trim());
        String reason = event.getException().getClass().getSimpleName();
        if (account.isPresent() && event instanceof AuthenticationFailureBadCredentialsEvent) {
            int attempts = users.recordFailure(account.get().id(), props.maxFailedAttempts(),
                    OffsetDateTime.now().plusMinutes(props.lockoutMinutes()));
            reason = reason + " #" + attempts;
        }
        // the account's username, never the typed text: that may be a phone number
        String who = account.map(UserAccount::username)
                .orElseGet(() -> login != null && login.trim().matches("\\d{7,}") ? cn.zhutui.common.Masking.phone(login.trim()) : login);
        audit.recordLogin(who, account.map(UserAccount::id).orElse(null),
                account.map(a -> orgPath(a.id())).orElse(null), false, reason);
    }

    private String orgPath(long userId) {
        return users.find(userId).flatMap(u -> orgs.find(u.orgId())).map(o -> o.path()).orElse(null);
    }
}
