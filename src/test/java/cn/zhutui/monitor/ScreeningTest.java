package cn.zhutui.monitor;

import static cn.zhutui.monitor.MonitorFixtures.clue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.household.TestIds;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.support.Jobs;
import cn.zhutui.support.Scopes;
import cn.zhutui.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A department's screening file matched by the keyed hash of ID numbers: matched households get a
 * clue keeping its source, an open case is not duplicated, a rejected one is not reopened (a new
 * case opens), unmatched rows are reported masked with their reason, the same file is matched once,
 * and a file with an unreadable cell changes nothing.
 */
@IntegrationTest
class ScreeningTest {

    @Autowired
    MonitorFixtures fx;
    @Autowired
    Screenings screenings;
    @Autowired
    JobService jobs;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MonitorFactsCheck factsCheck;
    @Autowired
    AutomaticChecks checks;
    @Autowired
    AutomaticCheckSchedule schedule;
    @Autowired
    cn.zhutui.household.HouseholdService households;

    @Test
    void theAutomaticChecksRaiseOneClueAHouseholdForIncomeUnderTheYearsLineAndForNoOneEmployed() {
        long poor = fx.household();
        long fine = fx.household();
        long idle = fx.household();
        households.setIncome(fx.staff(), poor, 2026, new java.math.BigDecimal("8000"));
        households.setIncome(fx.staff(), fine, 2026, new java.math.BigDecimal("8700"));
        long head = households.members(fx.staff(), idle).get(0).personId();
        checks.recordEmployment(fx.cadre(), idle, head, false, "返乡后未再外出务工");
        AutomaticChecks.Outcome first = checks.run(fx.staff(), 2026);
        assertThat(first.incomeClues()).isGreaterThanOrEqualTo(1);
        assertThat(first.employmentClues()).isGreaterThanOrEqualTo(1);
        List<MonitorCase> poorCases = fx.on(fx.today()).casesOfHousehold(fx.staff(), poor);
        assertThat(poorCases).hasSize(1);
        Clue clue = fx.on(fx.today()).view(fx.staff(), poorCases.get(0).id()).clues().get(0);
        assertThat(clue.channel()).isEqualTo(Channel.AUTOMATIC);
        assertThat(clue.rule()).isEqualTo("INCOME_BELOW_LINE");
        assertThat(clue.figure()).isEqualByComparingTo("8000");
        assertThat(clue.line()).isEqualByComparingTo("8700");
        assertThat(fx.on(fx.today()).casesOfHousehold(fx.staff(), fine)).as("at the line is not under it").isEmpty();
        List<MonitorCase> idleCases = fx.on(fx.today()).casesOfHousehold(fx.staff(), idle);
        assertThat(idleCases).hasSize(1);
        assertThat(idleCases.get(0).mainReason()).isEqualTo(RiskReason.EMPLOYMENT);
        // again: nothing new for the same households and year
        AutomaticChecks.Outcome second = checks.run(fx.staff(), 2026);
        assertThat(second.incomeClues()).isZero();
        assertThat(second.employmentClues()).isZero();
        assertThat(fx.on(fx.today()).view(fx.staff(), poorCases.get(0).id()).clues()).hasSize(1);
        assertThat(factsCheck.differences()).isZero();
    }

