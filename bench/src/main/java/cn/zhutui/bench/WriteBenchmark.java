package cn.zhutui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Entries recorded and submitted over the API by 16 clients at once, without pause, for five
 * minutes (after half a minute of warm-up): each request one entry, created and sent for review in one
 * call with its own Idempotency-Key, as a phone or another system would. The throughput is the
 * entries acknowledged in the measured iteration over its time; the latencies come from sample mode. At the end the entries
 * the database holds must equal the entries acknowledged with 201, none lost, none doubled, or
 * the run fails.
 *
 * <p>Each client is the clerk of its own county committee (as the province's load comes from its
 * counties), recording that county's kind of work for its own members and places. With
 * {@code offices=1} all 16 clients are one office's clerks on one kind of work: each entry then
 * adds to the same rows of the unit's figures, and the writes wait for each other's commits.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 30)
@Measurement(iterations = 1, time = 300)
@Threads(16)
@Fork(1)
public class WriteBenchmark {

    /** An office the clients record for: its unit, a kind of work it does, its members and places. */
    record Office(String username, ObjectNode template, List<String> places) {
    }

    /** What every client shares: the offices, the run's tag, the acknowledged count. */
    @State(Scope.Benchmark)
    public static class Run {
        final String tag = "写入基准" + UUID.randomUUID().toString().substring(0, 8);
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong sequence = new AtomicLong();
        /** How many county offices the 16 clients are spread over (16: one each; 1: all in one) */
        @Param("16")
        public int offices;
        final List<Office> chosen = new ArrayList<>();
        Db db;

        @Setup(Level.Trial)
        public void setUp(App app, Database database) {
            db = database.sql;
            // county committees with approved work of the campaign that names members: one entry each is the model
            List<Object[]> samples = db.rows("""
                    SELECT DISTINCT ON (e.unit_org_id) e.id, e.unit_org_id, e.task_type_id, e.region_code
                    FROM ledger_entry e JOIN org o ON o.id = e.unit_org_id
                    WHERE e.campaign_id = ? AND e.status = 'APPROVED' AND o.level = 'COUNTY' AND o.kind = 'COMMITTEE'
                      AND EXISTS (SELECT 1 FROM ledger_entry_member m WHERE m.entry_id = e.id)
                    ORDER BY e.unit_org_id, e.id LIMIT ?""", app.campaignId, offices);
            if (samples.size() < offices) {
                throw new IllegalStateException("only " + samples.size() + " county offices have approved entries with members");
            }
            for (Object[] s : samples) {
                long entryId = ((Number) s[0]).longValue();
                long unit = ((Number) s[1]).longValue();
                String username = "bench.writer." + unit;
                // the office's clerk: the writer's password and roles, at the county committee
                db.update("""
                        INSERT INTO app_user (username, display_name, password_hash, org_id, must_change_password, password_changed_at)
                        SELECT ?, '基准录入员' || ?, password_hash, ?, false, now() FROM app_user WHERE username = ?
                        ON CONFLICT (username) DO NOTHING""", username, unit, unit, app.writer);
                db.update("INSERT INTO user_role (user_id, role) SELECT id, 'STAFF' FROM app_user WHERE username = ? ON CONFLICT DO NOTHING",
                        username);
                ObjectNode template = Web.JSON.createObjectNode();
                template.put("campaignId", app.campaignId);
                template.put("taskTypeId", ((Number) s[2]).longValue());
                template.put("orgId", unit);
                var members = template.putArray("memberIds");
                db.values("SELECT member_id FROM ledger_entry_member WHERE entry_id = ? ORDER BY member_id", entryId)
                        .forEach(m -> members.add(((Number) m).longValue()));
                template.put("startDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
                template.put("households", 3);
                template.put("persons", 9);
                var values = template.putObject("values");
                db.rows("SELECT indicator_id, value FROM ledger_value WHERE entry_id = ? ORDER BY indicator_id", entryId)
                        .forEach(v -> values.put(v[0].toString(), (BigDecimal) v[1]));
                template.put("submit", true);
                List<String> places = new ArrayList<>();
                String county = ((String) s[3]).substring(0, 6);
                db.values("SELECT code FROM region WHERE code LIKE ? AND level >= 4 ORDER BY code", county + "%")
                        .forEach(code -> places.add((String) code));
                chosen.add(new Office(username, template, places));
            }
        }

        private long iterationStartCount;
        private long iterationStartNanos;
        private int iteration;

        @Setup(Level.Iteration)
        public void startIteration() {
            iterationStartCount = acknowledged.get();
            iterationStartNanos = System.nanoTime();
        }

        /**
         * The throughput, counted: sample mode times only some of the calls, so its count is not the
         * number of entries made. Summary reads the last of these lines (the measured iteration).
         */
        @TearDown(Level.Iteration)
        public void countIteration() {
            long entries = acknowledged.get() - iterationStartCount;
            double seconds = (System.nanoTime() - iterationStartNanos) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "%nIteration %d: %d entries acknowledged in %.1f s%n", ++iteration, entries, seconds);
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

    /** Each client: a clerk of its office, with its own login and token, as 16 people or devices would. */
    @State(Scope.Thread)
    public static class Client {
        Web web;
        Office office;

        @Setup(Level.Trial)
        public void logIn(App app, Run run, ThreadParams thread) {
            office = run.chosen.get(thread.getThreadIndex() % run.chosen.size());
            web = Web.login(app.url, office.username(), app.password).withApiToken();
        }
    }

    @Benchmark
    public long createAndSubmit(Run run, Client client) {
        ObjectNode body = client.office.template().deepCopy();
        long n = run.sequence.incrementAndGet();
        body.put("title", run.tag + "-" + n);
        // places and figures vary, as real work does (and so entries are not look-alikes of each other)
        List<String> places = client.office.places();
        body.put("regionCode", places.get((int) (n % places.size())));
        ObjectNode values = (ObjectNode) body.get("values");
        values.fieldNames().forEachRemaining(k -> values.put(k, 1 + n % 97));
        JsonNode created = client.web.apiCreate("/api/v1/entries", body.toString(), UUID.randomUUID().toString());
        run.acknowledged.incrementAndGet();
        return created.get("id").asLong();
    }
}
