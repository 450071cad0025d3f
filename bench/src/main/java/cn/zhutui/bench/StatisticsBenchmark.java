package cn.zhutui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The statistics pages as a province office user opens them, over HTTP against the running app
 * (the whole page: the server's work and the HTML), one user at a time; and beside each, its
 * floor: the same figures computed by one SQL statement straight on the database (a file under
 * floors/). The ratio page / floor carries from one machine to another; an absolute time does not.
 * Every page and floor runs dozens to hundreds of times on its connections (the warm-up alone
 * runs each for 10 s), well past the five executions after which PostgreSQL may switch a prepared
 * statement to a generic plan.
 *
 * <p>Each run of a floor comes right after its page, requested untimed ({@link #pageBeforeItsFloor}):
 * the statement then meets the processor's caches as the page's own statement does, after the
 * app's work of the page before it. Run back to back on its own, a small statement keeps its
 * buffers in the processor's cache and takes less time than it does after a page's work;
 * {@link #townshipFilterFloorHotLoop} keeps that figure for the township filter in every run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 2, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class StatisticsBenchmark {

    /** A prefecture and a county of it: the start of their committees' names. */
    @Param("昆明")
    public String prefecture;
    @Param("禄劝")
    public String county;
    /** A township of that county, for the region filter (the facts know counties only). */
    @Param("530128001")
    public String township;
    /** A range of days that is no period (whole months and days around them). */
    @Param("2025-01-05_2025-03-20")
    public String range;
    /** A title search. */
    @Param("核桃")
    public String text;

    Web web;
    Db db;
    long campaignId;
    String quarter;
    long provinceOrg;
    long prefectureOrg;
    long countyOrg;
    String quarterRange;
    Map<String, Object> quarterFloor;
    Map<String, Object> ytdFloor;
    Map<String, Object> prefectureFloor;
    Map<String, Object> countyFloor;
    Map<String, Object> entriesFloor;
    Map<String, Object> dashboardFloor;
    Map<String, Object> rangeFloor;
    Map<String, Object> townshipFloor;
    Map<String, Object> searchFloor;

    /** The org of the table's column whose name starts with the given one. */
    static long columnOf(JsonNode table, String namePrefix) {
        for (JsonNode c : table.get("columns")) {
            if (c.get("name").asText().startsWith(namePrefix)) {
                return c.get("orgId").asLong();
            }
        }
        throw new IllegalStateException("no column " + namePrefix + " in " + table.get("orgName").asText() + "'s table");
    }

    @Setup
    public void setUp(App app, Database database) {
        web = app.web;
        db = database.sql;
        campaignId = app.campaignId;
        quarter = app.quarter;
        JsonNode province = web.api("/api/v1/reports/table?campaignId=" + campaignId + "&periodId=" + quarter);
        provinceOrg = province.get("orgId").asLong();
        prefectureOrg = columnOf(province, prefecture);
        countyOrg = columnOf(web.api("/api/v1/reports/table?campaignId=" + campaignId + "&orgId=" + prefectureOrg + "&periodId=" + quarter), county);
        LocalDate[] q = Spans.quarter(quarter, false);
        quarterRange = "&from=" + q[0] + "&to=" + q[1];

        Object[] p = database.org(provinceOrg);
        Object[] pref = database.org(prefectureOrg);
        Object[] c = database.org(countyOrg);
        quarterFloor = Spans.table(campaignId, (String) p[0], (int) p[1], quarter, false);
        ytdFloor = Spans.table(campaignId, (String) p[0], (int) p[1], quarter, true);
        prefectureFloor = Spans.table(campaignId, (String) pref[0], (int) pref[1], quarter, false);
        countyFloor = Spans.table(campaignId, (String) c[0], (int) c[1], quarter, false);
        entriesFloor = entries((String) c[0], q[0], q[1], "APPROVED", null, null);
        dashboardFloor = Spans.table(campaignId, (String) p[0], (int) p[1], quarter, false);
        dashboardFloor.put("trendFrom", q[1].withDayOfMonth(1).minusMonths(11));
        dashboardFloor.put("trendTo", q[1]);
        String[] days = range.split("_");
        rangeFloor = Spans.range(campaignId, (String) p[0], (int) p[1], LocalDate.parse(days[0]), LocalDate.parse(days[1]));
        townshipFloor = Spans.table(campaignId, (String) p[0], (int) p[1], quarter, false);
        townshipFloor.put("fromDate", q[0]);
        townshipFloor.put("toDate", q[1]);
        townshipFloor.put("region", township);
        searchFloor = entries(null, null, null, null, null, text);
    }

    private Map<String, Object> entries(String path, LocalDate from, LocalDate to, String status, String region, String title) {
        Map<String, Object> f = new java.util.HashMap<>();
        f.put("campaign", campaignId);
        f.put("path", path);
        f.put("fromDate", from);
        f.put("toDate", to);
        f.put("status", status);
        f.put("region", region);
        f.put("text", title);
        return f;
    }

    @Benchmark
    public String provinceTableForAQuarter() {
        return web.get("/reports?campaignId=" + campaignId + "&periodId=" + quarter);
    }

    @Benchmark
    public long provinceTableForAQuarterFloor() {
        return db.floor("table", quarterFloor);
    }

    @Benchmark
    public String provinceTableYearToDate() {
        return web.get("/reports?campaignId=" + campaignId + "&periodId=" + quarter + "YTD");
    }

    @Benchmark
    public long provinceTableYearToDateFloor() {
        return db.floor("table", ytdFloor);
    }

    @Benchmark
    public String drillDownToAPrefecture() {
        return web.get("/reports?campaignId=" + campaignId + "&orgId=" + prefectureOrg + "&periodId=" + quarter);
    }

    @Benchmark
    public long drillDownToAPrefectureFloor() {
        return db.floor("table", prefectureFloor);
    }

    @Benchmark
    public String drillDownToACounty() {
        return web.get("/reports?campaignId=" + campaignId + "&orgId=" + countyOrg + "&periodId=" + quarter);
    }

    @Benchmark
    public long drillDownToACountyFloor() {
        return db.floor("table", countyFloor);
    }

    @Benchmark
    public String drillDownToACountysEntries() {
        return web.get("/entries?campaignId=" + campaignId + "&orgId=" + countyOrg + quarterRange + "&counted=APPROVED");
    }

    @Benchmark
    public long drillDownToACountysEntriesFloor() {
        return db.floor("entries", entriesFloor);
    }

    @Benchmark
    public String dashboard() {
        return web.get("/dashboard?campaignId=" + campaignId + "&periodId=" + quarter);
    }

    @Benchmark
    public long dashboardFloor() {
        return db.floor("dashboard", dashboardFloor);
    }

    @Benchmark
    public String rangeOfDays() {
        return web.get("/reports?campaignId=" + campaignId + "&periodId=" + range);
    }

    @Benchmark
    public long rangeOfDaysFloor() {
        return db.floor("range", rangeFloor);
    }

    @Benchmark
    public String townshipFilter() {
        return web.get("/reports?campaignId=" + campaignId + "&periodId=" + quarter + "&regionCode=" + township);
    }

    @Benchmark
    public long townshipFilterFloor() {
        return db.floor("township", townshipFloor);
    }

    /** The township filter's floor run back to back, without its page before it: for comparison only. */
    @Benchmark
    public long townshipFilterFloorHotLoop() {
        return db.floor("township", townshipFloor);
    }

    /** Before each run of a floor (…Floor), its page (the benchmark of the same name without "Floor"), untimed. */
    @Setup(Level.Invocation)
    public void pageBeforeItsFloor(BenchmarkParams params) throws ReflectiveOperationException {
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (name.endsWith("Floor")) {
            getClass().getMethod(name.substring(0, name.length() - "Floor".length())).invoke(this);
        }
    }

    @Benchmark
    public String titleSearch() {
        return web.get("/entries?campaignId=" + campaignId + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Benchmark
    public long titleSearchFloor() {
        return db.floor("entries", searchFloor);
    }
}
