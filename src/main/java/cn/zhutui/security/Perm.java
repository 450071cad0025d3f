package cn.zhutui.security;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import org.springframework.stereotype.Component;

/** For templates: {@code ${@perm.can('ORG_EDIT')}} shows a button only to those the service would let through. */
@Component("perm")
public class Perm {

    private final CurrentScope current;

    Perm(CurrentScope current) {
        this.current = current;
    }

    public boolean can(String permission) {
        return current.get().map(s -> s.can(Permission.valueOf(permission))).orElse(false);
    }

    public boolean has(String role) {
        return current.get().map(s -> s.has(Role.valueOf(role))).orElse(false);
    }

    public DataScope scope() {
        return current.get().orElse(null);
    }
}
