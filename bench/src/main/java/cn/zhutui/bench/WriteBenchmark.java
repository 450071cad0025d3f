package cn.zhutui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Entries recorded and submitted over the API by 16 clients at once, without pause, for five
 * minutes (after one of warm-up): each request one entry, created and sent for review in one
 * call with its own Idempotency-Key, as a phone or another system would. The throughput is the
 * samples over the measured time; the latencies come from sample mode. At the end the entries
 * the database holds must equal the entries acknowledged with 201, none lost, none doubled, or
 * the run fails.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 60)
@Measurement(iterations = 1, time = 300)
@Threads(16)
@Fork(1)
public class WriteBenchmark {

    /** What every client shares: the template of an entry, the run's tag, the acknowledged count. */
    @State(Scope.Benchmark)
    public static class Run {
        final String tag = "写入基准" + UUID.randomUUID().toString().substring(0, 8);
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong sequence = new AtomicLong();
        ObjectNode template;
        /** Places of the org's county: entries of different places and figures are different work (no duplicate flags). */
        final java.util.List<String> places = new java.util.ArrayList<>();
        Db db;
        long campaignId;

        @Setup(Level.Trial)
        public void setUp(App app, Database database) {
            db = database.sql;
            campaignId = app.campaignId;
            // an entry of the ledger gives a valid task type, place, member, org and figures
            JsonNode sample = app.web.api("/api/v1/entries?campaignId=" + campaignId + "&status=APPROVED&size=1").get("items").get(0);
            template = Web.JSON.createObjectNode();
            template.put("campaignId", campaignId);
            template.put("taskTypeId", sample.get("taskTypeId").asLong());
            template.put("orgId", sample.get("orgId").asLong());
            var members = template.putArray("memberIds");
            sample.get("members").forEach(m -> members.add(m.get("id").asLong()));
            template.put("regionCode", sample.get("regionCode").asText());
            template.put("startDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            template.put("households", 3);
            template.put("persons", 9);
            var values = template.putObject("values");
            sample.get("values").forEach(v -> values.put(v.get("indicatorId").asText(), v.get("value").decimalValue()));
            template.put("submit", true);
            String county = sample.get("regionCode").asText().substring(0, 6);
            for (Object code : db.values("SELECT code FROM region WHERE code LIKE ? AND level >= 4 ORDER BY code", county + "%")) {
                places.add((String) code);
            }
        }

        @TearDown(Level.Trial)
        public void nothingLostNothingDoubled() {
            long saved = ((Number) db.value("SELECT count(*) FROM ledger_entry WHERE title LIKE ? AND status = 'SUBMITTED'", tag + "%")).longValue();
            System.out.printf("%nAcknowledged %d entries, the database holds %d%n", acknowledged.get(), saved);
            if (saved != acknowledged.get()) {
                throw new IllegalStateException("acknowledged " + acknowledged.get() + " entries but the database holds " + saved);
            }
        }
    }

    /** Each client: its own login and token (a user's session), as 16 people or devices would. */
    @State(Scope.Thread)
    public static class Client {
        Web web;

        @Setup(Level.Trial)
        public void logIn(App app) {
            web = Web.login(app.url, app.writer, app.password).withApiToken();
        }
    }

    @Benchmark
    public long createAndSubmit(Run run, Client client) {
        ObjectNode body = run.template.deepCopy();
        long n = run.sequence.incrementAndGet();
        body.put("title", run.tag + "-" + n);
        body.put("regionCode", run.places.get((int) (n % run.places.size())));
        // the figures vary too, as real work does
        ObjectNode values = (ObjectNode) body.get("values");
        values.fieldNames().forEachRemaining(k -> values.put(k, 1 + n % 97));
        JsonNode created = client.web.apiCreate("/api/v1/entries", body.toString(), UUID.randomUUID().toString());
        run.acknowledged.incrementAndGet();
        return created.get("id").asLong();
    }
}
