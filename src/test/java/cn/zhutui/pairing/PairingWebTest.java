package cn.zhutui.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.Masking;
import cn.zhutui.common.PeriodType;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.HouseholdView;
import cn.zhutui.org.OrgKind;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Pdf;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page of the module renders for the roles that use it; another county gets 404 on read,
 * write and export; exports mask personal data unless asked by a role that needs it, and are
 * audited; the phone's endpoint records a visit once per key; the circular prints.
 */
@IntegrationTest
class PairingWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PairingFixtures fx;
    @Autowired
    HouseholdService households;
    @Autowired
    PairingService pairings;
    @Autowired
    VisitService visits;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    @Test
    void everyPageRendersForTheOfficeTheMemberAndTheCadre() throws Exception {
        long group = fx.org(OrgKind.GROUP);
        long member = fx.member(group);
        long h = fx.household(Household.TUOPIN);
        long p = fx.memberPairing(group, member, h, LocalDate.of(2025, 1, 1), null);
        long village = fx.villagePairing(group, LocalDate.of(2025, 1, 1));
        long v = visits.record(fx.staff(), PairingFixtures.visit(p, LocalDate.of(2025, 5, 5), 2, 1, "1.5", 0), List.of(), VisitSource.WEB, null);
        long template = jdbc.sql("SELECT id FROM pairing_duty_template WHERE org_id IS NULL AND kind = 'MEMBER_HOUSEHOLD'").query(Long.class).single();
        List<String> pages = List.of("/households", "/households/" + h, "/households/new", "/households/" + h + "/edit", "/households/duplicates",
                "/households/import", "/households/pick?q=户", "/households?tag=TUOPIN&regionCode=530128", "/pairings", "/pairings/" + p,
                "/pairings/" + village, "/pairings/" + p + "/edit", "/pairings/one-plus-one", "/pairings/compliance",
                "/pairings/compliance?orgId=" + group + "&period=2025Q2", "/pairings/compliance/member/" + member + "?period=2025Q2",
                "/pairings/compliance/circular?period=2025Q2", "/pairings/figures", "/pairings/figures?period=2025&groupBy=county",
                "/pairings/figures?period=2025&groupBy=kind", "/pairings/templates", "/pairings/templates/" + template, "/pairings/industries",
                "/pairings/import", "/pairings/import/template", "/visits", "/visits/" + v, "/visits/" + v + "/edit", "/field/", "/field/visit?pairing=" + p, "/field/pairings/" + p,
                "/pairings/household-panel/" + h);
        for (String page : pages) {
            mvc.perform(get(page).with(as("luquan.staff"))).andExpect(status().isOk());
        }
        for (PairingKind kind : PairingKind.values()) {
            mvc.perform(get("/pairings/new?kind=" + kind).with(as("luquan.staff"))).andExpect(status().isOk());
        }
        mvc.perform(get("/field/manifest.webmanifest").with(as("member.demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("/field/")).andExpect(jsonPath("$.start_url").value("/field/"));
        long demoPairing = pairings.mine(scopes.of("member.demo")).get(0).pairing().id();
        long demoHousehold = pairings.get(scopes.of("member.demo"), demoPairing).householdId();
        for (String page : List.of("/field/", "/field/visit", "/field/pairings/" + demoPairing, "/visits", "/households/" + demoHousehold,
                "/pairings/" + demoPairing)) {
            mvc.perform(get(page).with(as("member.demo"))).andExpect(status().isOk());
        }
        // the member sees their household masked and cannot reveal its numbers
        mvc.perform(get("/households/" + demoHousehold).with(as("member.demo"))).andExpect(content().string(
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("reveal-id"))));
        mvc.perform(get("/households/" + demoHousehold + "/id-number/" + households.get(fx.staff(), demoHousehold).headPersonId())
                .with(as("member.demo"))).andExpect(status().isForbidden());
        // but not another household, nor the office pages
        mvc.perform(get("/households/" + h).with(as("member.demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/pairings/compliance").with(as("member.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/pairings/import").with(as("member.demo"))).andExpect(status().isForbidden());
        for (String page : List.of("/field/", "/households", "/pairings", "/visits")) {
            mvc.perform(get(page).with(as("cadre.demo"))).andExpect(status().isOk());
        }
    }

    @Test
    void anotherCountyGetsNotFoundOnReadWriteAndExport() throws Exception {
        long group = fx.org(OrgKind.GROUP);
        long h = fx.household(Household.TUOPIN);
        long p = fx.memberPairing(group, fx.member(group), h, LocalDate.of(2025, 1, 1), null);
        long v = visits.record(fx.staff(), PairingFixtures.visit(p, LocalDate.of(2025, 5, 5), 1, 1, "0", 0), List.of(), VisitSource.WEB, null);
        long luquan = fx.luquan();
        int version = pairings.get(fx.staff(), p).version();
        // read
        for (String page : List.of("/pairings/" + p, "/visits/" + v, "/households/" + h, "/field/pairings/" + p, "/pairings/compliance?orgId=" + luquan,
                "/pairings/figures?orgId=" + luquan, "/pairings/household-panel/" + h, "/households/" + h + "/phone")) {
            mvc.perform(get(page).with(as("wuding.staff"))).andExpect(status().isNotFound());
        }
        // write
        mvc.perform(post("/pairings/" + p + "/end").with(as("wuding.staff")).with(csrf()).param("version", String.valueOf(version))
                .param("endDate", "2025-06-30").param("endReason", "x")).andExpect(status().isNotFound());
        mvc.perform(post("/pairings/" + p + "/duties").with(as("wuding.staff")).with(csrf()).param("itemId", "1").param("period", "2025Q2")
                .param("evidence", "VISIT").param("visitId", String.valueOf(v))).andExpect(status().isNotFound());
        mvc.perform(post("/visits/" + v + "/delete").with(as("wuding.staff")).with(csrf()).param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/households/" + h + "/goals").with(as("wuding.staff")).with(csrf()).param("period", "2025Q2")).andExpect(status().isNotFound());
        mvc.perform(multipart("/field/visits.json").with(as("wuding.staff")).with(csrf()).param("pairingId", String.valueOf(p))
                .param("visitDate", "2025-05-06").param("idempotencyKey", UUID.randomUUID().toString())).andExpect(status().isNotFound());
        // export
        mvc.perform(get("/pairings/export?orgId=" + luquan).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/visits/export?orgId=" + luquan).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/households/export?regionCode=" + DemoAccounts.LUQUAN).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/pairings/compliance/circular.docx?orgId=" + luquan).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/pairings/figures/export?period=2025&orgId=" + luquan).with(as("wuding.staff"))).andExpect(status().isNotFound());
        // nothing changed
        assertThat(pairings.get(fx.staff(), p).version()).isEqualTo(version);
    }

    @Test
    void theHouseholdExportIsMaskedUnlessARoleThatNeedsItAsksAndEitherWayItIsAudited() throws Exception {
        long h = fx.household(Household.SHIFAN);
        HouseholdView view = households.view(fx.staff(), h);
        String clearId = households.revealIdNumber(fx.staff(), h, view.household().headPersonId());
        long exports = count("EXPORT");
        long views = count("VIEW_PII");

        byte[] masked = mvc.perform(get("/households/export?regionCode=" + PairingFixtures.VILLAGE).with(as("luquan.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(masked)).contains(Masking.idNumber(clearId), "139****1234").doesNotContain(clearId, "13900001234");
        assertThat(count("EXPORT")).isEqualTo(exports + 1);
        assertThat(count("VIEW_PII")).isEqualTo(views);

        byte[] clear = mvc.perform(get("/households/export?regionCode=" + PairingFixtures.VILLAGE + "&unmasked=true").with(as("luquan.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(clear)).contains(clearId, "13900001234");
        assertThat(count("EXPORT")).isEqualTo(exports + 2);
        assertThat(count("VIEW_PII")).isEqualTo(views + 1);

        // a reviewer (no need for the numbers) cannot ask for them
        mvc.perform(get("/households/export?unmasked=true").with(as("luquan.reviewer"))).andExpect(status().isForbidden());
        // revealing on the page is a click that is audited, and only for those roles
        mvc.perform(get("/households/" + h + "/id-number/" + view.household().headPersonId()).with(as("luquan.staff")))
                .andExpect(status().isOk()).andExpect(content().string(clearId));
        assertThat(count("VIEW_PII")).isEqualTo(views + 2);
        mvc.perform(get("/households/" + h + "/phone").with(as("luquan.reviewer"))).andExpect(status().isForbidden());
        // the page itself shows them masked
        mvc.perform(get("/households/" + h).with(as("luquan.staff"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(Masking.idNumber(clearId))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(clearId))));
    }

    @Test
    void thePhonesEndpointRecordsAVisitOncePerKeyAndExplainsARefusalOnItsField() throws Exception {
        var mine = pairings.mine(scopes.of("member.demo")).stream().filter(r -> r.pairing().status(pairings.today()) == PairingStatus.ACTIVE)
                .findFirst().orElseThrow();
        long p = mine.pairing().id();
        String key = UUID.randomUUID().toString();
        long before = visits.visitsByPeriod(scopes.of("member.demo"), p, PeriodType.QUARTER).values().stream().mapToLong(Long::longValue).sum();
        for (int i = 0; i < 2; i++) {
            mvc.perform(multipart("/field/visits.json").with(as("member.demo")).with(csrf()).param("pairingId", String.valueOf(p))
                            .param("visitDate", pairings.today().toString()).param("problemsSolved", "1").param("offline", "true")
                            .param("recordedAt", "2026-01-05T03:04:05Z").param("idempotencyKey", key))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.url").exists());
        }
        long after = visits.visitsByPeriod(scopes.of("member.demo"), p, PeriodType.QUARTER).values().stream().mapToLong(Long::longValue).sum();
        assertThat(after).isEqualTo(before + 1);
        Visit v = visits.search(scopes.of("member.demo"), VisitQuery.all().withPairing(p), cn.zhutui.common.PageRequest.of(1, 1)).items().get(0).visit();
        assertThat(v.source()).isEqualTo(VisitSource.OFFLINE);
        assertThat(v.recordedAt()).isEqualTo(java.time.OffsetDateTime.parse("2026-01-05T03:04:05Z"));
        // a date in the future: refused on its field, in Chinese
        mvc.perform(multipart("/field/visits.json").with(as("member.demo")).with(csrf()).param("pairingId", String.valueOf(p))
                        .param("visitDate", pairings.today().plusDays(3).toString()).param("idempotencyKey", UUID.randomUUID().toString())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("visitDate"))
                .andExpect(jsonPath("$.errors[0].message").value("走访日期不能晚于今天"));
    }

    @Test
    void anUploadStartsItsImportWhosePagesAnswerOnlyUnderTheirOwnImport() throws Exception {
        // an empty file: back to the upload page with the reason
        mvc.perform(multipart("/households/import").file(new org.springframework.mock.web.MockMultipartFile("file", "农户.xlsx",
                        "application/octet-stream", new byte[0])).with(as("luquan.staff")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/households/import"));
        // the template itself: a job starts and its pages open
        byte[] template = mvc.perform(get("/households/import/template").with(as("luquan.staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String job = mvc.perform(multipart("/households/import").file(new org.springframework.mock.web.MockMultipartFile("file", "农户.xlsx",
                        "application/octet-stream", template)).with(as("luquan.staff")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).matches("/households/import/jobs/\\d+");
        mvc.perform(get(job).with(as("luquan.staff"))).andExpect(status().isOk());
        mvc.perform(get(job + "/progress").with(as("luquan.staff"))).andExpect(status().isOk());
        // the same job is no pairing import, and no one else's
        mvc.perform(get(job.replace("/households/", "/pairings/")).with(as("luquan.staff"))).andExpect(status().isNotFound());
        mvc.perform(get(job).with(as("wuding.staff"))).andExpect(status().isNotFound());
    }

    @Test
    void theQuarterlyCircularIsAGbt9704DocumentThatPrints() throws Exception {
        long unit = fx.org(OrgKind.COMMITTEE);
        long m = fx.member(unit);
        long p = fx.memberPairing(unit, m, fx.household(Household.TUOPIN), LocalDate.of(2025, 1, 1), null);
        fx.memberPairing(unit, fx.member(unit), fx.household(Household.SHIFAN), LocalDate.of(2025, 1, 1), null);
        visits.record(fx.staff(), PairingFixtures.visit(p, LocalDate.of(2025, 8, 8), 3, 2, "12.5", 1), List.of(), VisitSource.WEB, null);
        byte[] docx = mvc.perform(get("/pairings/compliance/circular.docx?period=2025Q3&orgId=" + unit).with(as("luquan.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Pdf pdf = Pdf.of(docx, "docx");
        assertThat(pdf.compact()).contains("关于2025年第三季度“三联三促”结对帮扶履职情况的通报", "共有各类结对2个", "联系农户2户", "开展走访1次",
                "帮助解决具体困难2个", "协调资金12.5万元", "走访率50%", "尚有1个结对未走访", "—1—", "—2—", "—3—", "附表", "合计22111");
        // 三号 仿宋 at 22 lines a page (GB/T 9704): the body runs onto a second page; the units' table is attached on a third
        assertThat(pdf.pages()).isEqualTo(3);
        mvc.perform(get("/pairings/compliance/circular?period=2025Q3&orgId=" + unit).with(as("luquan.staff"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("尚有1个结对未走访")));
    }

    private long count(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :a AND username = 'luquan.staff'").param("a", action).query(Long.class).single();
    }

    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getSheetAt(0).forEach(row -> row.forEach(c -> sb.append(c.toString()).append('|')));
        }
        return sb.toString();
    }
}