    @Test
    void theNightlyRunRaisesTheCluesOfTheWholePlatformOnceWithoutAnyoneAtTheButton() {
        int year = fx.today().getYear();
        long poor = fx.household();
        households.setIncome(fx.staff(), poor, year - 1, new java.math.BigDecimal("5000"));
        List<AutomaticChecks.Outcome> first = schedule.run();
        assertThat(first).hasSize(2);
        assertThat(first.get(0).incomeClues()).as("last year's data").isGreaterThanOrEqualTo(1);
        List<MonitorCase> poorCases = fx.on(fx.today()).casesOfHousehold(fx.staff(), poor);
        assertThat(poorCases).hasSize(1);
        Clue clue = fx.on(fx.today()).view(fx.staff(), poorCases.get(0).id()).clues().get(0);
        assertThat(clue.channel()).isEqualTo(Channel.AUTOMATIC);
        assertThat(clue.ruleYear()).isEqualTo(year - 1);
        assertThat(schedule.run()).as("the next night: nothing new").allSatisfy(o -> {
            assertThat(o.incomeClues()).isZero();
            assertThat(o.employmentClues()).isZero();
        });
        assertThat(fx.on(fx.today()).view(fx.staff(), poorCases.get(0).id()).clues()).hasSize(1);
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("预警名单");
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(i).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private Job run(DataScope scope, byte[] file, String name) throws Exception {
        long id = screenings.start(scope, "MEDICAL_INSURANCE", new ByteArrayInputStream(file), name, Locale.SIMPLIFIED_CHINESE);
        return Jobs.await(jobs, scope, id, 60);
    }

    @Test
    void aScreeningFileRaisesCluesByKeyedHashWithoutDuplicatingOpenCasesAndReportsTheRest() throws Exception {
        LocalDate today = fx.today();
        String idA = TestIds.of("530128", LocalDate.of(1968, 3, 3));
        String idB = TestIds.of("530128", LocalDate.of(1971, 7, 7));
        String idC = TestIds.of("530128", LocalDate.of(1980, 9, 9));
        String idW = TestIds.of("532329", LocalDate.of(1966, 6, 6));
        long a = fx.household(MonitorFixtures.VILLAGE, "luquan.staff", "ORDINARY", idA);
        long b = fx.household(MonitorFixtures.VILLAGE, "luquan.staff", "ORDINARY", idB);
        long c = fx.household(MonitorFixtures.VILLAGE, "luquan.staff", "ORDINARY", idC);
        fx.household(MonitorFixtures.WUDING_VILLAGE, "wuding.staff", "ORDINARY", idW);
        long openA = fx.on(today).report(fx.cadre(), clue(a, today, RiskReason.ILLNESS));
        long rejectedC = fx.on(today).report(fx.cadre(), clue(c, today, RiskReason.ILLNESS));
        fx.on(today).dismiss(fx.cadre(), rejectedC, fx.version(rejectedC), "核实后不符合条件");
        String unknown = TestIds.of("530128", LocalDate.of(1990, 1, 1));

        byte[] file = xlsx(List.of(
                List.of("姓名", "身份证号", "预警原因", "说明", "自付金额"),
                List.of("甲", idA, "因病", "住院自付费用超过2万元", "23000"),
                List.of("乙", idB, "因病、因残", "大病住院", "51000.5"),
                List.of("丙", idC, "因病", "慢病长期用药", ""),
                List.of("丁", idW, "因病", "", ""),
                List.of("戊", unknown, "", "", ""),
                List.of("己", "53012819990101123", "因病", "", ""),
                List.of("乙", idB.toLowerCase(), "因病", "重复行", "")));
        String name = "医保预警" + today + "-" + idB.substring(14) + ".xlsx";
        Job job = run(fx.staff(), file, name);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        var batch = screenings.ofJob(job.id()).orElseThrow();
        assertThat(batch.rowsRead()).isEqualTo(7);
        assertThat(batch.matched()).isEqualTo(3);
        assertThat(batch.unmatched()).isEqualTo(4);
        assertThat(batch.opened()).isEqualTo(2);
        assertThat(batch.attached()).isEqualTo(1);

        // A: the clue joins its open case, with its source for good
        List<Clue> cluesA = fx.on(today).view(fx.staff(), openA).clues();
        assertThat(cluesA).hasSize(2);
        Clue dept = cluesA.get(1);
        assertThat(dept.channel()).isEqualTo(Channel.DEPARTMENT);
        assertThat(dept.department()).isEqualTo("MEDICAL_INSURANCE");
        assertThat(dept.screeningId()).isEqualTo(batch.id());
        assertThat(dept.sourceRow()).isEqualTo(2);
        assertThat(dept.sourceFile()).isEqualTo(name);
        assertThat(dept.openedCase()).isFalse();
        assertThat(fx.on(today).casesOfHousehold(fx.staff(), a)).hasSize(1);
        // B: a new case with both reasons; C: the rejected case stays rejected, a new one is opened
        List<MonitorCase> casesB = fx.on(today).casesOfHousehold(fx.staff(), b);
        assertThat(casesB).hasSize(1);
        assertThat(casesB.get(0).reasons()).containsExactly(RiskReason.ILLNESS, RiskReason.DISABILITY);
        assertThat(casesB.get(0).stage()).isEqualTo(Stage.CLUE);
        List<MonitorCase> casesC = fx.on(today).casesOfHousehold(fx.staff(), c);
        assertThat(casesC).extracting(MonitorCase::stage).containsExactly(Stage.CLUE, Stage.REJECTED);

        // the unmatched rows, masked, with their reason
        var misses = screenings.misses(fx.staff(), batch.id(), 100);
        assertThat(misses).extracting(m -> m.rowNo() + ":" + m.reason())
                .containsExactly("5:OUT_OF_SCOPE", "6:NOT_FOUND", "7:INVALID_ID", "8:REPEATED");
        assertThat(misses).allSatisfy(m -> assertThat(m.maskedId()).contains("*"));
        assertThat(jdbc.sql("SELECT count(*) FROM monitor_screening_miss WHERE masked_id IN (:ids)")
                .param("ids", List.of(idW, unknown)).query(Long.class).single()).isZero();
        assertThat(factsCheck.differences()).isZero();

        // the same file again: refused, nothing doubled
        Job again = run(fx.staff(), file, name);
        assertThat(again.status()).isEqualTo(JobStatus.FAILED);
        assertThat(again.message()).isEqualTo("monitor.screening.sameFile");
        assertThat(fx.on(today).view(fx.staff(), openA).clues()).hasSize(2);
    }

    @Test
    void theTemplateFilledInByADepartmentIsMatchedAsItIs() throws Exception {
        String id = TestIds.of("530128", LocalDate.of(1958, 8, 8));
        long h = fx.household(MonitorFixtures.VILLAGE, "luquan.staff", "ORDINARY", id);
        byte[] filled;
        try (org.apache.poi.ss.usermodel.Workbook wb = screenings.template(fx.staff()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet("预警名单");
            assertThat(wb.getSheet("填写说明").getRow(1).getCell(0).getStringCellValue()).contains("加密摘要");
            assertThat(sheet.getDataValidations()).as("the risk categories as a dropdown").hasSize(1);
            assertThat(sheet.getDataValidations().get(0).getShowErrorBox()).as("suggestions: 因病、因残 is allowed").isFalse();
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("庚");
            row.createCell(1).setCellValue(id);
            row.createCell(2).setCellValue("因残");
            row.createCell(3).setCellValue("新办残疾证，二级肢体残疾");
            row.createCell(4).setCellValue(3600);
            wb.write(out);
            filled = out.toByteArray();
        }
        Job job = run(fx.staff(), filled, "残联预警-" + id.substring(12) + ".xlsx");
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(screenings.ofJob(job.id()).orElseThrow().matched()).isEqualTo(1);
        List<MonitorCase> opened = fx.on(fx.today()).casesOfHousehold(fx.staff(), h);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).reasons()).containsExactly(RiskReason.DISABILITY);
        Clue clue = fx.on(fx.today()).view(fx.staff(), opened.get(0).id()).clues().get(0);
        assertThat(clue.amount()).isEqualByComparingTo("3600");
        assertThat(clue.description()).isEqualTo("新办残疾证，二级肢体残疾");
        assertThat(clue.sourceRow()).isEqualTo(2);
    }

