package cn.zhutui.security;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Role;
import cn.zhutui.org.OrgForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a database with no users at all, creates the first administrator. Its password comes from
 * zhutui.security.admin-initial-password or is generated and printed this once; either way it must
 * be changed at the first login, so no known password survives into production.
 */
@Component
@Order(100)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final UserRepository repository;
    private final OrgService orgs;
    private final SecurityProperties props;
    private final TransactionTemplate tx;

    AdminBootstrap(UserService users, UserRepository repository, OrgService orgs, SecurityProperties props, TransactionTemplate tx) {
        this.users = users;
        this.repository = repository;
        this.orgs = orgs;
        this.props = props;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        String password = tx.execute(s -> {
            DataScope system = DataScope.system();
            long rootOrg = orgs.roots(system).stream().findFirst().map(o -> o.id()).orElseGet(() -> {
                OrgForm root = new OrgForm();
                root.setName(props.rootOrgName());
                root.setKind(OrgKind.COMMITTEE);
                root.setLevel(OrgLevel.PROVINCE);
                return orgs.create(system, root);
            });
            UserForm admin = new UserForm();
            admin.setUsername("admin");
            admin.setDisplayName("系统管理员");
            admin.setOrgId(rootOrg);
            admin.setRoles(EnumSet.of(Role.ADMIN));
            String given = props.adminInitialPassword();
            String pw = users.create(system, admin, given == null || given.isBlank() ? null : given);
            repository.findByLogin("admin").ifPresent(u -> repository.setPassword(u.id(), u.passwordHash(), true));
            return given == null || given.isBlank() ? pw : null;
        });
        if (password != null) {
            log.warn("\n\n  First administrator created: username 'admin', one-time password: {}\n"
                    + "  It must be changed at the first login. This is the only time it is shown.\n", password);
        } else {
            log.warn("First administrator 'admin' created with the configured initial password; it must be changed at the first login.");
        }
    }
}
