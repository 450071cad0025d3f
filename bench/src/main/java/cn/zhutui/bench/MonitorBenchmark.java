package cn.zhutui.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Return-to-poverty monitoring at province scale (bench/generate-monitor.sql: ~2,000,000 households,
 * ~200,000 cases), the targets of its issue: a county office's case list (all, and those past their
 * 15-day clock) and the figures of the province and of a prefecture, each under 300 ms; a household
 * found by an ID number through the keyed hash's index; a department's screening file of 100,000
 * rows matched in under 60 s. Whole pages over HTTP, logged in as the demo's users, one user at a
 * time, each page beside its floor (the same rows from one SQL statement on the facts, floors/monitor-*.sql).
 *
 * <p>The screening ({@link #screeningOfAHundredThousandRows}) runs alone, each run a new file: half its
 * rows people of generated households (one per household, read back from their ciphertext with the
 * app's key: {@code -p piiKey=}), the rest valid numbers nobody has, invalid numbers and repeated
 * rows; measured from the upload through the page until the job's page says it is done. Each run
 * opens tens of thousands of cases: run the pages first ({@code -e screening}), then it
 * ({@code MonitorBenchmark.screening}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 2, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class MonitorBenchmark {

    /** Who the pages are opened as, and the app's key. */
    @State(Scope.Benchmark)
    public static class Setting {
        /** A county office (its case list). */
        @Param("luquan.staff")
        public String countyUser;
        /** The province's office: its figures, a prefecture's, the lookups by ID number, the screening. */
        @Param("province.staff")
        public String provinceUser;
        /** A prefecture, for its figures. */
        @Param("5301")
        public String prefecture;
        /** The app's key file (pii.key beside its files directory) or the base64 key: to read generated ID numbers back. */
        @Param("data/pii.key")
        public String piiKey;
    }

    Web county;
    Web province;
    Db db;
    Pii pii;
    String prefecture;
    List<String> idNumbers = new ArrayList<>();
    List<Long> idHouseholds = new ArrayList<>();
    int next;
    Map<String, Object> countyListFloor;
    Map<String, Object> countyOverdueFloor;
    Map<String, Object> provinceFiguresFloor;
    Map<String, Object> prefectureFiguresFloor;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** The region an office user works in (the org's, or the nearest above it with one): what the app scopes to. */
    static String reach(Db db, String username) {
        Object r = db.value("""
                SELECT coalesce((SELECT a.region_code FROM org a WHERE o.path LIKE a.path || '%' AND a.region_code IS NOT NULL
                                  ORDER BY length(a.path) DESC LIMIT 1), '')
                  FROM app_user u JOIN org o ON o.id = u.org_id WHERE u.username = ?""", username);
        if (r == null) {
            throw new IllegalStateException("no user " + username);
        }
        return (String) r;
    }

    /** The app's key, checked against the database's fingerprint of it. */
    static Pii pii(Db db, String key) {
        Pii pii = Pii.of(key);
        Object stored = db.value("SELECT fingerprint FROM pii_key_check WHERE id = 1");
        if (!pii.fingerprint().equals(stored)) {
            throw new IllegalStateException("the key " + key + " is not this database's personal-data key (-p piiKey=<the app's pii.key>)");
        }
        return pii;
    }

    @Setup
    public void setUp(App app, Database database, Setting setting) {
        db = database.sql;
        county = Web.login(app.url, setting.countyUser, app.password);
        province = Web.login(app.url, setting.provinceUser, app.password);
        pii = pii(db, setting.piiKey);
        prefecture = setting.prefecture;
        LocalDate today = today();
        String countyReach = reach(db, setting.countyUser);
        String provinceReach = reach(db, setting.provinceUser);
        countyListFloor = new HashMap<>(Map.of("reach", countyReach, "overdue", false, "today", today));
        countyOverdueFloor = new HashMap<>(Map.of("reach", countyReach, "overdue", true, "today", today));
        provinceFiguresFloor = figuresFloor(provinceReach, today);
        prefectureFiguresFloor = figuresFloor(prefecture, today);

        // a thousand people of generated households, their numbers read back with the app's key
        for (Object[] r : db.rows("""
                SELECT p.id_cipher, m.household_id
                  FROM household_person p TABLESAMPLE SYSTEM (0.2)
                  JOIN household_membership m ON m.person_id = p.id AND m.left_on IS NULL
                  JOIN household h ON h.id = m.household_id AND h.address = 'bench-monitor' AND h.status = 'ACTIVE'
                 WHERE p.id_hash IS NOT NULL
                 ORDER BY random() LIMIT 1000""")) {
            idNumbers.add(pii.decryptId((byte[]) r[0]));
            idHouseholds.add(((Number) r[1]).longValue());
        }
        if (idNumbers.isEmpty()) {
            throw new IllegalStateException("no generated households with ID numbers: run bench/generate-monitor.sql first");
        }
        List<Object> plan = db.values("EXPLAIN SELECT id FROM household_person WHERE id_hash = ?", pii.hashId(idNumbers.get(0)));
        System.out.printf("%nCases of %s (%s): %s; past their clock: %s. The lookup by ID number: %s%n", setting.countyUser, countyReach,
                db.value("SELECT count(*) FROM monitor_case WHERE region_code LIKE ? || '%'", countyReach),
                db.value("SELECT count(*) FROM monitor_case WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND deadline < ?"
                        + " AND region_code LIKE ? || '%'", today, countyReach),
                String.join(" / ", plan.stream().map(String::valueOf).map(String::trim).toList()));
    }

    private static Map<String, Object> figuresFloor(String prefix, LocalDate today) {
        int keyLength = switch (prefix.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            default -> 9;
        };
        // the page's default period: this year up to this month
        Map<String, Object> f = new HashMap<>();
        f.put("prefix", prefix);
        f.put("keyLength", keyLength);
        f.put("today", today);
        f.put("fromMonth", today.withDayOfYear(1));
        f.put("toMonth", today.withDayOfMonth(1));
        return f;
    }

    @Benchmark
    public String countyCaseList() {
        return county.get("/monitor/cases");
    }

    @Benchmark
    public long countyCaseListFloor() {
        return db.floor("monitor-cases", countyListFloor);
    }

    @Benchmark
    public String countyOverdueCases() {
        return county.get("/monitor/cases?overdue=true");
    }

    @Benchmark
    public long countyOverdueCasesFloor() {
        return db.floor("monitor-cases", countyOverdueFloor);
    }

    @Benchmark
    public String provinceFigures() {
        return province.get("/monitor/figures");
    }

    @Benchmark
    public long provinceFiguresFloor() {
        return db.floor("monitor-figures", provinceFiguresFloor);
    }

    @Benchmark
    public String prefectureFigures() {
        return province.get("/monitor/figures?regionCode=" + prefecture);
    }

    @Benchmark
    public long prefectureFiguresFloor() {
        return db.floor("monitor-figures", prefectureFiguresFloor);
    }

    /** The household list searched by an ID number (the registry's lookup, by the keyed hash): it must list that household. */
    @Benchmark
    public String householdByIdNumber() {
        int i = next++ % idNumbers.size();
        String page = province.get("/households?idNumber=" + URLEncoder.encode(idNumbers.get(i), StandardCharsets.UTF_8));
        if (!page.contains("/households/" + idHouseholds.get(i) + "\"")) {
            throw new IllegalStateException("the lookup by ID number did not find household " + idHouseholds.get(i));
        }
        return page;
    }

    @Benchmark
    public long householdByIdNumberFloor() {
        int i = next++ % idNumbers.size();
        return db.floor("monitor-household", Map.of("hash", pii.hashId(idNumbers.get(i))));
    }

    // ---------------------------------------------------------------- the screening file

    /** A department's screening file, new for each run. */
    @State(Scope.Benchmark)
    public static class ScreeningFile {

        /** Rows of the file: half people of generated households, the rest unmatched. */
        @Param("100000")
        public int screeningRows;
        /** The department (a code of the monitor_department dictionary). */
        @Param("MEDICAL_INSURANCE")
        public String screeningDepartment;

        Web web;
        Db db;
        Pii pii;
        List<String> counties;
        long generatedHouseholds;
        byte[] file;
        String fileName;
        String job;
        int matchedRows;

        @Setup(Level.Trial)
        public void logIn(App app, Database database, Setting setting) {
            db = database.sql;
            web = Web.login(app.url, setting.provinceUser, app.password);
            pii = pii(db, setting.piiKey);
            counties = db.values("SELECT DISTINCT left(code, 6) FROM region WHERE level = 5 AND code LIKE '53%' ORDER BY 1").stream()
                    .map(String::valueOf).toList();
            generatedHouseholds = ((Number) db.value("SELECT count(*) FROM household WHERE address = 'bench-monitor'")).longValue();
        }

        /**
         * The rows: one person of each of half as many generated households as rows (a random sample),
         * then valid numbers nobody has (sequences 901–999, which the generator never gives), 2.5% invalid
         * numbers and 1.5% repeated rows, shuffled. The previous run's job is waited for first.
         */
        @Setup(Level.Iteration)
        public void fill() throws IOException, InterruptedException {
            for (int i = 0; i < 1200 && ((Number) db.value("SELECT count(*) FROM job WHERE status IN ('QUEUED', 'RUNNING')")).longValue() > 0; i++) {
                Thread.sleep(500);
            }
            int matched = screeningRows / 2;
            int repeated = screeningRows * 15 / 1000;
            int invalid = screeningRows * 25 / 1000;
            int notFound = screeningRows - matched - repeated - invalid;
            // people ~3.7 per household: sample enough people for the households wanted
            double percent = Math.min(100, 100.0 * 1.6 * matched / Math.max(1, generatedHouseholds * 3));
            List<String[]> people = new ArrayList<>();
            for (Object[] r : db.rows(String.format(java.util.Locale.ROOT, """
                    SELECT DISTINCT ON (m.household_id) p.name, p.id_cipher
                      FROM household_person p TABLESAMPLE BERNOULLI (%.4f)
                      JOIN household_membership m ON m.person_id = p.id AND m.left_on IS NULL
                      JOIN household h ON h.id = m.household_id AND h.address = 'bench-monitor' AND h.status = 'ACTIVE'
                     WHERE p.id_hash IS NOT NULL
                     ORDER BY m.household_id, random()""", percent))) {
                people.add(new String[] {(String) r[0], pii.decryptId((byte[]) r[1])});
            }
            Random random = new Random();
            Collections.shuffle(people, random);
            if (people.size() < matched) {
                throw new IllegalStateException("only " + people.size() + " generated households sampled, " + matched + " wanted");
            }
            people = people.subList(0, matched);
            matchedRows = matched;
            List<String[]> rows = new ArrayList<>(people);
            for (int i = 0; i < repeated; i++) {
                rows.add(people.get(random.nextInt(people.size())));
            }
            for (int i = 0; i < notFound + invalid; i++) {
                LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(25_500));
                String first17 = counties.get(random.nextInt(counties.size())) + born.toString().replace("-", "")
                        + (901 + random.nextInt(99));
                char check = Pii.checkDigit(first17);
                if (i >= notFound) {
                    // a wrong check digit: as often mistyped
                    check = check == '0' ? '1' : (char) (check == 'X' ? '0' : check - 1);
                }
                rows.add(new String[] {"某某", first17 + check});
            }
            Collections.shuffle(rows, random);
            String[] reasons = {"因病", "因病", "因病", "因残", "因意外"};
            try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = wb.createSheet("预警名单");
                Row header = sheet.createRow(0);
                String[] titles = {"姓名", "身份证号", "预警原因", "情况说明", "自付金额"};
                for (int c = 0; c < titles.length; c++) {
                    header.createCell(c).setCellValue(titles[c]);
                }
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    row.createCell(0).setCellValue(rows.get(r)[0]);
                    row.createCell(1).setCellValue(rows.get(r)[1]);
                    row.createCell(2).setCellValue(reasons[r % reasons.length]);
                    row.createCell(3).setCellValue("年度住院自付费用较高");
                    row.createCell(4).setCellValue(String.valueOf(20000 + random.nextInt(60000)));
                }
                wb.write(out);
                wb.dispose();
                file = out.toByteArray();
            }
            fileName = "医保部门预警名单-" + UUID.randomUUID().toString().substring(0, 8) + ".xlsx";
        }

        /** What the run's job came to (its counts and its own time), printed after it. */
        @TearDown(Level.Iteration)
        public void report() {
            if (job == null) {
                return;
            }
            long jobId = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));
            List<Object[]> batch = db.rows("""
                    SELECT s.rows_read, s.matched, s.unmatched, s.attached, s.opened,
                           round(extract(epoch FROM j.finished_at - j.started_at)::numeric, 1),
                           round(extract(epoch FROM j.started_at - j.created_at)::numeric, 1)
                      FROM monitor_screening s JOIN job j ON j.id = s.job_id WHERE s.job_id = ?""", jobId);
            if (batch.isEmpty()) {
                throw new IllegalStateException("job " + jobId + " left no screening batch");
            }
            Object[] b = batch.get(0);
            System.out.printf("%nScreening job %d (%,d bytes): %s rows read, %s matched (%,d households in the file), %s unmatched, %s joined"
                            + " open cases, %s opened; the job ran %s s after waiting %s s%n", jobId, file.length, b[0], b[1], matchedRows, b[2],
                    b[3], b[4], b[5], b[6]);
            // (an invented number may, rarely, be one the demo invented too: a match more)
            if (((Number) b[1]).intValue() < matchedRows) {
                throw new IllegalStateException("matched " + b[1] + " rows, " + matchedRows + " expected");
            }
            job = null;
        }
    }

    /** A department's screening file of 100,000 rows, from the upload through the page until the job's page says it is done. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public String screeningOfAHundredThousandRows(ScreeningFile f) throws InterruptedException {
        String job = f.web.upload("/monitor/screenings", "/monitor/screenings", Map.of("department", f.screeningDepartment), "file", f.fileName,
                f.file);
        if (!job.matches("/monitor/screenings/jobs/\\d+")) {
            throw new IllegalStateException("the upload was refused (answered " + job + ")");
        }
        f.job = job;
        // the job page polls its progress; so does the browser
        while (true) {
            String progress = f.web.get(job + "/progress");
            if (progress.contains("alert-success")) {
                return job;
            }
            if (progress.contains("id=\"job-result\"") && progress.contains("alert-danger")) {
                throw new IllegalStateException("the screening failed: " + progress.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
            }
            Thread.sleep(200);
        }
    }
}
