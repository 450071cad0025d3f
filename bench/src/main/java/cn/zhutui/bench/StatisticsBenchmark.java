package cn.zhutui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The statistics pages as a province office user opens them, over HTTP against the running app:
 * the whole page (the server's work and the HTML), one user at a time. Percentiles come from
 * JMH's sample mode.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
@State(Scope.Benchmark)
public class StatisticsBenchmark {

    /** A prefecture and a county of it: the start of their committees' names. */
    @Param("昆明")
    public String prefecture;
    @Param("禄劝")
    public String county;

    Web web;
    long campaignId;
    String quarter;
    long prefectureOrg;
    long countyOrg;
    String quarterRange;

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
    public void setUp(App app) {
        web = app.web;
        campaignId = app.campaignId;
        quarter = app.quarter;
        JsonNode province = web.api("/api/v1/reports/table?campaignId=" + campaignId + "&periodId=" + quarter);
        prefectureOrg = columnOf(province, prefecture);
        countyOrg = columnOf(web.api("/api/v1/reports/table?campaignId=" + campaignId + "&orgId=" + prefectureOrg + "&periodId=" + quarter), county);
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(5) - '0';
        java.time.LocalDate from = java.time.LocalDate.of(year, q * 3 - 2, 1);
        quarterRange = "&from=" + from + "&to=" + from.plusMonths(3).minusDays(1);
    }

    @Benchmark
    public String provinceTableForAQuarter() {
        return web.get("/reports?campaignId=" + campaignId + "&periodId=" + quarter);
    }

    @Benchmark
    public String provinceTableYearToDate() {
        return web.get("/reports?campaignId=" + campaignId + "&periodId=" + quarter + "YTD");
    }

    @Benchmark
    public String drillDownToAPrefecture() {
        return web.get("/reports?campaignId=" + campaignId + "&orgId=" + prefectureOrg + "&periodId=" + quarter);
    }

    @Benchmark
    public String drillDownToACounty() {
        return web.get("/reports?campaignId=" + campaignId + "&orgId=" + countyOrg + "&periodId=" + quarter);
    }

    @Benchmark
    public String drillDownToACountysEntries() {
        return web.get("/entries?campaignId=" + campaignId + "&orgId=" + countyOrg + quarterRange + "&counted=APPROVED");
    }

    @Benchmark
    public String dashboard() {
        return web.get("/dashboard?campaignId=" + campaignId + "&periodId=" + quarter);
    }
}
