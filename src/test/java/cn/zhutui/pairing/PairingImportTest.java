package cn.zhutui.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Masking;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.file.FileService;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdForm;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.TestIds;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.member.MemberForm;
import cn.zhutui.member.MemberService;
import cn.zhutui.member.MembershipForm;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.PairingImportJob;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Jobs;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pairings from a spreadsheet, as a county office sets up its members' 联户 at the start of a
 * term: the template filled in, households found by ID number, members and orgs by the
 * dropdown's "name [number]" or a unique name, every row checked with the form's rules, nothing
 * made while one row is wrong, and the figures kept in step when they are made.
 */
@IntegrationTest
class PairingImportTest {

    @Autowired
    PairingImportJob importJob;
    @Autowired
    PairingService pairings;
    @Autowired
    HouseholdService households;
    @Autowired
    MemberService members;
    @Autowired
    OrgService orgs;
    @Autowired
    JobService jobs;
    @Autowired
    FileService files;
    @Autowired
    Scopes scopes;
    @Autowired
    PairingFixtures fx;
    @Autowired
    PairingFactsCheck factsCheck;
    @Autowired
    JdbcClient jdbc;

    private DataScope staff() {
        return fx.staff();
    }

    @Test
    void aCleanFileMakesEveryPairingAndTheSameFileAgainMakesNone() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 4);
        long group = fx.org(OrgKind.GROUP);
        String groupName = orgs.find(group).orElseThrow().name();
        long zhang = member("张联" + s, group);
        long li = member("李联" + s, group);
        String poorId = TestIds.luquan();
        String modelId = TestIds.luquan();
        String cadreId = TestIds.luquan();
        long poor = household("贫户" + s, poorId, Household.TUOPIN);
        long model = household("示范" + s, modelId, Household.SHIFAN);
        long cadreHousehold = household("认亲" + s, cadreId, Household.JIANCE);

        byte[] file = filled(List.of(
                row("委员联户", groupName + " [" + group + "]", "张联" + s + " [" + zhang + "]", "", "", poorId, "贫户" + s, "", "", "2025-01-01"),
                row("委员联户", groupName, "张联" + s, "", "", modelId, "", "", "", "2025/1/1"),
                row("委员联户", "", "李联" + s, "", "", poorId, "", "", "", "2025年3月1日"),
                row("干部认亲结对", "", "", "", "王干部" + s, cadreId, "", "", "", "2025-02-01"),
                row("政协组织联村", "", "", groupName + " [" + group + "]", "", "", "", "", "屏山街道/北街社区", "2025-01-01")));
        Job job = run(file);
        assertThat(job.status()).as(jobs.outcome(job, Locale.SIMPLIFIED_CHINESE)).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.outcome(job, Locale.SIMPLIFIED_CHINESE)).isEqualTo("已导入 5 个结对");

        assertThat(pairings.search(staff(), PairingQuery.all().withMember(zhang), PageRequest.of(1, 10)).items())
                .extracting(r -> r.pairing().kind(), r -> r.pairing().householdId(), r -> r.pairing().orgId(), r -> r.pairing().startDate())
                .containsExactlyInAnyOrder(tuple(PairingKind.MEMBER_HOUSEHOLD, poor, group, LocalDate.of(2025, 1, 1)),
                        tuple(PairingKind.MEMBER_HOUSEHOLD, model, group, LocalDate.of(2025, 1, 1)));
        assertThat(pairings.search(staff(), PairingQuery.all().withHousehold(cadreHousehold), PageRequest.of(1, 10)).items())
                .singleElement().satisfies(r -> {
                    assertThat(r.pairing().kind()).isEqualTo(PairingKind.CADRE_HOUSEHOLD);
                    assertThat(r.helperName()).isEqualTo("王干部" + s);
                    // a blank org is the importer's own
                    assertThat(r.pairing().orgId()).isEqualTo(fx.luquan());
                });
        assertThat(jdbc.sql("SELECT count(*) FROM pairing WHERE import_job_id = :j AND kind = 'ORG_VILLAGE' AND region_code = :v")
                .param("j", job.id()).param("v", PairingFixtures.VILLAGE).query(Long.class).single()).isEqualTo(1);
        // the 1+1 page: 张 has both now, 李 still lacks a 示范户
        assertThat(pairings.onePlusOne(staff(), group, PageRequest.of(1, 50)).items())
                .extracting(OnePlusOne::memberId, OnePlusOne::tuopin, OnePlusOne::shifan).containsExactly(tuple(li, 1, 0));
        assertThat(factsCheck.differences()).isZero();

        // the same file again: every row overlaps a pairing just made; nothing is made twice
        Job again = run(file);
        assertThat(again.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.result(again).get("firstErrors").toString()).contains("第2行「开始日期」：同一帮扶人与同一对象在这段时间已有结对");
        assertThat(pairings.importedBy(again.id())).isZero();
        assertThat(pairings.search(staff(), PairingQuery.all().withMember(zhang), PageRequest.of(1, 10)).items()).hasSize(2);
    }

    @Test
    void aFileWithErrorsMakesNothingAndComesBackMarked() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 4);
        long group = fx.org(OrgKind.GROUP);
        long zhao = member("赵联" + s, group);
        member("同名" + s, group);
        member("同名" + s, group);
        String id = TestIds.luquan();
        household("钱户" + s, id, Household.TUOPIN);
        String unregistered = TestIds.luquan();
        long wudingMember = member("武定" + s, orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow().id());

        byte[] file = filled(List.of(
                row("委员联户", "", "赵联" + s, "", "", id, "", "", "", "2025-01-01"),
                row("委员联户", "", "赵联" + s, "", "", unregistered, "", "", "", "2025-01-01"),
                row("委员联户", "", "同名" + s, "", "", id, "孙某", "", "", "2025-01-01"),
                row("联户", "", "赵联" + s, "", "", id, "", "", "", "2025-01-01"),
                row("委员联户", "", "武定" + s + " [" + wudingMember + "]", "", "", id, "", "", "屏山街道/北街社区", "2025-13-01"),
                row("委员联户", "", "赵联" + s, "", "", id, "", "", "", "2025-06-01", "2025-05-01"),
                row("委员联户", "", "赵联" + s, "", "", id, "", "", "", "2025-01-01")));
        Job job = run(file);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        String errors = jobs.result(job).get("firstErrors").toString();
        assertThat(errors)
                .contains("第3行「农户身份证号」：找不到身份证号为 " + Masking.idNumber(unregistered) + " 的农户")
                .contains("第4行「帮扶委员」：有 2 位委员名叫“同名" + s + "”")
                .contains("第4行「户主姓名」：身份证号 " + Masking.idNumber(id) + " 所在农户的户主是“钱户" + s + "”，不是“孙某”")
                .contains("第5行「结对类型」：“联户”不是结对类型")
                .contains("第6行「帮扶委员」：找不到委员“武定" + s)
                .contains("第6行「村（社区）或县」：「委员联户」不填这一列")
                .contains("第6行「开始日期」：无法识别日期“2025-13-01”")
                .contains("第7行「结束日期」：")
                .contains("第8行「开始日期」：同一结对在文件中出现了两次（另见第2行）");
        // no ID number in the clear in what the job reports
        assertThat(errors).doesNotContain(unregistered).doesNotContain(id);
        assertThat(pairings.search(staff(), PairingQuery.all().withMember(zhao), PageRequest.of(1, 10)).items()).isEmpty();
        try (InputStream in = files.open(files.find(job.resultFileId()).orElseThrow()); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(PairingImportJob.SHEET);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("错误说明");
            assertThat(sheet.getRow(2).getCell(header.getLastCellNum() - 1).getStringCellValue()).contains("找不到身份证号");
        }
        // another county cannot follow the job, nor import at all without the right
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.get(scopes.of("wuding.staff"), job.id()))
                .isInstanceOf(cn.zhutui.common.NotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importJob.start(scopes.of("member.demo"),
                new ByteArrayInputStream(file), "结对.xlsx", Locale.SIMPLIFIED_CHINESE)).isInstanceOf(cn.zhutui.common.ForbiddenException.class);
    }

    // ---------------------------------------------------------------- helpers

    /** Kind, org, member, helper org, cadre, ID number, head, industry, place, start, end, note. */
    private static List<String> row(String... cells) {
        List<String> list = new ArrayList<>(Arrays.asList(cells));
        while (list.size() < 12) {
            list.add("");
        }
        return list;
    }

    private byte[] filled(List<List<String>> rows) throws Exception {
        Workbook template = importJob.template(staff());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        template.write(raw);
        template.close();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(raw.toByteArray()))) {
            Sheet sheet = wb.getSheet(PairingImportJob.SHEET);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private Job run(byte[] file) throws Exception {
        long id = importJob.start(staff(), new ByteArrayInputStream(file), "结对.xlsx", Locale.SIMPLIFIED_CHINESE);
        return Jobs.await(jobs, staff(), id, 60);
    }

    private long member(String name, long orgId) {
        MemberForm f = new MemberForm();
        f.setName(name);
        f.setGender("M");
        f.setTerm("13");
        f.setMemberships(List.of(new MembershipForm(orgId, "MEMBER")));
        return members.create(scopes.of("admin"), f);
    }

    private long household(String head, String idNumber, String tag) {
        HouseholdForm f = new HouseholdForm();
        f.setRegionCode(PairingFixtures.VILLAGE);
        f.setHeadName(head);
        f.setHeadIdNumber(idNumber);
        f.setRegisteredOn(LocalDate.of(2020, 1, 1));
        f.setTags(List.of(tag));
        return households.create(staff(), f);
    }
}