    /** 100,000 rows (a department's province-wide list): matched in under a minute, here on the test machine. */
    @Test
    void aFileOfAHundredThousandRowsIsMatchedInUnderAMinute() throws Exception {
        String known = TestIds.of("530128", LocalDate.of(1962, 2, 2));
        long h = fx.household(MonitorFixtures.VILLAGE, "luquan.staff", "ORDINARY", known);
        StringBuilder csv = new StringBuilder("姓名,身份证号,预警原因\n");
        csv.append("甲,").append(known).append(",因病\n");
        LocalDate born = LocalDate.of(1940, 1, 1);
        for (int i = 1; i < 100_000; i++) {
            // a place code no test registers households under: other tests' random Luquan IDs never match these
            String first17 = "530199" + born.plusDays(i % 20000).toString().replace("-", "") + String.format("%03d", i / 20000 + 500);
            csv.append("某").append(',').append(first17).append(cn.zhutui.household.IdNumbers.checkDigit(first17)).append(",因病\n");
        }
        long started = System.nanoTime();
        Job job = run(fx.staff(), csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "医保全省名单.csv");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        var batch = screenings.ofJob(job.id()).orElseThrow();
        assertThat(batch.rowsRead()).isEqualTo(100_000);
        assertThat(batch.matched()).isEqualTo(1);
        assertThat(batch.unmatched()).isEqualTo(99_999);
        assertThat(fx.on(fx.today()).casesOfHousehold(fx.staff(), h)).hasSize(1);
        assertThat(seconds).as("matched in %d s", seconds).isLessThan(60);
    }

    @Test
    void aFileWithAnUnreadableRiskChangesNothingAndComesBackMarked() throws Exception {
        String id = TestIds.of("530128", LocalDate.of(1977, 4, 4));
        long h = fx.household(MonitorFixtures.VILLAGE, "luquan.staff", "ORDINARY", id);
        byte[] file = xlsx(List.of(List.of("姓名", "身份证号", "预警原因"), List.of("甲", id, "头疼脑热")));
        Job job = run(fx.staff(), file, "有错的名单.xlsx");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.message()).isEqualTo("monitor.screening.errors");
        assertThat(job.resultFileId()).isNotNull();
        assertThat(fx.on(fx.today()).casesOfHousehold(fx.staff(), h)).isEmpty();
    }

    @Test
    void aCadreMayNotImportAndAnotherCountyMatchesNoneOfLuquansHouseholds() throws Exception {
        String id = TestIds.of("530128", LocalDate.of(1979, 8, 8));
        long h = fx.household(MonitorFixtures.VILLAGE, "luquan.staff", "ORDINARY", id);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> screenings.requireImporter(fx.cadre()))
                .isInstanceOf(cn.zhutui.common.ForbiddenException.class);
        Job job = run(scopes.of("wuding.staff"), xlsx(List.of(List.of("身份证号"), List.of(id))), "武定名单.xlsx");
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        var batch = screenings.ofJob(job.id()).orElseThrow();
        assertThat(batch.matched()).isZero();
        assertThat(screenings.misses(scopes.of("wuding.staff"), batch.id(), 10)).extracting(m -> m.reason()).containsExactly("OUT_OF_SCOPE");
        assertThat(fx.on(fx.today()).casesOfHousehold(fx.staff(), h)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> screenings.get(fx.staff(), batch.id()))
                .isInstanceOf(cn.zhutui.common.NotFoundException.class);
    }
}
