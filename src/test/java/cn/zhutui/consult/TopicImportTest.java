package cn.zhutui.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.file.FileService;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.member.MemberService;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Jobs;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The topic collection ledger imported from a spreadsheet through the shared SheetImports: the
 * template with its dropdowns, every row checked with the form's rules, nothing saved unless all
 * are right, the workbook given back with its errors, and a second upload adding nothing.
 */
@IntegrationTest
class TopicImportTest {

    @Autowired
    TopicImport imports;
    @Autowired
    TopicService topics;
    @Autowired
    JobService jobs;
    @Autowired
    FileService files;
    @Autowired
    ConsultFixtures fx;
    @Autowired
    MemberService members;
    @Autowired
    Scopes scopes;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void theTemplateOffersTheOfficesPlatformsSourcesMembersAndPlaces() throws Exception {
        byte[] file = mvc.perform(get("/consult/topics/import/template").with(user(users.loadUserByUsername("luquan.staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("议事平台*", "议题*", "议题来源*", "提出人或单位", "提出的委员", "提出日期*", "涉及地点*", "涉及群众",
                    "涉及户数", "情况描述");
            assertThat(sheet.getDataValidations()).hasSize(4);
            assertThat(values(wb, "_platforms")).anyMatch(v -> v.startsWith("三蒙村") || v.startsWith("屏山街道协商议事平台 ["));
            assertThat(values(wb, "_sources")).containsExactly("群众反映", "委员提出", "党委政府交办", "部门提出");
            assertThat(values(wb, "_places")).anyMatch(v -> v.equals("屏山街道/北街社区居民委员会 [530128001001]"));
            assertThat(values(wb, "_platforms")).noneMatch(v -> v.contains("永宁村"));
        }
        mvc.perform(get("/consult/topics/import/template").with(user(users.loadUserByUsername("cadre.demo")))).andExpect(status().isForbidden());
        mvc.perform(get("/consult/topics/import").with(user(users.loadUserByUsername("member.demo")))).andExpect(status().isForbidden());
    }

    @Test
    void aCleanFileImportsAllItsRowsOnceAndAFileWithErrorsNothing() throws Exception {
        DataScope office = scopes.of("luquan.staff");
        LocalDate today = LocalDate.now(clock);
        long platform = fx.platform(office, "VILLAGE", fx.place(DemoAccounts.LUQUAN, RegionLevel.VILLAGE));
        String platformCell = topicsPlatformName(office, platform) + " [" + platform + "]";
        String village = "屏山街道/北街社区居民委员会 [530128001001]";
        String a = ConsultFixtures.unique("关于导入议题甲");
        String b = ConsultFixtures.unique("关于导入议题乙");
        long memberId = fx.membersOf(DemoAccounts.LUQUAN).get(2);
        String memberCell = members.find(memberId).orElseThrow().name() + " [" + memberId + "]";

        byte[] clean = workbook(List.of(
                List.of(platformCell, a, "群众反映", "村民小组长", "", today.minusDays(3).toString(), village, "村民40户", "40", "路灯不亮"),
                List.of(platformCell, b, "委员提出", "", memberCell, today.minusDays(1).toString(), "530128001001", "", "", "")));
        Job done = run(office, clean, "议题征集台账.xlsx");
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.result(done)).containsEntry("imported", 2).containsEntry("ignored", 0);
        Topic ta = topic(office, a);
        assertThat(ta.accepted()).isTrue();
        assertThat(ta.households()).isEqualTo(40);
        assertThat(ta.regionCode()).isEqualTo("530128001001");
        assertThat(topic(office, b).raisedMemberId()).isEqualTo(memberId);
        assertThat(topics.details(office, ta.id()).history()).extracting(HistoryLine::action).containsExactly("IMPORT");

        Job again = run(office, clean, "议题征集台账.xlsx");
        assertThat(jobs.result(again)).containsEntry("imported", 0).containsEntry("ignored", 2);

        String c = ConsultFixtures.unique("关于导入议题丙");
        byte[] broken = workbook(List.of(
                List.of(platformCell, c, "群众反映", "", "", today.toString(), village, "", "", ""),
                List.of("不存在的平台 [999999]", "关于错误行", "群众反映", "", "", today.toString(), village, "", "", ""),
                List.of(platformCell, "", "随便说说", "", "", today.plusDays(5).toString(), "火星 [000]", "", "三十", ""),
                List.of(platformCell, c, "群众反映", "", "", today.toString(), village, "", "", "")));
        long before = topics.count(office, TopicQuery.all());
        Job failed = run(office, broken, "有错的台账.xlsx");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        @SuppressWarnings("unchecked")
        List<String> firstErrors = (List<String>) jobs.result(failed).get("firstErrors");
        assertThat(firstErrors).contains("第3行「议事平台」：请选择一个您可以使用的议事平台", "第4行「议题」：必填",
                "第4行「议题来源」：“随便说说”不是有效的选项", "第4行「涉及户数」：“三十”不是整数", "第5行「议题」：与前面的行重复：议题“" + c + "”");
        assertThat(topics.count(office, TopicQuery.all())).as("nothing saved").isEqualTo(before);
        try (InputStream in = files.open(files.find(failed.resultFileId()).orElseThrow());
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getLastCellNum()).isGreaterThan((short) 10);
            Row third = sheet.getRow(3);
            assertThat(third.getCell(third.getLastCellNum() - 1).getStringCellValue()).contains("必填");
        }
    }

    @Test
    void anotherCountysPlatformsAreNotTheOfficesToImportInto() throws Exception {
        DataScope luquan = scopes.of("luquan.staff");
        long platform = fx.platform(luquan, "VILLAGE", fx.place(DemoAccounts.LUQUAN, RegionLevel.VILLAGE));
        byte[] file = workbook(List.of(List.of(topicsPlatformName(luquan, platform) + " [" + platform + "]", "关于别县议题", "群众反映", "", "",
                LocalDate.now(clock).toString(), "532329101206", "", "", "")));
        Job failed = run(scopes.of("wuding.staff"), file, "别县.xlsx");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        MockMultipartFile upload = new MockMultipartFile("file", "x.xlsx", "application/octet-stream", file);
        mvc.perform(multipart("/consult/topics/import").file(upload).with(csrf()).with(user(users.loadUserByUsername("cadre.demo"))))
                .andExpect(status().isForbidden());
    }

    private Job run(DataScope scope, byte[] file, String name) throws Exception {
        long id = imports.start(scope, new ByteArrayInputStream(file), name, Locale.SIMPLIFIED_CHINESE);
        return Jobs.await(jobs, scope, id, 60);
    }

    @Autowired
    PlatformService platforms;

    private String topicsPlatformName(DataScope scope, long platform) {
        return platforms.get(scope, platform).name();
    }

    private Topic topic(DataScope scope, String title) {
        return topics.search(scope, new TopicQuery(null, null, null, null, null, title, null, null, null, null), PageRequest.of(1, 1)).items().get(0).topic();
    }

    private static List<String> values(XSSFWorkbook wb, String sheet) {
        List<String> list = new java.util.ArrayList<>();
        wb.getSheet(sheet).forEach(r -> list.add(r.getCell(0).getStringCellValue()));
        return list;
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("议题");
            List<String> header = List.of("议事平台*", "议题*", "议题来源*", "提出人或单位", "提出的委员", "提出日期*", "涉及地点*", "涉及群众", "涉及户数", "情况描述");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
