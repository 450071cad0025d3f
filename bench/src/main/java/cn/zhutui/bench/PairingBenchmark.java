package cn.zhutui.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 三联三促 at province scale (bench/generate-pairing.sql): the province's quarterly compliance (every
 * pairing's visits, duties and household regressions), the figures read from their facts, the 1+1
 * check over all members, the household list, and a member's phone page — whole pages over HTTP.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
@State(Scope.Benchmark)
public class PairingBenchmark {

    Web web;
    Web member;
    String quarter;

    @Setup
    public void setUp(App app) {
        web = app.web;
        quarter = app.quarter;
        member = Web.login(app.url, "member.demo", app.password);
    }

    @Benchmark
    public String provinceCompliance() {
        return web.get("/pairings/compliance?period=" + quarter);
    }

    @Benchmark
    public String provinceFiguresOfTheYearByUnit() {
        return web.get("/pairings/figures?groupBy=unit&period=" + quarter.substring(0, 4));
    }

    @Benchmark
    public String provinceFiguresOfTheQuarterByCounty() {
        return web.get("/pairings/figures?groupBy=county&period=" + quarter);
    }

    @Benchmark
    public String onePlusOneOfTheProvince() {
        return web.get("/pairings/one-plus-one");
    }

    @Benchmark
    public String householdsOfTheProvince() {
        return web.get("/households");
    }

    @Benchmark
    public String aMembersPhonePage() {
        return member.get("/field/");
    }
}
