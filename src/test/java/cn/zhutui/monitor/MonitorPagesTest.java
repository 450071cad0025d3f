package cn.zhutui.monitor;

import static cn.zhutui.monitor.MonitorFixtures.clue;
import static cn.zhutui.monitor.MonitorFixtures.review;
import static cn.zhutui.monitor.MonitorFixtures.villageReview;
import static cn.zhutui.monitor.MonitorFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.household.HouseholdService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.io.ByteArrayInputStream;

/**
 * The monitoring pages open for the township cadre and the county office, in Chinese and English;
 * a form sent with broken rules comes back with what was typed and the reasons on the fields; the
 * village notice holds no ID number; another county gets 404.
 */
@IntegrationTest
class MonitorPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    MonitorFixtures fx;
    @Autowired
    MonitorFigures figures;
    @Autowired
    MonitorEvidence evidence;
    @Autowired
    HouseholdService households;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    private Row rowOf(byte[] xlsx, long caseId) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && (long) r.getCell(0).getNumericCellValue() == caseId) {
                    return r;
                }
            }
        }
        return null;
    }

    private byte[] export(String username, String query) throws Exception {
        return mvc.perform(get("/monitor/cases/export" + query).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    @Test
    void theExportMasksIdNumbersUnlessTheRoleMayAndAsksAndIsAudited() throws Exception {
        LocalDate today = fx.today();
        long h = fx.household();
        long id = fx.on(today).report(fx.cadre(), clue(h, today, RiskReason.HOUSING));
        String name = fx.get(id).headName();
        long before = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity_type = 'monitor_case'").query(Long.class).single();
        Row masked = rowOf(export("luquan.staff", "?name=" + name), id);
        assertThat(masked).isNotNull();
        assertThat(masked.getCell(1).getStringCellValue()).isEqualTo(name);
        assertThat(masked.getCell(2).getStringCellValue()).contains("*").isEqualTo(households.maskedIdNumber(fx.staff(), h));
        assertThat(masked.getCell(5).getStringCellValue()).isEqualTo("住房");
        Row clear = rowOf(export("luquan.staff", "?unmasked=true&name=" + name), id);
        assertThat(clear.getCell(2).getStringCellValue()).hasSize(18).doesNotContain("*");
        assertThat(rowOf(export("wuding.staff", ""), id)).as("another county exports none of Luquan's cases").isNull();
        mvc.perform(get("/monitor/cases/export?unmasked=true").with(as("cadre.demo"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT' AND entity_type = 'monitor_case'").query(Long.class).single())
                .isEqualTo(before + 3);
    }

    @Test
    void theDemoShowsCasesAtEveryStepInLuquanAndWuding() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM monitor_clue WHERE source_file = '医保预警名单（第三季度）.xlsx'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM monitor_case WHERE stage = 'ELIM_VILLAGE' AND elim_proposed_on = :d AND township_code = '530128001'")
                .param("d", fx.today()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM monitor_clue l JOIN monitor_case c ON c.id = l.case_id"
                + " WHERE c.county_code = '532329' AND l.description = '自来水管冬季冻裂，吃水困难'").query(Long.class).single()).isEqualTo(1);
        assertThat(page("cadre.demo", "/monitor/cases?overdue=true")).contains("已超期");
    }

    @Test
    void theAdministratorSetsTheLineOfAYearAndTheCadreRecordsWhoWorks() throws Exception {
        mvc.perform(post("/monitor/lines").with(as("admin")).with(csrf()).param("provinceCode", "53").param("year", "2036")
                .param("perHead", "9900").param("note", "测试标准")).andExpect(status().is3xxRedirection());
        assertThat(page("luquan.staff", "/monitor/lines")).contains("2036").contains("9,900").doesNotContain("id=\"line-form\"");
        mvc.perform(post("/monitor/lines").with(as("luquan.staff")).with(csrf()).param("provinceCode", "53").param("year", "2037")
                .param("perHead", "9900")).andExpect(status().isForbidden());

        LocalDate today = fx.today();
        long h = fx.household();
        long id = fx.on(today).report(fx.cadre(), clue(h, today, RiskReason.EMPLOYMENT));
        long person = households.members(fx.staff(), h).get(0).personId();
        mvc.perform(post("/monitor/cases/" + id + "/employment").with(as("cadre.demo")).with(csrf()).param("personId", String.valueOf(person))
                .param("employed", "false")).andExpect(status().is3xxRedirection());
        assertThat(page("cadre.demo", "/monitor/cases/" + id)).contains("id=\"employment\"").contains(">未就业</span>");

        // the signed consent, a photo kept in the shared file store, served after the scope check
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/consent")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "承诺书.png", "image/png", png)).with(as("cadre.demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(fx.get(id).consentFileId()).isNotNull();
        assertThat(mvc.perform(get("/monitor/cases/" + id + "/consent").with(as("luquan.staff"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray()).isEqualTo(png);
        mvc.perform(get("/monitor/cases/" + id + "/consent").with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/monitor/cases/" + id + "/employment").with(as("wuding.staff")).with(csrf()).param("personId", String.valueOf(person))
                .param("employed", "true")).andExpect(status().isNotFound());
    }

    @Test
    void photosOfAFollowUpAndTheProofOfAMeasureStayWithThemAndAreServedOnlyInScope() throws Exception {
        LocalDate today = fx.today();
        long id = fx.includedCase(today.minusDays(40), true);
        long other = fx.includedCase(today.minusDays(40), true);
        fx.on(today).addFollowUp(fx.cadre(), id, MonitorFixtures.followUp(today.minusDays(3), "8800", true));
        long measure = fx.on(today).addMeasure(fx.cadre(), id, MonitorFixtures.measure(MeasureType.DIBAO, today.minusDays(20)));
        long otherMeasure = fx.on(today).addMeasure(fx.cadre(), other, MonitorFixtures.measure(MeasureType.MEDICAL, today.minusDays(20)));
        long followUp = fx.on(today).view(fx.cadre(), id).followUps().get(0).id();
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "入户照片1.png", "image/png", png))
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "入户照片2.png", "image/png", png))
                        .param("followUpId", String.valueOf(followUp)).with(as("cadre.demo")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "monitor.evidence.added"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "低保审批表.pdf", "application/pdf", pdf))
                        .param("measureId", String.valueOf(measure)).with(as("cadre.demo")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "monitor.evidence.added"));
        List<CaseEvidence> files = evidence.ofCase(fx.staff(), id);
        assertThat(files).extracting(CaseEvidence::name).containsExactly("入户照片1.png", "入户照片2.png", "低保审批表.pdf");
        assertThat(files).extracting(CaseEvidence::followUpId).containsExactly(followUp, followUp, null);
        assertThat(files.get(2).measureId()).isEqualTo(measure);
        String casePage = page("luquan.staff", "/monitor/cases/" + id);
        assertThat(casePage).contains("id=\"follow-up-files-" + followUp + "\"").contains("低保审批表.pdf")
                .contains("/monitor/cases/" + id + "/evidence/" + files.get(0).id() + "/thumb");
        assertThat(mvc.perform(get("/monitor/cases/" + id + "/evidence/" + files.get(0).id()).with(as("luquan.staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(png);
        // out of scope, another case's measure, another case's file: not found; a file that is no photo or scan: refused, nothing kept
        mvc.perform(get("/monitor/cases/" + id + "/evidence/" + files.get(0).id()).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/monitor/cases/" + other + "/evidence/" + files.get(0).id()).with(as("luquan.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/monitor/cases/" + id + "/evidence/" + files.get(0).id() + "/thumb").with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/monitor/cases/" + id + "/evidence/" + files.get(0).id() + "/thumb").with(as("luquan.staff"))).andExpect(status().isOk());
        long otherFollowUp = fx.on(today).addFollowUp(fx.cadre(), other, MonitorFixtures.followUp(today.minusDays(3), "8800", true));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.png", "image/png", png))
                        .param("followUpId", String.valueOf(otherFollowUp)).with(as("cadre.demo")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.png", "image/png", png)).with(as("cadre.demo")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.png", "image/png", png))
                        .param("measureId", String.valueOf(otherMeasure)).with(as("cadre.demo")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.png", "image/png", png)).with(as("wuding.staff")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitor/cases/" + id + "/evidence")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "脚本.exe", "application/octet-stream", "MZ....".getBytes()))
                        .param("followUpId", String.valueOf(followUp)).with(as("cadre.demo")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        assertThat(evidence.ofCase(fx.staff(), id)).hasSize(3);
    }

    @Test
    void theScreeningPageOffersTheTemplateAndTheChecks() throws Exception {
        assertThat(page("luquan.staff", "/monitor/screenings")).contains("id=\"screening-form\"").contains("200,000")
                .contains("id=\"screening-template\"").contains("id=\"checks-form\"");
        byte[] template = mvc.perform(get("/monitor/screenings/template").with(as("luquan.staff"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("身份证号*");
        }
        mvc.perform(get("/monitor/screenings/template").with(as("cadre.demo"))).andExpect(status().isForbidden());
    }

    @Test
    void theFiguresOpenForTheProvinceTheCountyAndTheCadre() throws Exception {
        assertThat(page("province.staff", "/monitor/figures")).contains("风险消除率").contains("id=\"figures-table\"");
        assertThat(page("luquan.staff", "/monitor/figures?lang=en")).contains("Elimination rate");
        assertThat(page("cadre.demo", "/monitor/figures")).contains("动态清零");
        mvc.perform(get("/monitor/figures?regionCode=532329").with(as("luquan.staff"))).andExpect(status().isNotFound());
        assertThat(page("luquan.staff", "/monitor/figures?year=2026&span=Q1")).contains("2026年第一季度");
        assertThat(page("luquan.staff", "/monitor/figures?year=2026&span=nonsense")).as("an unknown span: this year to date")
                .contains("id=\"figures-table\"");
    }

    @Test
    void theCircularsTableExportsAndPrintsOnOnePageWide() throws Exception {
        long id = fx.includedCase(fx.today().minusDays(20), true);
        byte[] xlsx = mvc.perform(get("/monitor/figures/export?regionCode=530128&year=" + fx.today().getYear() + "&span=Y").with(as("luquan.staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("禄劝彝族苗族自治县防返贫动态监测情况（" + fx.today().getYear() + "年）");
            assertThat(List.of(sheet.getRow(2).getCell(0).getStringCellValue(), sheet.getRow(2).getCell(1).getStringCellValue(),
                    sheet.getRow(2).getCell(5).getStringCellValue(), sheet.getRow(2).getCell(10).getStringCellValue(),
                    sheet.getRow(2).getCell(11).getStringCellValue()))
                    .containsExactly("地区", "纳入监测", "风险消除率", "动态清零", fx.today().getYear() + "年");
            assertThat(List.of(sheet.getRow(3).getCell(1).getStringCellValue(), sheet.getRow(3).getCell(2).getStringCellValue(),
                    sheet.getRow(3).getCell(11).getStringCellValue(), sheet.getRow(3).getCell(14).getStringCellValue()))
                    .containsExactly("户", "人", "线索", "消除");
            assertThat(sheet.getNumMergedRegions()).as("title, date, 5 two-row heads, 3 pairs, the period's four").isEqualTo(11);
            var total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            MonitorFigures.Figures f = figures.figures(fx.staff(), "530128", cn.zhutui.common.ReportPeriod.of(fx.today().getYear(), "Y"));
            assertThat((long) total.getCell(1).getNumericCellValue()).as("included, as the page").isEqualTo(f.total().included()).isPositive();
            assertThat((long) total.getCell(12).getNumericCellValue()).as("newly included in the year").isEqualTo(f.total().includedInPeriod());
        }
        cn.zhutui.support.Pdf pdf = cn.zhutui.support.Pdf.of(xlsx, "xlsx");
        assertThat(pdf.compact()).contains("防返贫动态监测情况").contains("风险消除率").contains("屏山街道").contains("合计");
        assertThat(pdf.pages()).isEqualTo(1);
        mvc.perform(get("/monitor/figures/export?regionCode=532329").with(as("luquan.staff"))).andExpect(status().isNotFound());
        assertThat(fx.get(id).stage()).isEqualTo(Stage.MONITORED);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theCadreAndTheCountyOfficeOpenEveryPage() throws Exception {
        LocalDate today = fx.today();
        long id = fx.on(today).report(fx.cadre(), clue(fx.household(), today, RiskReason.ILLNESS));
        for (String user : List.of("cadre.demo", "luquan.staff")) {
            for (String lang : List.of("", "?lang=en")) {
                String list = page(user, "/monitor/cases" + lang);
                assertThat(list).contains(fx.get(id).headName());
                page(user, "/monitor/cases?overdue=true" + (lang.isEmpty() ? "" : "&lang=en"));
                page(user, "/monitor/cases?group=county&sort=deadline" + (lang.isEmpty() ? "" : "&lang=en"));
                assertThat(page(user, "/monitor/cases/" + id + lang)).contains(fx.get(id).headName());
                page(user, "/monitor/clues/new" + lang);
            }
        }
        assertThat(page("cadre.demo", "/monitor/cases/" + id)).contains("id=\"visit-form\"").contains("剩15天");
        assertThat(page("cadre.demo", "/")).contains("待入户核实的线索");
        mvc.perform(get("/monitor/cases/" + id).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(post("/monitor/cases/" + id + "/dismiss").with(as("wuding.staff")).with(csrf())
                .param("version", String.valueOf(fx.version(id))).param("reason", "x")).andExpect(status().isNotFound());
    }

    @Test
    void aClueSentWithoutItsRisksComesBackWithWhatWasTyped() throws Exception {
        long h = fx.household();
        String back = mvc.perform(post("/monitor/clues").with(as("cadre.demo")).with(csrf())
                        .param("householdId", String.valueOf(h)).param("channel", "SELF_REPORT").param("description", "突发车祸，医药费花了三万多")
                        .param("reportedOn", fx.today().toString()).param("amount", "32000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(back).contains("请至少选择一种风险类型").contains("突发车祸，医药费花了三万多").contains("32000");
        assertThat(fx.on(fx.today()).casesOfHousehold(fx.cadre(), h)).isEmpty();
    }

    @Test
    void aVisitWithoutConsentComesBackOnTheCasePageWithTheFindingsKept() throws Exception {
        LocalDate today = fx.today();
        long id = fx.on(today).report(fx.cadre(), clue(fx.household(), today, RiskReason.ILLNESS));
        String back = mvc.perform(post("/monitor/cases/" + id + "/visit").with(as("cadre.demo")).with(csrf())
                        .param("version", String.valueOf(fx.version(id))).param("visitedOn", today.toString()).param("visitors", "张文华")
                        .param("findings", "户主脑梗住院，妻子在家照顾").param("incomePerHead", "5100").param("reasons", "ILLNESS")
                        .param("kind", "SUDDEN").param("hasLabour", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(back).contains("农户签署承诺授权书后才能继续认定").contains("户主脑梗住院，妻子在家照顾");
        assertThat(fx.get(id).stage()).isEqualTo(Stage.CLUE);
    }

    @Test
    void theVillageNoticeListsNamesPersonsAndKindsButNoIdNumber() throws Exception {
        LocalDate d = fx.today().minusDays(3);
        long h = fx.household();
        long id = fx.on(d).report(fx.cadre(), clue(h, d, RiskReason.ILLNESS));
        fx.on(d).visit(fx.cadre(), id, visit(fx.version(id), d, true));
        fx.on(d).villageReview(fx.cadre(), id, villageReview(fx.version(id), d, d, d.plusDays(4)));
        long notice = fx.get(id).noticeId();
        // the case's dated history, in words, with who did it
        String casePage = page("luquan.staff", "/monitor/cases/" + id);
        assertThat(casePage).contains("办理记录").contains("入户核实").contains("村级评议").contains("屏山街道干部")
                .contains("待入户核实").contains("待村级评议").contains("公示中");
        String html = page("cadre.demo", "/monitor/notices/" + notice);
        String masked = households.maskedIdNumber(fx.staff(), h);
        assertThat(html).contains(fx.get(id).headName()).contains("突发严重困难户").contains("共5天").contains("北街社区公示栏");
        assertThat(html).doesNotContain(masked).doesNotContain("**").doesNotContain("因病");
        // the township may not review before the notice ends (today is its 4th day)
        String refused = mvc.perform(post("/monitor/cases/" + id + "/township").with(as("cadre.demo")).with(csrf())
                        .param("version", String.valueOf(fx.version(id))).param("decidedOn", fx.today().toString()).param("agreed", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("期满后才能审核");
        assertThat(fx.get(id).stage()).isEqualTo(Stage.NOTICE);
        mvc.perform(get("/monitor/notices/" + notice).with(as("wuding.staff"))).andExpect(status().isNotFound());
        mvc.perform(get("/monitor/notices/" + notice + ".docx").with(as("wuding.staff"))).andExpect(status().isNotFound());
        // the .docx, read back through LibreOffice: the 公文 layout with the household and without its ID number
        byte[] docx = mvc.perform(get("/monitor/notices/" + notice + ".docx").with(as("cadre.demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        cn.zhutui.support.Pdf pdf = cn.zhutui.support.Pdf.of(docx, "docx");
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.compact()).contains("北街社区居民委员会防止返贫监测对象识别公示", fx.get(id).headName(), "突发严重困难户", "北街社区公示栏", "—1—")
                .doesNotContain("**").doesNotContain("因病");
        assertThat(review(0, d, true).getAgreed()).isTrue();
    }
}
