package cn.zhutui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run from JMH's JSON results: each page beside its floor (the same figures from
 * one SQL statement) as a ratio, the writes' throughput and latency, the import's time, each
 * against its target. Prints a Markdown table; exits 1 when a target is missed.
 *
 * <p>Usage: java -cp benchmarks.jar cn.zhutui.bench.Summary reads.json writes.json import.json writes.txt
 */
public final class Summary {

    /** Page → its absolute targets (p50, p95; 0 = none), and whether it must stay within 2× its floor. */
    private record Target(String label, double p50, double p95, boolean ratio) {
    }

    private static final Map<String, Target> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("provinceTableForAQuarter", new Target("Province table, a quarter", 100, 300, true));
        PAGES.put("provinceTableYearToDate", new Target("Province table, year to date", 100, 300, true));
        PAGES.put("drillDownToAPrefecture", new Target("Prefecture drill-down", 0, 0, true));
        PAGES.put("drillDownToACounty", new Target("County drill-down", 0, 0, true));
        PAGES.put("drillDownToACountysEntries", new Target("County's entries", 0, 0, true));
        PAGES.put("dashboard", new Target("Dashboard", 0, 300, true));
        PAGES.put("rangeOfDays", new Target("Range of days", 500, 500, true));
        PAGES.put("townshipFilter", new Target("Township filter", 300, 300, true));
        PAGES.put("titleSearch", new Target("Title search", 300, 300, false));
        PAGES.put("approveAndReport", new Target("Approve + next report (visible at once)", 0, 0, false));
    }

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String file : args) {
            File f = new File(file);
            if (f.exists() && file.endsWith(".json")) {
                for (JsonNode b : Web.JSON.readTree(f)) {
                    String name = b.get("benchmark").asText();
                    results.put(name.substring(name.lastIndexOf('.') + 1), b);
                }
            }
        }
        boolean met = true;
        StringBuilder out = new StringBuilder();
        out.append("| page | p50 ms | p95 ms | floor p50 ms | floor p95 ms | ratio p50 | ratio p95 | target | met |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Map.Entry<String, Target> page : PAGES.entrySet()) {
            JsonNode b = results.get(page.getKey());
            if (b == null) {
                continue;
            }
            Target t = page.getValue();
            double p50 = percentile(b, "50.0");
            double p95 = percentile(b, "95.0");
            JsonNode floor = results.get(page.getKey() + "Floor");
            double f50 = floor == null ? Double.NaN : percentile(floor, "50.0");
            double f95 = floor == null ? Double.NaN : percentile(floor, "95.0");
            double r50 = p50 / f50;
            double r95 = p95 / f95;
            boolean ok = (t.p50() == 0 || p50 <= t.p50()) && (t.p95() == 0 || p95 <= t.p95()) && (!t.ratio() || r50 <= 2.0);
            met &= ok;
            StringBuilder target = new StringBuilder();
            if (t.p50() > 0) {
                target.append("p50 ≤ ").append((int) t.p50()).append(' ');
            }
            if (t.p95() > 0) {
                target.append("p95 ≤ ").append((int) t.p95()).append(' ');
            }
            if (t.ratio()) {
                target.append("≤ 2× floor");
            }
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s |%n", t.label(), p50, p95,
                    num(f50), num(f95), ratio(r50), ratio(r95), target.toString().trim(), ok ? "yes" : "**no**"));
        }
        JsonNode writes = results.get("createAndSubmit");
        if (writes != null) {
            // the entries counted by the benchmark in its measured iteration (its last "Iteration" line)
            long[] counted = measuredEntries(args.length > 3 ? new File(args[3]) : null);
            long samples = counted[0];
            double seconds = counted[1] / 10.0;
            double perSecond = samples / seconds;
            double p99 = percentile(writes, "99.0");
            boolean ok = perSecond >= 300 && p99 <= 500;
            met &= ok;
            out.append(String.format(Locale.ROOT, "%n| writes | clients | entries | per second | p50 ms | p95 ms | p99 ms | target | met |%n"
                            + "|---|---:|---:|---:|---:|---:|---:|---|---|%n"
                            + "| create + submit over the API, %d s | %d | %d | %.0f | %.1f | %.1f | %.1f | ≥ 300/s, p99 ≤ 500 | %s |%n",
                    (int) seconds, writes.get("threads").asInt(), samples, perSecond, percentile(writes, "50.0"),
                    percentile(writes, "95.0"), p99, ok ? "yes" : "**no**"));
        }
        JsonNode imports = results.get("importFiftyThousandRows");
        if (imports != null) {
            JsonNode raw = imports.get("primaryMetric").get("rawData").get(0);
            double worst = 0;
            StringBuilder runs = new StringBuilder();
            for (JsonNode r : raw) {
                worst = Math.max(worst, r.asDouble());
                runs.append(String.format(Locale.ROOT, "%.1f s ", r.asDouble()));
            }
            boolean ok = worst <= 15;
            met &= ok;
            out.append(String.format(Locale.ROOT, "%n| import | runs | slowest | target | met |%n|---|---|---:|---|---|%n"
                    + "| 50,000 rows from the page to the job's end | %s| %.1f s | ≤ 15 s | %s |%n", runs, worst, ok ? "yes" : "**no**"));
        }
        JsonNode township = results.get("townshipFilter");
        JsonNode hotLoop = results.get("townshipFilterFloorHotLoop");
        if (township != null && hotLoop != null) {
            // not a target: the floor as earlier runs measured it, back to back with no page between
            out.append(String.format(Locale.ROOT, "%nTownship filter's floor run back to back (no page before it): p50 %.1f ms, "
                    + "the page %.2f× it.%n", percentile(hotLoop, "50.0"), percentile(township, "50.0") / percentile(hotLoop, "50.0")));
        }
        System.out.print(out);
        System.out.println(met ? "\nEvery target met." : "\nSome targets missed (marked **no**).");
        System.exit(met ? 0 : 1);
    }

    private static double percentile(JsonNode b, String p) {
        return b.get("primaryMetric").get("scorePercentiles").get(p).asDouble();
    }

    /** Entries and tenths of seconds of the write benchmark's last iteration, from its printed output. */
    private static long[] measuredEntries(File output) throws IOException {
        if (output == null) {
            throw new IllegalArgumentException("the write benchmark's output (writes.txt) is the fourth argument");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Iteration \\d+: (\\d+) entries acknowledged in ([0-9.]+) s")
                .matcher(java.nio.file.Files.readString(output.toPath()));
        long[] last = null;
        while (m.find()) {
            last = new long[] {Long.parseLong(m.group(1)), Math.round(Double.parseDouble(m.group(2)) * 10)};
        }
        if (last == null) {
            throw new IllegalStateException(output + " has no counted iteration");
        }
        return last;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
