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

import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Workbooks;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.JobStatus;
import cn.zhutui.member.MemberQuery;
import cn.zhutui.member.MemberService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A 50,000-row workbook imported in the background: progress is visible while it runs, and all
 * rows land. Its own application context (and database), so the other tests do not see them.
 */
@IntegrationTest
@TestPropertySource(properties = "zhutui.test.context=large-import")
class LargeImportTest {

    static final int ROWS = 50_000;

    @Autowired
    LedgerImportJob importJob;
    @Autowired
    JobService jobs;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    MemberService members;
    @Autowired
    RegionService regions;
    @Autowired
    Scopes scopes;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void fiftyThousandRowsImportInTheBackgroundWithProgress() throws Exception {
        DataScope staff = scopes.of("luquan.staff");
        CampaignStructure s = fx.structure();
        List<String> memberCells = members.search(staff, MemberQuery.all(), PageRequest.of(1, 50)).items().stream()
                .map(i -> i.member().name() + " [" + i.member().id() + "]").toList();
        List<Region> villages = regions.atLevel(RegionLevel.VILLAGE, "530128");
        LocalDate today = ledger.today();
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        Random random = new Random(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = Workbooks.streaming()) {
            // the template's guide sheet: its lines are no data and do not count against the limit
            Sheet guide = wb.createSheet("填写说明");
            for (int g = 0; g < 10; g++) {
                guide.createRow(g).createCell(0).setCellValue("说明第" + (g + 1) + "条");
            }
            List<TaskType> types = s.activeTaskTypes();
            for (TaskType type : types) {
                // exactly the limit in all: the first sheet takes the remainder
                int perSheet = ROWS / types.size() + (type == types.get(0) ? ROWS % types.size() : 0);
                Sheet sheet = wb.createSheet(LedgerSheet.sheetName(type.shortName()));
                List<Indicator> indicators = s.activeIndicators(type);
                Row header = sheet.createRow(0);
                List<String> titles = new ArrayList<>(List.of("标题*", "开始日期*", "结束日期", "地点*", "委员*", "填报单位", "受益户数", "受益人数", "合作企业", "情况说明"));
                indicators.forEach(i -> titles.add(i.title()));
                for (int c = 0; c < titles.size(); c++) {
                    header.createCell(c).setCellValue(titles.get(c));
                }
                for (int r = 1; r <= perSheet; r++) {
                    Row row = sheet.createRow(r);
                    row.createCell(0).setCellValue(type.shortName() + "批量" + r);
                    long days = java.time.temporal.ChronoUnit.DAYS.between(quarterStart, today);
                    row.createCell(1).setCellValue(quarterStart.plusDays(days == 0 ? 0 : random.nextInt((int) days + 1)).toString());
                    row.createCell(3).setCellValue(villages.get(random.nextInt(villages.size())).code());
                    row.createCell(4).setCellValue(memberCells.get(random.nextInt(memberCells.size())));
                    row.createCell(6).setCellValue(1 + random.nextInt(20));
                    for (int i = 0; i < indicators.size(); i++) {
                        row.createCell(10 + i).setCellValue(indicators.get(i).decimals() ? 0.5 + random.nextInt(500) / 10.0 : 1 + random.nextInt(5));
                    }
                }
            }
            wb.write(out);
        }
        long before = jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single();
        assertThat(ledger.search(staff, LedgerQuery.all(), PageRequest.of(1, 1)).totalAtLeast()).isFalse();
        long started = System.currentTimeMillis();
        long id = importJob.start(staff, s.campaign().id(), new ByteArrayInputStream(out.toByteArray()), "五万行.xlsx", true, Locale.SIMPLIFIED_CHINESE);
        boolean sawProgress = false;
        Job job = jobs.get(staff, id);
        while (!job.status().finished() && System.currentTimeMillis() - started < 600_000) {
            Thread.sleep(250);
            job = jobs.get(staff, id);
            sawProgress |= job.status() == JobStatus.RUNNING && job.done() > 0 && job.done() < job.total();
        }
        long seconds = (System.currentTimeMillis() - started) / 1000;
        assertThat(job.status()).as("%s after %d s", jobs.result(job), seconds).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sawProgress).as("progress reported while running").isTrue();
        assertThat(jobs.result(job)).containsEntry("imported", ROWS);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry").query(Long.class).single()).isEqualTo(before + ROWS);
        var list = ledger.search(staff, LedgerQuery.all(), PageRequest.of(2, 20));
        assertThat(list.totalAtLeast()).as("a list this long is counted only up to the cap").isTrue();
        assertThat(list.total()).isEqualTo(10_000);
        assertThat(list.items()).hasSize(20);
        assertThat(list.hasNext()).isTrue();
        System.out.println("LARGE IMPORT: " + ROWS + " rows in " + seconds + " s");
    }
}
