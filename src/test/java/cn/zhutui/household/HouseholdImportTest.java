package cn.zhutui.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.household.internal.HouseholdImportJob;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.pairing.PairingFixtures;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Jobs;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The household spreadsheet through the shared import: the template filled in as a county office
 * would, every row checked, nothing saved while one is wrong (the workbook comes back marked), an
 * ID number already registered refused, a namesake born the same day in the village queued.
 */
@IntegrationTest
class HouseholdImportTest {

    @Autowired
    HouseholdImportJob importJob;
    @Autowired
    HouseholdService households;
    @Autowired
    JobService jobs;
    @Autowired
    Scopes scopes;
    @Autowired
    PairingFixtures fx;
    @Autowired
    cn.zhutui.file.FileService files;

    private DataScope staff() {
        return scopes.of("luquan.staff");
    }

    /** The downloaded template, with rows written into its two sheets. */
    private byte[] filled(List<List<String>> households, List<List<String>> members) throws Exception {
        Workbook template = importJob.template(staff());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        template.write(raw);
        template.close();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(raw.toByteArray()))) {
            write(wb.getSheet(HouseholdImportJob.HOUSEHOLDS), households);
            write(wb.getSheet(HouseholdImportJob.MEMBERS), members);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Sheet sheet, List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.createCell(c).setCellValue(rows.get(r).get(c));
            }
        }
    }

    private Job run(byte[] file) throws Exception {
        long id = importJob.start(staff(), new ByteArrayInputStream(file), "农户.xlsx", Locale.SIMPLIFIED_CHINESE);
        return Jobs.await(jobs, staff(), id, 60);
    }

    private static List<String> household(String name, String id, String tags) {
        return List.of("屏山街道/北街社区居民委员会 [530128001001]", "北街8号", name, id, "13700001111", tags, "10230.5", "2025", "普通劳动力",
                "健康", "初中", "2019-05-01");
    }

    @Test
    void aCleanFileImportsEveryHouseholdAndItsMembersANamesakeGoesToTheQueue() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 3);
        LocalDate born = LocalDate.of(1961, 9, 9);
        String existingName = "龙正" + suffix;
        long existing = households.create(staff(), form(existingName, TestIds.of("530128", born)));
        String head1 = TestIds.luquan();
        String head2 = TestIds.of("530128", born);
        List<String> byName = new java.util.ArrayList<>(household("杨富" + suffix, head1, "脱贫户、监测户"));
        byName.set(0, "屏山街道/北街社区");
        byte[] file = filled(List.of(byName, household(existingName, head2, "示范户")),
                List.of(List.of(head1, "杨妻" + suffix, "配偶", "", "女", "1963-02-03", "普通劳动力", "健康", "小学", ""),
                        List.of(head1, "杨子" + suffix, "子女", TestIds.of("530128", LocalDate.of(1990, 4, 4)), "", "", "技能劳动力", "健康", "高中或中专", "2019-05-01")));
        Job job = run(file);
        assertThat(job.status()).as(jobs.outcome(job, Locale.SIMPLIFIED_CHINESE)).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.outcome(job, Locale.SIMPLIFIED_CHINESE)).isEqualTo("已导入 2 户");

        Household first = households.findByIdNumber(staff(), head1).orElseThrow();
        assertThat(first.tags()).containsExactly("TUOPIN", "JIANCE");
        assertThat(households.members(staff(), first.id())).extracting(HouseholdMember::name, HouseholdMember::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("杨富" + suffix, "HEAD"), org.assertj.core.groups.Tuple.tuple("杨妻" + suffix, "SPOUSE"),
                        org.assertj.core.groups.Tuple.tuple("杨子" + suffix, "CHILD"));
        assertThat(households.incomes(staff(), first.id())).singleElement().extracting(Income::year).isEqualTo(2025);
        // the namesake born the same day in the same village: imported, and queued — not merged
        Household second = households.findByIdNumber(staff(), head2).orElseThrow();
        assertThat(households.duplicatesOf(staff(), second.id())).singleElement()
                .satisfies(d -> assertThat(d.otherHouseholdId()).isEqualTo(existing));
        assertThat(households.get(staff(), existing).active()).isTrue();

        // the same file again: every ID number is already registered, nothing is imported twice
        Job again = run(file);
        assertThat(again.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.result(again).get("firstErrors").toString()).contains("已登记在农户");
    }

    @Test
    void aFileWithErrorsImportsNothingAndComesBackMarked() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 3);
        String good = TestIds.luquan();
        String registered = TestIds.luquan();
        households.create(staff(), form("已登记" + suffix, registered));
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        byte[] file = filled(List.of(household("好户" + suffix, good, "脱贫户"), household("重复" + suffix, registered, "脱贫户"),
                        household("错号" + suffix, badCheck, "富裕户")),
                List.of(List.of(TestIds.luquan(), "无主" + suffix, "子女", "", "", "2001-01-01", "", "", "", "")));
        Job job = run(file);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        String errors = jobs.result(job).get("firstErrors").toString();
        assertThat(errors).contains("「农户」第3行「户主身份证号」：身份证号 " + cn.zhutui.common.Masking.idNumber(registered) + " 已登记在农户")
                .contains("「农户」第4行「户主身份证号」：身份证号的校验位不对")
                .contains("「农户」第4行「农户类型」：“富裕户”不是有效的选项")
                .contains("「家庭成员」第2行「户主身份证号」");
        assertThat(households.findByIdNumber(staff(), good)).isEmpty();
        // the workbook comes back with an error column
        try (InputStream in = files.open(files.find(job.resultFileId()).orElseThrow()); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(HouseholdImportJob.HOUSEHOLDS);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("错误说明");
            assertThat(sheet.getRow(2).getCell(header.getLastCellNum() - 1).getStringCellValue()).contains("已登记");
        }
        // another county's user cannot follow the job
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.get(scopes.of("wuding.staff"), job.id()))
                .isInstanceOf(cn.zhutui.common.NotFoundException.class);
        assertThat(households.search(staff(), new HouseholdQuery(null, null, suffix, null, null, false, null), PageRequest.of(1, 10)).items())
                .extracting(v -> v.household().headName()).containsExactly("已登记" + suffix);
    }

    private static HouseholdForm form(String name, String id) {
        HouseholdForm f = new HouseholdForm();
        f.setRegionCode(PairingFixtures.VILLAGE);
        f.setHeadName(name);
        f.setHeadIdNumber(id);
        f.setRegisteredOn(LocalDate.of(2018, 1, 1));
        f.setTags(List.of("TUOPIN"));
        return f;
    }
}
