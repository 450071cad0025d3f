package cn.zhutui.ledger.imports;

import cn.zhutui.ledger.LedgerFixtures;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.ImportRow;
import cn.zhutui.ledger.ImportOutcome;
import cn.zhutui.ledger.EntryRow;
import cn.zhutui.ledger.LedgerEntry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.SpreadsheetReader;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.file.FileService;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.member.MemberForm;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.member.MembershipForm;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class LedgerImportTest {

    @Autowired
    LedgerImportService imports;
    @Autowired
    LedgerImportJob importJob;
    @Autowired
    LedgerService ledger;
    @Autowired
    JobService jobs;
    @Autowired
    FileService files;
    @Autowired
    MemberService members;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    Scopes scopes;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final Locale zh = Locale.SIMPLIFIED_CHINESE;

    DataScope staff() {
        return scopes.of("luquan.staff");
    }

    long campaign() {
        return fx.structure().campaign().id();
    }

    @Test
    void theTemplateHasASheetPerTaskTypeWithUnitsAndDropdownsOfTheUsersScope() throws IOException {
        XSSFWorkbook wb = reopen(imports.template(staff(), campaign(), zh));
        assertThat(wb.getSheet("填写说明")).isNotNull();
        Sheet sales = wb.getSheet("农产品销售");
        List<String> header = new ArrayList<>();
        sales.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        assertThat(header).startsWith("标题*", "开始日期*", "结束日期", "地点*", "委员*", "填报单位")
                .endsWith("销售活动（次）", "销售额（万元）");
        assertThat(wb.getSheet("就业岗位")).isNotNull();
        assertThat(fx.structure().activeTaskTypes()).allSatisfy(t -> assertThat(wb.getSheet(t.shortName())).isNotNull());
        assertThat(sales.getDataValidations()).hasSize(3);
        assertThat(wb.isSheetHidden(wb.getSheetIndex("_members"))).isTrue();
        List<String> memberChoices = column(wb.getSheet("_members"));
        long luquanMembers = members.search(staff(), MemberQuery.all(), PageRequest.of(1, 1)).total();
        assertThat(memberChoices).hasSize((int) luquanMembers);
        List<String> places = column(wb.getSheet("_regions"));
        assertThat(places).anyMatch(p -> p.endsWith("[530128001001]")).noneMatch(p -> p.endsWith("[532329]"));
    }

    @Test
    void aCleanFileImportsInTheBackgroundAndAgainAddsNothing() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        XSSFWorkbook wb = reopen(imports.template(staff(), campaign(), zh));
        String member = memberCell();
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        fill(wb.getSheet("农产品销售"), 1, "导入销售" + tag, today, "", "530128001001", member, "", "8", "20", "", "", "3", "12.5");
        fill(wb.getSheet("农产品销售"), 2, "导入销售二" + tag, today, "", "屏山街道/北街社区居民委员会 [530128001001]", member, "", "", "", "", "", "1", "0.8");
        fill(wb.getSheet("就业岗位"), 1, "导入岗位" + tag, today, "", "530128001002", member, "", "", "", "", "", "6");
        byte[] file = bytes(wb);

        Job first = run(file, "台账.xlsx");
        assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.result(first)).containsEntry("imported", 3).containsEntry("ignored", 0);
        var imported = ledger.search(staff(), new LedgerQuery(campaign(), null, null, null, null, null, null, false, tag, null), PageRequest.of(1, 10));
        assertThat(imported.items()).hasSize(3).allSatisfy(r -> {
            assertThat(r.entry().status()).isEqualTo(EntryStatus.SUBMITTED);
            assertThat(r.entry().source()).isEqualTo(EntrySource.IMPORT);
        });
        assertThat(imported.items()).filteredOn(r -> r.entry().title().equals("导入销售" + tag)).singleElement()
                .satisfies(r -> assertThat(r.values()).containsEntry("销售额（万元）", new java.math.BigDecimal("12.5")));

        Job again = run(file, "台账（再传一次）.xlsx");
        assertThat(again.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.result(again)).containsEntry("imported", 0).containsEntry("ignored", 3);
        assertThat(ledger.search(staff(), new LedgerQuery(campaign(), null, null, null, null, null, null, false, tag, null), PageRequest.of(1, 10)).total())
                .isEqualTo(3);
    }

    @Test
    void aFileWithBadRowsImportsNothingAndComesBackWithItsErrorsMarked() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        XSSFWorkbook wb = reopen(imports.template(staff(), campaign(), zh));
        String member = memberCell();
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Sheet sales = wb.getSheet("农产品销售");
        fill(sales, 1, "好行" + tag, today, "", "530128001001", member, "", "", "", "", "", "2", "3");
        fill(sales, 2, "坏日期" + tag, "明天", "", "530128001001", member, "", "", "", "", "", "2", "3");
        fill(sales, 3, "越权委员" + tag, today, "", "530128001001", "不存在的委员", "", "", "", "", "", "2", "3");
        fill(sales, 4, "超出范围" + tag, today, "", "530128001001", member, "", "", "", "", "", "2.5", "999999");
        fill(sales, 5, "锁定期间" + tag, "2022-03-01", "", "530128001001", member, "", "", "", "", "", "1", "1");
        // places written as people say them: one that fits, one that fits two villages, one that fits none
        fill(sales, 6, "地点口语" + tag, today, "", "禄劝/撒营盘", member, "", "", "", "", "", "1", "1");
        fill(sales, 7, "地点两处" + tag, today, "", "大松", member, "", "", "", "", "", "1", "1");
        fill(sales, 8, "地点没有" + tag, today, "", "禄劝县/不存在镇", member, "", "", "", "", "", "1", "1");
        Job job = run(bytes(wb), "有错.xlsx");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.result(job)).as("%s", jobs.result(job)).containsEntry("errors", 7);
        @SuppressWarnings("unchecked")
        List<String> sentences = (List<String>) jobs.result(job).get("firstErrors");
        assertThat(sentences).contains("第8行「地点」：“大松”有2处：禄劝彝族苗族自治县/乌东德镇/大松树村民委员会、禄劝彝族苗族自治县/翠华镇/大松园村民委员会，"
                + "请写上所属的县或乡镇，或从下拉列表中选择", "第9行「地点」：找不到“禄劝县/不存在镇”，请从下拉列表中选择，或写成“县/乡镇/村”");
        assertThat(sentences).noneMatch(e -> e.contains("*") || e.contains("代码") || e.contains("!"));
        assertThat(ledger.search(staff(), new LedgerQuery(campaign(), null, null, null, null, null, null, false, tag, null), PageRequest.of(1, 10)).total())
                .isZero();

        XSSFWorkbook back;
        try (InputStream in = files.open(files.find(job.resultFileId()).orElseThrow())) {
            back = new XSSFWorkbook(in);
        }
        Sheet marked = back.getSheet("农产品销售");
        int errorColumn = marked.getRow(0).getLastCellNum() - 1;
        assertThat(marked.getRow(0).getCell(errorColumn).getStringCellValue()).isEqualTo("错误说明");
        assertThat(marked.getRow(1).getCell(errorColumn)).isNull();
        assertThat(marked.getRow(2).getCell(errorColumn).getStringCellValue()).contains("开始日期", "无法识别");
        assertThat(marked.getRow(3).getCell(errorColumn).getStringCellValue()).contains("不存在的委员");
        assertThat(marked.getRow(4).getCell(errorColumn).getStringCellValue()).contains("须为整数", "销售额");
        assertThat(marked.getRow(5).getCell(errorColumn).getStringCellValue()).contains("锁定");
        assertThat(marked.getRow(6).getCell(errorColumn)).as("a place written as spoken is accepted").isNull();
        // the same workbook: its dropdowns, hidden lists, frozen panes and guide are still there
        assertThat(marked.getDataValidations()).hasSize(3);
        assertThat(back.isSheetHidden(back.getSheetIndex("_members"))).isTrue();
        assertThat(marked.getPaneInformation().isFreezePane()).isTrue();
        assertThat(back.getSheet("填写说明")).isNotNull();
        // the error column only where there are errors
        Sheet jobsSheet = back.getSheet("就业岗位");
        assertThat(jobsSheet.getRow(0).getCell(jobsSheet.getRow(0).getLastCellNum() - 1).getStringCellValue()).isNotEqualTo("错误说明");
        CellStyle badDate = marked.getRow(2).getCell(1).getCellStyle();
        assertThat(badDate.getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
        assertThat(marked.getRow(2).getCell(0).getCellStyle().getFillForegroundColor()).isNotEqualTo(IndexedColors.ROSE.getIndex());
        assertThat(marked.getRow(2).getCell(0).getStringCellValue()).isEqualTo("坏日期" + tag);

        // the user fixes the marked rows in the returned file and uploads it again
        marked.getRow(2).getCell(1).setCellValue(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        marked.removeRow(marked.getRow(3));
        marked.removeRow(marked.getRow(4));
        marked.removeRow(marked.getRow(5));
        marked.getRow(7).getCell(3).setCellValue("乌东德镇/大松树");
        marked.removeRow(marked.getRow(8));
        Job fixed = run(bytes(back), "改好了.xlsx");
        assertThat(fixed.status()).as("%s", jobs.result(fixed)).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.result(fixed)).containsEntry("imported", 4);
        assertThat(ledger.search(staff(), new LedgerQuery(campaign(), null, null, null, null, null, null, false, "地点口语" + tag, null),
                PageRequest.of(1, 1)).items().get(0).entry().regionCode()).isEqualTo("530128102");
    }

    /**
     * The saving plans the foreign keys' checks once (generic plans), but the rest of a caller's
     * transaction goes back to planning every statement for its values, as the statistics need.
     */
    @Test
    void theSavingsGenericPlansEndWithTheSaving() {
        EntryForm f = fx.sales("计划" + UUID.randomUUID().toString().substring(0, 6), fx.membersOf(DemoAccounts.LUQUAN).get(0), "2");
        f.setOrgId(staff().orgId());
        String mode = tx.execute(status -> {
            ImportOutcome outcome = ledger.importRows(staff().asLoader(), campaign(),
                    List.of(new ImportRow("农产品销售", 2, f, "plans:" + UUID.randomUUID())), false, EntrySource.IMPORT);
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.imported()).isEqualTo(1);
            return jdbc.sql("SELECT current_setting('plan_cache_mode')").query(String.class).single();
        });
        assertThat(mode).isEqualTo("force_custom_plan");
    }

    @Test
    void aWorkbookSavedByLibreOfficeImports() throws IOException {
        DataScope admin = scopes.of("admin");
        if (members.search(admin, new MemberQuery(null, true, null, null, "LibreOffice委员", true), PageRequest.of(1, 1)).total() == 0) {
            MemberForm m = new MemberForm();
            m.setName("LibreOffice委员");
            m.setMemberships(new ArrayList<>(List.of(new MembershipForm(fx.committee(DemoAccounts.LUQUAN), "MEMBER"))));
            members.create(admin, m);
        }
        List<SheetRow> rows;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/ledger-libreoffice.xlsx")) {
            rows = SpreadsheetReader.readAll(in, 50_000);
        }
        // LibreOffice stored the first date as a date cell and kept the second as the text typed
        assertThat(rows.get(1).cell(1)).isEqualTo("2025-06-18");
        assertThat(rows.get(2).cell(1)).isEqualTo("2025/6/19");
        // the fixture's dates lie in a quarter long locked, so it is loaded as a loader acting for the county's staff
        DataScope loader = staff().asLoader();
        LedgerImportService.Parsed parsed = imports.parse(loader, fx.structure(), rows, zh);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        ImportOutcome outcome = imports.importRows(loader, campaign(), parsed.rows(), false, null, x -> { });
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.imported() + outcome.ignored()).isEqualTo(2);
        var found = ledger.search(admin, new LedgerQuery(campaign(), null, null, null, null, null, null, false, "LibreOffice保存的第二行", null), PageRequest.of(1, 5));
        assertThat(found.items()).singleElement().satisfies(r -> {
            assertThat(r.entry().startDate()).isEqualTo(LocalDate.of(2025, 6, 19));
            assertThat(r.entry().endDate()).isEqualTo(LocalDate.of(2025, 6, 20));
            assertThat(r.entry().partner()).isEqualTo("禄劝示范合作社");
            assertThat(r.values()).containsEntry("就业岗位（个）", new java.math.BigDecimal("2"));
        });
    }

    @Test
    void aRowThatPointsNowhereIsReportedWithItsColumn() throws IOException {
        XSSFWorkbook wb = reopen(imports.template(staff(), campaign(), zh));
        fill(wb.getSheet("就业岗位"), 1, "缺地点", LocalDate.now().toString(), "", "", memberCell(), "", "", "", "", "", "1");
        List<SheetRow> rows = SpreadsheetReader.readAll(new ByteArrayInputStream(bytes(wb)), 50_000);
        LedgerImportService.Parsed parsed = imports.parse(staff(), fx.structure(), rows, zh);
        assertThat(parsed.errors()).extracting(ImportError::sheet, ImportError::row, ImportError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("就业岗位", 2, "地点"));
    }

    private Job run(byte[] file, String name) throws InterruptedException {
        long id = importJob.start(staff(), campaign(), new ByteArrayInputStream(file), name, true, zh);
        return cn.zhutui.support.Jobs.await(jobs, staff(), id, 60);
    }

    private String memberCell() {
        var m = members.search(staff(), MemberQuery.all(), PageRequest.of(1, 1)).items().get(0).member();
        return m.name() + " [" + m.id() + "]";
    }

    private static void fill(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static List<String> column(Sheet sheet) {
        List<String> values = new ArrayList<>();
        sheet.forEach(r -> values.add(r.getCell(0).getStringCellValue()));
        return values;
    }

    static XSSFWorkbook reopen(Workbook wb) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes(wb)));
    }

    static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
