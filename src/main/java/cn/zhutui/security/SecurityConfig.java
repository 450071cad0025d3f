package cn.zhutui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class SecurityConfig implements WebMvcConfigurer {

    private static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/error", "/error/**",
            // the API's description is public for clients; its browsable page (/api/docs) needs a login
            "/api/openapi.json", "/api/openapi.json/**",
            // what offices publish for residents (协商在基层 outcomes): read without login
            "/public/**"};

    /**
     * Scripts, styles, images and connections from the app itself only: no inline script (pages
     * use data attributes and JSON blocks), inline styles allowed (Bootstrap's and htmx's), photos
     * previewed from blob: URLs, the app's own service worker.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    private final ScopeArgumentResolver scopeResolver;
    private final CurrentScope current;

    SecurityConfig(ScopeArgumentResolver scopeResolver, CurrentScope current) {
        this.scopeResolver = scopeResolver;
        this.current = current;
    }

    /**
     * The JSON API: stateless, a bearer token on every request, no session and so no CSRF; a
     * missing or bad token answers 401 in JSON. The OpenAPI description is public.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, UserRepository users, Problems problems) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, users),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .headers(this::headers)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response, 401, "error.unauthorized"))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response, 403, "error.forbidden")));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").failureHandler(failureHandler()).defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(this::headers);
        return http.build();
    }

    /** The same headers on every answer; HSTS is sent only over HTTPS (behind the proxy too, see server.forward-headers-strategy). */
    private void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.frameOptions(fo -> fo.sameOrigin())
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("geolocation=(self), camera=(self), microphone=(), payment=(), usb=(), interest-cohort=()"))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /**
     * Checks the password before telling that an account is locked or disabled, so the login page
     * cannot be used to learn which accounts exist.
     */
    @Bean
    org.springframework.security.authentication.dao.DaoAuthenticationProvider authenticationProvider(
            ZhutuiUserDetailsService users, PasswordEncoder encoder) {
        var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("locked");
            }
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        return provider;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Tells the login page why the login failed, without saying whether the user exists. */
    private static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(scopeResolver);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
                if (current.mustChangePassword()) {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                    return false;
                }
                return true;
            }
        }).excludePathPatterns("/account/password", "/logout", "/login", "/error", "/css/**", "/js/**", "/webjars/**", "/api/**");
    }
}
