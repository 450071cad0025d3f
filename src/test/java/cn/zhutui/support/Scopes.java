package cn.zhutui.support;

import cn.zhutui.common.DataScope;
import cn.zhutui.security.ApiTokenService;
import cn.zhutui.security.CurrentScope;
import org.springframework.stereotype.Component;

/** The DataScope of a demo user, as a request of theirs would get it, and their API credentials. */
@Component
public class Scopes {

    private final CurrentScope current;
    private final ApiTokenService tokens;

    Scopes(CurrentScope current, ApiTokenService tokens) {
        this.current = current;
        this.tokens = tokens;
    }

    /** An Authorization header value with a new one-day token of the user's. */
    public String bearer(String username) {
        return "Bearer " + tokens.create(of(username), "test", 1);
    }

    public DataScope of(String username) {
        return current.ofUsername(username);
    }
}
