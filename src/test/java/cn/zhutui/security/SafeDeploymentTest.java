package cn.zhutui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Role;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Passwords to 等保 level 3, API tokens that follow the account, the headers a browser needs, HTTPS behind a proxy. */
@IntegrationTest
class SafeDeploymentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    String newUser(String password) {
        String name = "pw" + UUID.randomUUID().toString().substring(0, 8);
        UserForm f = new UserForm();
        f.setUsername(name);
        f.setDisplayName("密码测试");
        f.setOrgId(orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id());
        f.setRoles(EnumSet.of(Role.STAFF));
        users.create(scopes.of("admin"), f, password);
        return name;
    }

    @Test
    void weakCommonAndNameBearingPasswordsAreRefused() {
        assertThatThrownBy(() -> newUser("Password1")).isInstanceOf(BusinessException.class).hasMessage("password.common");
        assertThatThrownBy(() -> newUser("Ab1")).isInstanceOf(BusinessException.class).hasMessage("password.length");
        assertThatThrownBy(() -> newUser("alllowercase1")).isInstanceOf(BusinessException.class).hasMessage("password.kinds");
        assertThatThrownBy(() -> newUser("lettersOnlyHere")).isInstanceOf(BusinessException.class).hasMessage("password.kinds");
        String name = newUser("Yun-nan2026ok");
        DataScope me = scopes.of(name);
        assertThatThrownBy(() -> users.changeOwnPassword(me, "Yun-nan2026ok", "X" + name + "9!", "X" + name + "9!"))
                .isInstanceOf(BusinessException.class).hasMessage("password.sameAsUsername");
        assertThat(PasswordPolicy.kinds(PasswordPolicy.generate())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theLastFivePasswordsCannotBeUsedAgain() {
        String name = newUser("First-pass2026");
        DataScope me = scopes.of(name);
        String[] next = {"Second-pass2026", "Third-pass2026", "Fourth-pass2026", "Fifth-pass2026", "Sixth-pass2026"};
        String current = "First-pass2026";
        for (String pw : next) {
            users.changeOwnPassword(me, current, pw, pw);
            current = pw;
        }
        String now = current;
        // the 5 before and including the current one are refused; the first (6 ago) is allowed again
        for (String old : new String[] {"Second-pass2026", "Third-pass2026", "Fourth-pass2026", "Fifth-pass2026"}) {
            assertThatThrownBy(() -> users.changeOwnPassword(me, now, old, old)).isInstanceOf(BusinessException.class).hasMessage("password.reused");
        }
        assertThatThrownBy(() -> users.changeOwnPassword(me, now, now, now)).isInstanceOf(BusinessException.class).hasMessage("password.unchanged");
        users.changeOwnPassword(me, now, "First-pass2026", "First-pass2026");
    }

    @Test
    void anExpiredPasswordMustBeChangedFirstWhenExpiryIsOn() throws Exception {
        // expiry is off by default: an old password alone does not block anyone
        String name = newUser("Old-enough2026");
        jdbc.sql("UPDATE app_user SET password_changed_at = now() - interval '400 days', must_change_password = false WHERE username = :u")
                .param("u", name).update();
        mvc.perform(get("/").with(user(userDetails.loadUserByUsername(name)))).andExpect(status().isOk());
        // with zhutui.security.password-max-age-days=90 the same account must change it
        CurrentScope withExpiry = new CurrentScope(null, null, null, new SecurityProperties(null, null, null, null, 90, null));
        UserAccount account = users.get(scopes.of("admin"), users.search(scopes.of("admin"), name, cn.zhutui.common.PageRequest.of(1, 1)).items().get(0).id());
        assertThat(withExpiry.expired(account)).isTrue();
        assertThat(new CurrentScope(null, null, null, new SecurityProperties(null, null, null, null, 500, null)).expired(account)).isFalse();
    }

    @Test
    void aResetOrADisabledAccountRevokesItsTokensAndFailedLoginsDoNot() throws Exception {
        String name = newUser("Token-user2026");
        DataScope me = scopes.of(name);
        String token = tokens.create(me, "对接", 30);
        mvc.perform(get("/api/v1/entries").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        // five bad web logins lock the password login, not the integration
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(name).password("wrong" + i)).andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin().user(name).password("Token-user2026")).andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/api/v1/entries").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        // a reset revokes
        long id = users.search(scopes.of("admin"), name, cn.zhutui.common.PageRequest.of(1, 1)).items().get(0).id();
        users.resetPassword(scopes.of("admin"), id);
        mvc.perform(get("/api/v1/entries").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // an administrator revokes any user's tokens
        String second = tokens.create(me, "对接2", 30);
        assertThat(users.revokeTokens(scopes.of("admin"), id)).isEqualTo(1);
        mvc.perform(get("/api/v1/entries").header("Authorization", "Bearer " + second)).andExpect(status().isUnauthorized());
        // disabling revokes
        String third = tokens.create(me, "对接3", 30);
        UserForm off = UserForm.of(users.get(scopes.of("admin"), id));
        off.setEnabled(false);
        users.update(scopes.of("admin"), id, off);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = :u AND NOT revoked").param("u", id).query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/entries").header("Authorization", "Bearer " + third)).andExpect(status().isUnauthorized());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-eval"))))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", org.hamcrest.Matchers.containsString("geolocation=(self)")))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/api/v1/entries")).andExpect(status().isUnauthorized())
                .andExpect(header().exists("Content-Security-Policy"));
        // over HTTPS (as behind the proxy) HSTS is sent
        mvc.perform(get("/login").secure(true)).andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
    }

    @Test
    void behindAnHttpsProxyCookiesAreSecureAndLinksHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/entries"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "zhutui.example.cn").header("X-Forwarded-Port", "443").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.statusCode()).isEqualTo(302);
        assertThat(proxied.headers().firstValue("Location").orElseThrow()).isEqualTo("https://zhutui.example.cn/login");
        assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        HttpResponse<String> direct = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/entries")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void theApiDocsOpenForALoggedInUser() throws Exception {
        mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        var staff = user(userDetails.loadUserByUsername("luquan.staff"));
        String target = mvc.perform(get("/api/docs").with(staff)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(target).contains("swagger-ui");
        mvc.perform(get(target.replaceAll("\\?.*", "")).with(staff)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("swagger")));
        mvc.perform(get("/api/openapi.json/swagger-config").with(staff)).andExpect(status().isOk());
        mvc.perform(get("/api/openapi.json")).andExpect(status().isOk());
    }
}
