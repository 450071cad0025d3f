package cn.zhutui.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Everything that leaves the platform, and every unmasked phone shown, is in the audit log. */
@IntegrationTest
class ExportAuditTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberService members;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;

    long logged(String username, String action, String entityType) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE username = :u AND action = :a AND entity_type = :t")
                .param("u", username).param("a", action).param("t", entityType).query(Long.class).single();
    }

    @Test
    void reportFilesAndPrintsAndRostersAreLogged() throws Exception {
        var staff = user(users.loadUserByUsername("kunming.staff"));
        long exports = logged("kunming.staff", "EXPORT", "report");
        long prints = logged("kunming.staff", "PRINT", "report");
        long rosters = logged("kunming.staff", "EXPORT", "member");
        mvc.perform(get("/reports/table.xlsx?periodId=2024").with(staff)).andExpect(status().isOk());
        mvc.perform(get("/reports/summary.docx?periodId=2024").with(staff)).andExpect(status().isOk());
        mvc.perform(get("/reports/print?periodId=2024").with(staff)).andExpect(status().isOk());
        mvc.perform(get("/members/export").with(staff)).andExpect(status().isOk());
        assertThat(logged("kunming.staff", "EXPORT", "report")).isEqualTo(exports + 2);
        assertThat(logged("kunming.staff", "PRINT", "report")).isEqualTo(prints + 1);
        assertThat(logged("kunming.staff", "EXPORT", "member")).isEqualTo(rosters + 1);
        assertThat(jdbc.sql("SELECT summary FROM audit_log WHERE username = 'kunming.staff' AND action = 'EXPORT' AND entity_type = 'member' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).contains("手机号未遮盖");
    }

    @Test
    void theMemberEditFormShowingThePhoneIsLogged() throws Exception {
        long member = members.search(scopes.of("luquan.staff"), new MemberQuery(orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow().id(),
                false, null, null, null, true), PageRequest.of(1, 1)).items().get(0).member().id();
        long before = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'VIEW_PII' AND entity_id = :id").param("id", String.valueOf(member))
                .query(Long.class).single();
        mvc.perform(get("/members/" + member + "/edit").with(user(users.loadUserByUsername("luquan.staff")))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'VIEW_PII' AND entity_id = :id").param("id", String.valueOf(member))
                .query(Long.class).single()).isEqualTo(before + 1);
    }
}
