package cn.zhutui.support;

import cn.zhutui.common.DataScope;
import cn.zhutui.security.CurrentScope;
import org.springframework.stereotype.Component;

/** The DataScope of a demo user, as a request of theirs would get it. */
@Component
public class Scopes {

    private final CurrentScope current;

    Scopes(CurrentScope current) {
        this.current = current;
    }

    public DataScope of(String username) {
        return current.ofUsername(username);
    }
}
