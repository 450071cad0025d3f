package cn.zhutui.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A county clerk's Excel import of 50,000 rows, as the README promises it: the campaign's template
 * downloaded, filled with rows of the county's members and places, uploaded through the page, and
 * waited for until the background job has checked and saved every row. Measured: from the upload
 * to the job's end. Each run imports new rows (a fresh tag in the titles).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ImportBenchmark {

    @Param("50000")
    public int rows;
    @Param("luquan.staff")
    public String clerk;

    Web web;
    long campaignId;
    byte[] template;
    byte[] file;

    @Setup(Level.Trial)
    public void logIn(App app) {
        web = Web.login(app.url, clerk, app.password);
        campaignId = app.campaignId;
        template = web.download("/entries/import/template?campaignId=" + campaignId);
    }

    /**
     * A new file for each run: the template's first task type sheet, filled with valid rows. Each
     * import is measured alone: the previous run's follow-up job (the look-alike flags, after the
     * import has committed) is waited for first, untimed.
     */
    @Setup(Level.Iteration)
    public void fill(Database database) throws IOException, InterruptedException {
        for (int i = 0; i < 1200 && ((Number) database.sql.value(
                "SELECT count(*) FROM job WHERE status IN ('QUEUED', 'RUNNING')")).longValue() > 0; i++) {
            Thread.sleep(500);
        }
        Object flags = database.sql.value("SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 1) FROM job"
                + " WHERE kind = 'ledger-flags' AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1");
        if (flags != null) {
            System.out.printf("%nLook-alike flags of the import before: %s s (a job of its own, after the import)%n", flags);
        }
        String tag = "导入基准" + UUID.randomUUID().toString().substring(0, 6);
        // dates over the current quarter up to today, as a county's quarter of work is
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(quarterStart, today) + 1;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            List<String> members = column(wb.getSheet("_members"));
            List<String> places = column(wb.getSheet("_regions"));
            Sheet sheet = null;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                String name = wb.getSheetName(i);
                if (!name.startsWith("_") && wb.getSheetAt(i).getRow(0) != null && wb.getSheetAt(i).getRow(0).getLastCellNum() > 10) {
                    sheet = wb.getSheetAt(i);
                    break;
                }
            }
            if (sheet == null) {
                throw new IllegalStateException("no task type sheet in the template");
            }
            int indicators = sheet.getRow(0).getLastCellNum() - 10;
            try (SXSSFWorkbook out = new SXSSFWorkbook(wb, 200)) {
                Sheet s = out.getSheet(sheet.getSheetName());
                for (int r = 1; r <= rows; r++) {
                    Row row = s.createRow(r);
                    row.createCell(0).setCellValue(tag + "-" + r);
                    row.createCell(1).setCellValue(quarterStart.plusDays(r % days).toString());
                    row.createCell(3).setCellValue(places.get(r % places.size()));
                    row.createCell(4).setCellValue(members.get(r % members.size()));
                    // figures vary from row to row, as real work does
                    for (int i = 0; i < indicators; i++) {
                        row.createCell(10 + i).setCellValue(1 + (r * 7 + i * 13) % 50);
                    }
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                out.write(bytes);
                out.dispose();
                file = bytes.toByteArray();
            }
        }
    }

    @Benchmark
    public String importFiftyThousandRows() throws InterruptedException {
        String job = web.upload("/entries/import?campaignId=" + campaignId, "/entries/import",
                Map.of("campaignId", String.valueOf(campaignId)), "file", "台账导入.xlsx", file);
        // the job page polls its progress; so does the clerk's browser
        while (true) {
            String progress = web.get(job + "/progress");
            if (progress.contains("alert-success")) {
                return job;
            }
            if (progress.contains("id=\"job-result\"") && progress.contains("alert-danger")) {
                throw new IllegalStateException("the import failed: " + progress.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
            }
            Thread.sleep(200);
        }
    }

    private static List<String> column(Sheet sheet) {
        List<String> values = new ArrayList<>();
        sheet.forEach(r -> values.add(r.getCell(0).getStringCellValue()));
        return values;
    }
}
