package cn.zhutui.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates an API request by its "Authorization: Bearer zt_…" token; a disabled account's tokens do not work. */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final UserRepository users;

    ApiTokenFilter(ApiTokenService tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.userOf(header.substring(7).trim())
                    .flatMap(users::find)
                    // a lock-out after failed web logins guards the password, not the tokens: anyone who
                    // knows a username could otherwise cut off that user's integrations
                    .filter(UserAccount::enabled)
                    .ifPresent(u -> {
                        // the account just read serves the request's scope too (read once, not twice)
                        request.setAttribute(CurrentScope.ACCOUNT, u);
                        ZhutuiUserDetails details = new ZhutuiUserDetails(u);
                        SecurityContextHolder.getContext().setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
                    });
        }
        chain.doFilter(request, response);
    }
}
