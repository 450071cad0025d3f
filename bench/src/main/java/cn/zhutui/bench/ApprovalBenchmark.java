package cn.zhutui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From an approval to the report: a reviewer approves a submitted entry of the quarter, and the
 * very next request for the province table must count it (one more approved entry), or the run
 * fails. Measured: the approval and that report together. Each approval uses up one submitted
 * entry of the generated ledger (4% of them are submitted: thousands per quarter).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ApprovalBenchmark {

    Web web;
    long campaignId;
    String quarter;
    final Deque<JsonNode> submitted = new ArrayDeque<>();
    JsonNode next;
    long approvedBefore;

    @Setup
    public void setUp(App app) {
        web = app.web;
        campaignId = app.campaignId;
        quarter = app.quarter;
    }

    @Setup(Level.Invocation)
    public void nextEntry() {
        if (submitted.isEmpty()) {
            JsonNode page = web.api("/api/v1/entries?campaignId=" + campaignId + "&periodId=" + quarter + "&status=SUBMITTED&size=200");
            page.get("items").forEach(submitted::add);
            if (submitted.isEmpty()) {
                throw new IllegalStateException("no submitted entries left in " + quarter);
            }
        }
        next = submitted.poll();
        approvedBefore = approvedEntries(report());
    }

    @Benchmark
    public long approveAndReport() {
        web.apiPost("/api/v1/entries/" + next.get("id").asLong() + "/review",
                "{\"decision\": \"APPROVE\", \"version\": " + next.get("version").asInt() + "}");
        long after = approvedEntries(report());
        if (after != approvedBefore + 1) {
            throw new IllegalStateException("approved entries went from " + approvedBefore + " to " + after + ", not up by one");
        }
        return after;
    }

    private JsonNode report() {
        return web.api("/api/v1/reports/table?campaignId=" + campaignId + "&periodId=" + quarter);
    }

    private static long approvedEntries(JsonNode table) {
        for (JsonNode row : table.get("summary")) {
            if (row.get("key").asText().equals("entries")) {
                return row.get("total").asLong();
            }
        }
        throw new IllegalStateException("no entries line in the table");
    }
}
