package cn.zhutui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Role;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerStatsService;
import cn.zhutui.ledger.StatGroup;
import cn.zhutui.ledger.StatQuery;
import cn.zhutui.ledger.imports.LedgerImportJob;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The scope gaps found by the security review, each closed: out of scope answers 404, as elsewhere. */
@IntegrationTest
class ScopeGapsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    UserService users;
    @Autowired
    OrgService orgs;
    @Autowired
    MemberService members;
    @Autowired
    JobService jobs;
    @Autowired
    LedgerImportJob importJob;
    @Autowired
    LedgerStatsService stats;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    String userIn(long orgId, Role... roles) {
        String name = "scope" + UUID.randomUUID().toString().substring(0, 8);
        UserForm f = new UserForm();
        f.setUsername(name);
        f.setDisplayName("范围测试");
        f.setOrgId(orgId);
        f.setRoles(EnumSet.copyOf(java.util.List.of(roles)));
        users.create(scopes.of("admin"), f, "Scope-test2026");
        return name;
    }

    @Test
    void aJobAndItsFileBelongToItsOwnersScope() throws Exception {
        long id = importJob.start(scopes.of("luquan.staff"), fx.structure().campaign().id(),
                new ByteArrayInputStream("不是表格".getBytes(StandardCharsets.UTF_8)), "x.csv", false, Locale.SIMPLIFIED_CHINESE);
        String wudingAdmin = userIn(orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow().id(), Role.ADMIN);
        String kunmingAdmin = userIn(orgs.committeeOfRegion("5301").orElseThrow().id(), Role.ADMIN);
        assertThatThrownBy(() -> jobs.get(scopes.of(wudingAdmin), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.get(scopes.of("wuding.staff"), id)).isInstanceOf(NotFoundException.class);
        assertThat(jobs.get(scopes.of(kunmingAdmin), id).id()).isEqualTo(id);
        assertThat(jobs.get(scopes.of("luquan.staff"), id).id()).isEqualTo(id);
        mvc.perform(get("/entries/import/jobs/" + id).with(as(wudingAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/entries/import/jobs/" + id + "/errors").with(as(wudingAdmin))).andExpect(status().isNotFound());
    }

    @Test
    void theLedgersMemberFilterNamesOnlyMembersInScope() throws Exception {
        long luquanMember = fx.membersOf(DemoAccounts.LUQUAN).get(0);
        String name = members.find(luquanMember).orElseThrow().name();
        mvc.perform(get("/entries?memberId=" + luquanMember).with(as("luquan.staff"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));
        mvc.perform(get("/entries?memberId=" + luquanMember).with(as("wuding.staff"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(name))));
    }

    @Test
    void aUserOfAnOfficeSeesItsOwnFiguresNotTheCommitteeAbove() throws Exception {
        Org luquan = orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow();
        OrgForm office = new OrgForm();
        office.setParentId(luquan.id());
        office.setName("禄劝县政协办公室" + UUID.randomUUID().toString().substring(0, 4));
        office.setKind(OrgKind.OFFICE);
        office.setLevel(OrgLevel.COUNTY);
        long officeId = orgs.create(scopes.of("luquan.staff"), office);
        String clerk = userIn(officeId, Role.STAFF);
        mvc.perform(get("/reports").with(as(clerk))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(office.getName())));
        mvc.perform(get("/dashboard").with(as(clerk))).andExpect(status().isOk());
        // the committee above is out of the office's scope: not on its pages, not reachable by id
        mvc.perform(get("/periods").with(as(clerk))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("submit-period"))));
        mvc.perform(get("/reports/submissions").with(as(clerk))).andExpect(status().isOk());
        mvc.perform(get("/reports?orgId=" + luquan.id()).with(as(clerk))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/submissions?orgId=" + luquan.id()).with(as(clerk))).andExpect(status().isNotFound());
    }

    @Test
    void theStatisticsAreReadOnlyWithinTheCallersScope() {
        long campaign = fx.structure().campaign().id();
        String province = orgs.get(scopes.of("admin"), scopes.of("admin").orgId()).path();
        StatQuery all = new StatQuery(campaign, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), false, province, null, null, null, null);
        assertThat(stats.sums(scopes.of("province.staff"), all, StatGroup.TOTAL, 0)).isNotEmpty();
        assertThatThrownBy(() -> stats.sums(scopes.of("luquan.staff"), all, StatGroup.TOTAL, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stats.members(scopes.of("luquan.staff"), all, StatGroup.TOTAL, 0)).isInstanceOf(NotFoundException.class);
        StatQuery none = all.underUnit(null);
        assertThatThrownBy(() -> stats.sums(scopes.of("province.staff"), none, StatGroup.TOTAL, 0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stats.sums(scopes.of("member.demo"), all, StatGroup.TOTAL, 0)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void periodsAndTargetsCheckPermissions() throws Exception {
        long campaign = fx.structure().campaign().id();
        mvc.perform(get("/periods").with(as("member.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/periods").with(as("cadre.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/periods").with(as("luquan.staff"))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + campaign + "/targets").with(as("member.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/" + campaign + "/targets").with(as("cadre.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/" + campaign + "/targets").with(as("leader"))).andExpect(status().isOk());
    }

    @Test
    void anUploadIsRefusedBeforeItIsStored() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single();
        MockMultipartFile file = new MockMultipartFile("file", "台账.csv", "text/csv", "标题,开始日期\n".repeat(2000).getBytes(StandardCharsets.UTF_8));
        long campaign = fx.structure().campaign().id();
        mvc.perform(multipart("/entries/import").file(file).param("campaignId", String.valueOf(campaign)).with(csrf()).with(as("member.demo")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/entries/import").file(file).param("campaignId", String.valueOf(campaign)).with(csrf()).with(as("cadre.demo")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/entries/import").file(file).param("campaignId", String.valueOf(campaign)).with(csrf()).with(as("leader")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anotherCountysListAndExportAnswerNotFound() throws Exception {
        long wuding = orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow().id();
        mvc.perform(get("/entries?orgId=" + wuding).with(as("luquan.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/entries/export?orgId=" + wuding).with(as("luquan.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/members/export?orgId=" + wuding).with(as("luquan.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/reports/table.xlsx?orgId=" + wuding).with(as("luquan.staff"))).andExpect(status().isNotFound());
    }
}
