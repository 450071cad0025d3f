package cn.zhutui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.audit.AuditQuery;
import cn.zhutui.audit.AuditService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Role;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class WebSecurityTest {

    static final String DEMO_PASSWORD = "Zhutui2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    OrgService orgs;
    @Autowired
    MemberService members;
    @Autowired
    UserService users;
    @Autowired
    AuditService audit;
    @Autowired
    Scopes scopes;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    Org committee(String region) {
        return orgs.committeeOfRegion(region).orElseThrow();
    }

    long memberOf(String region) {
        return members.search(scopes.of("admin"), new MemberQuery(committee(region).id(), false, null, null, null, true), PageRequest.of(1, 1))
                .items().get(0).member().id();
    }

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/orgs")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或手机号")));
    }

    @Test
    void loginByUsernameOrPhoneAndAWrongPasswordIsRefused() throws Exception {
        String name = "phone" + UUID.randomUUID().toString().substring(0, 8);
        createUser(name, "19933330" + String.format("%03d", Math.abs(name.hashCode()) % 1000), "Shan-gao7Liu");
        mvc.perform(formLogin().user(name).password("Shan-gao7Liu")).andExpect(redirectedUrl("/"));
        UserAccount account = users.get(DataScope.system(), idOf(name));
        mvc.perform(formLogin().user(account.phone()).password("Shan-gao7Liu")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user(name).password("wrong-password")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin().user("nobody-at-all").password("x")).andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void fiveFailuresLockTheAccountAndAnAdminUnlocksIt() throws Exception {
        String name = "lock" + UUID.randomUUID().toString().substring(0, 8);
        createUser(name, null, "Shan-gao7Liu");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(name).password("bad" + i)).andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin().user(name).password("Shan-gao7Liu")).andExpect(redirectedUrl("/login?error=locked"));
        // without the right password the page does not tell that the account exists, let alone is locked
        mvc.perform(formLogin().user(name).password("still-wrong")).andExpect(redirectedUrl("/login?error=bad"));
        users.unlock(DataScope.system(), idOf(name));
        mvc.perform(formLogin().user(name).password("Shan-gao7Liu")).andExpect(redirectedUrl("/"));
        var log = audit.search(DataScope.system(), new AuditQuery(name, "LOGIN_FAILED", null, null, null, null), PageRequest.of(1, 50));
        assertThat(log.total()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anExpiredLockStartsTheCountAgain() throws Exception {
        String name = "relock" + UUID.randomUUID().toString().substring(0, 8);
        createUser(name, null, "Shan-gao7Liu");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(name).password("bad" + i));
        }
        jdbc.sql("UPDATE app_user SET locked_until = now() - interval '1 minute' WHERE username = :u").param("u", name).update();
        mvc.perform(formLogin().user(name).password("one-more-typo")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(formLogin().user(name).password("Shan-gao7Liu")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aFailedLoginByPhoneDoesNotPutThePhoneNumberInTheLog() throws Exception {
        mvc.perform(formLogin().user("13912345678").password("x")).andExpect(redirectedUrl("/login?error=bad"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE username LIKE '%13912345678%'").query(Long.class).single()).isZero();
        assertThat(audit.search(scopes.of("admin"), new AuditQuery("139****5678", "LOGIN_FAILED", null, null, null, null), PageRequest.of(1, 5)).total())
                .isPositive();
    }

    @Test
    void theImportPagesOpen() throws Exception {
        mvc.perform(get("/members/import").with(as("luquan.staff"))).andExpect(status().isOk());
        mvc.perform(get("/regions/import").with(as("admin"))).andExpect(status().isOk());
    }

    @Test
    void aCountyAdminCannotGiveACadreAnotherCountysRegion() {
        String name = "cadm" + UUID.randomUUID().toString().substring(0, 8);
        createUser(name, null, "Shan-gao7Liu", EnumSet.of(Role.ADMIN));
        DataScope countyAdmin = scopes.of(name);
        // a region-less child org does not open the door either
        cn.zhutui.org.OrgForm team = form(committee(DemoAccounts.LUQUAN).id(), "无区划工作队" + UUID.randomUUID().toString().substring(0, 4));
        team.setRegionCode(null);
        long teamId = orgs.create(countyAdmin, team);
        UserForm cadre = new UserForm();
        cadre.setUsername("cadre" + UUID.randomUUID().toString().substring(0, 6));
        cadre.setDisplayName("越界干部");
        cadre.setOrgId(teamId);
        cadre.setRoles(EnumSet.of(Role.CADRE));
        cadre.setRegionCode("532329101");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.create(countyAdmin, cadre, null))
                .isInstanceOf(cn.zhutui.common.BusinessException.class).hasMessage("user.region.outside");
        cadre.setRegionCode(DemoAccounts.LUQUAN_TOWNSHIP);
        users.create(countyAdmin, cadre, null);
        // nor can an org claim a region outside its parent's
        cn.zhutui.org.OrgForm claim = form(committee(DemoAccounts.LUQUAN).id(), "越界小组" + UUID.randomUUID().toString().substring(0, 4));
        claim.setRegionCode(DemoAccounts.WUDING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> orgs.create(countyAdmin, claim))
                .isInstanceOf(cn.zhutui.common.BusinessException.class).hasMessage("org.region.outside");
    }

    @Test
    void aCountyUserGets404ForAnotherCountysOrgsAndMembers() throws Exception {
        long wuding = committee(DemoAccounts.WUDING).id();
        mvc.perform(get("/orgs/" + wuding).with(as("luquan.staff"))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("不在您的权限范围内")));
        mvc.perform(get("/orgs/" + wuding + "/edit").with(as("luquan.staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/orgs/" + wuding).with(as("luquan.staff")).with(csrf())
                        .param("name", "改名").param("kind", "COMMITTEE").param("level", "COUNTY").param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/members/" + memberOf(DemoAccounts.WUDING)).with(as("luquan.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/orgs/" + committee(DemoAccounts.LUQUAN).id()).with(as("luquan.staff"))).andExpect(status().isOk());
        assertThat(orgs.get(DataScope.system(), wuding).name()).isEqualTo("武定县政协");
    }

    @Test
    void aMemberCannotEditAnotherMemberNorThemselves() throws Exception {
        long self = scopes.of("member.demo").memberId();
        long other = memberOf(DemoAccounts.WUDING);
        mvc.perform(get("/members/" + self).with(as("member.demo"))).andExpect(status().isOk());
        mvc.perform(get("/members/" + other).with(as("member.demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + other + "/edit").with(as("member.demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/members/" + other).with(as("member.demo")).with(csrf()).param("name", "篡改").param("version", "0")
                .param("memberships[0].orgId", String.valueOf(committee(DemoAccounts.LUQUAN).id())).param("memberships[0].position", "MEMBER"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/" + self).with(as("member.demo")).with(csrf()).param("name", "改自己").param("version", "0")
                .param("memberships[0].orgId", String.valueOf(committee(DemoAccounts.LUQUAN).id())).param("memberships[0].position", "MEMBER"))
                .andExpect(status().isForbidden());
        assertThat(members.get(DataScope.system(), other).name()).isNotEqualTo("篡改");
        mvc.perform(get("/members").with(as("member.demo"))).andExpect(redirectedUrl("/members/" + self));
    }

    @Test
    void writesWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/orgs").with(as("luquan.staff")).param("name", "x")).andExpect(status().isForbidden());
    }

    @Test
    void adminPagesAreForAdminsOnly() throws Exception {
        mvc.perform(get("/admin/users").with(as("luquan.staff"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(as("luquan.reviewer"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/admin/audit").with(as("admin"))).andExpect(status().isOk());
    }

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String name = "reset" + UUID.randomUUID().toString().substring(0, 8);
        createUser(name, null, "Shan-gao7Liu");
        String temporary = users.resetPassword(DataScope.system(), idOf(name));
        mvc.perform(formLogin().user(name).password("Shan-gao7Liu")).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/orgs").with(as(name))).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").with(as(name)).with(csrf())
                        .param("oldPassword", temporary).param("newPassword", "short").param("confirm", "short"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("密码须为8到64位")));
        mvc.perform(post("/account/password").with(as(name)).with(csrf())
                        .param("oldPassword", temporary).param("newPassword", "NewSecret456").param("confirm", "NewSecret456"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/orgs").with(as(name))).andExpect(status().isOk());
        mvc.perform(formLogin().user(name).password("NewSecret456")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aCountyAdminCannotCreateUsersAboveItsScope() {
        String name = "cadmin" + UUID.randomUUID().toString().substring(0, 8);
        createUser(name, null, "Shan-gao7Liu", EnumSet.of(Role.ADMIN));
        DataScope countyAdmin = scopes.of(name);
        UserForm f = new UserForm();
        f.setUsername("escalate" + UUID.randomUUID().toString().substring(0, 6));
        f.setDisplayName("越权用户");
        f.setOrgId(orgs.roots(DataScope.system()).get(0).id());
        f.setRoles(EnumSet.of(Role.ADMIN));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.create(countyAdmin, f, null))
                .isInstanceOf(cn.zhutui.common.NotFoundException.class);
        assertThat(users.search(countyAdmin, null, PageRequest.of(1, 100)).items())
                .allMatch(u -> orgs.find(u.orgId()).orElseThrow().path().startsWith(committee(DemoAccounts.LUQUAN).path()));
    }

    @Test
    void createAndUpdateAreAuditedWithBeforeAndAfter() throws Exception {
        String name = "审计组" + UUID.randomUUID().toString().substring(0, 6);
        long parent = committee(DemoAccounts.LUQUAN).id();
        mvc.perform(post("/orgs").with(as("luquan.staff")).with(csrf()).param("parentId", String.valueOf(parent))
                .param("name", name).param("kind", "GROUP").param("level", "COUNTY").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        Org created = orgs.search(scopes.of("luquan.staff"), name, 1).get(0);
        mvc.perform(post("/orgs/" + created.id()).with(as("luquan.staff")).with(csrf())
                .param("name", name).param("kind", "GROUP").param("level", "COUNTY").param("remark", "新备注")
                .param("version", String.valueOf(created.version())))
                .andExpect(status().is3xxRedirection());
        var entries = audit.history("org", created.id());
        assertThat(entries).extracting(e -> e.action()).containsExactly("CREATE", "UPDATE");
        assertThat(entries.get(0).username()).isEqualTo("luquan.staff");
        assertThat(entries.get(1).changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("remark");
            assertThat(c.before()).isNull();
            assertThat(c.after()).isEqualTo("新备注");
        });
    }

    @Test
    void aStaleFormGetsAConflictPageAndKeepsTheFirstSave() throws Exception {
        String name = "并发组" + UUID.randomUUID().toString().substring(0, 6);
        long id = orgs.create(scopes.of("luquan.staff"), form(committee(DemoAccounts.LUQUAN).id(), name));
        mvc.perform(post("/orgs/" + id).with(as("luquan.staff")).with(csrf()).param("name", name).param("kind", "GROUP")
                .param("level", "COUNTY").param("remark", "先保存").param("version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/orgs/" + id).with(as("luquan.staff")).with(csrf()).param("name", name).param("kind", "GROUP")
                        .param("level", "COUNTY").param("remark", "后保存").param("version", "0"))
                .andExpect(status().isConflict()).andExpect(content().string(org.hamcrest.Matchers.containsString("已被他人修改")));
        assertThat(orgs.get(DataScope.system(), id).remark()).isEqualTo("先保存");
    }

    @Test
    void errorsSpeakEnglishWhenAsked() throws Exception {
        mvc.perform(get("/orgs/999999999").with(as("luquan.staff")).param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("outside your scope")));
    }

    private static cn.zhutui.org.OrgForm form(long parent, String name) {
        cn.zhutui.org.OrgForm f = new cn.zhutui.org.OrgForm();
        f.setParentId(parent);
        f.setName(name);
        f.setKind(cn.zhutui.org.OrgKind.GROUP);
        f.setLevel(cn.zhutui.org.OrgLevel.COUNTY);
        return f;
    }

    private void createUser(String name, String phone, String password) {
        createUser(name, phone, password, EnumSet.of(Role.STAFF));
    }

    private void createUser(String name, String phone, String password, EnumSet<Role> roles) {
        UserForm f = new UserForm();
        f.setUsername(name);
        f.setPhone(phone);
        f.setDisplayName("测试用户");
        f.setOrgId(committee(DemoAccounts.LUQUAN).id());
        f.setRoles(roles);
        users.create(DataScope.system(), f, password);
    }

    private long idOf(String username) {
        return scopes.of(username).userId();
    }
}
