package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The campaign's statistics table in the shape of the seeds: a row per task type and indicator
 * with its unit, a total column for the chosen org and a column per unit below it; targets,
 * completion and the comparisons with the same period last year and the period before.
 */
public record StatisticsTable(String campaignName, long campaignId, long orgId, String orgName, ReportPeriod period,
                              String periodLabel, boolean includeSubmitted, String filterLabel, List<Column> columns,
                              List<Row> rows, List<Row> summary, String comparisonNote) {

    /** Whether any target is set: the 目标 and 完成率 columns are shown only then. */
    public boolean hasTargets() {
        return rows.stream().anyMatch(r -> r.target() != null || !r.columnTargets().isEmpty());
    }

    /** The column of a unit, for the phone's one-unit view (null: the total). */
    public Column column(Long orgId) {
        return orgId == null ? null : columns.stream().filter(c -> c.orgId() == orgId).findFirst().orElse(null);
    }

    /** Rows a focus area spans from row i (0 where the area began on an earlier row). */
    public int areaSpan(int i) {
        return span(i, r -> r.focusArea());
    }

    /** Rows a task type spans from row i. */
    public int typeSpan(int i) {
        return span(i, r -> String.valueOf(r.taskTypeId()));
    }

    private int span(int i, java.util.function.Function<Row, String> key) {
        if (i > 0 && key.apply(rows.get(i - 1)).equals(key.apply(rows.get(i)))) {
            return 0;
        }
        int n = 1;
        while (i + n < rows.size() && key.apply(rows.get(i + n)).equals(key.apply(rows.get(i)))) {
            n++;
        }
        return n;
    }

    /** A unit below the chosen org; drillable when units lie below it in turn. */
    public record Column(long orgId, String name, boolean own, boolean drillable) {
    }

    /**
     * @param key        the row's kind: an indicator id, or "entries", "members", "households", "persons"
     * @param places     decimal places of the row's figures (0 for counts)
     * @param target     the chosen org's target for the year, when one is set
     * @param lastYear   the total a year earlier (同比)
     * @param previous   the total of the period before (环比), absent for a year-to-date
     */
    public record Row(String key, String focusArea, String taskType, Long taskTypeId, String name, String unit, boolean retired,
                      int places, BigDecimal total, Map<Long, BigDecimal> values, BigDecimal target, Map<Long, BigDecimal> columnTargets,
                      BigDecimal lastYear, BigDecimal previous) {

        /** A figure of this row as written everywhere: thousands separated, the indicator's decimal places. */
        public String format(BigDecimal v) {
            return cn.zhutui.common.Numbers.grouped(v, places);
        }

        public BigDecimal value(long orgId) {
            return values.getOrDefault(orgId, BigDecimal.ZERO);
        }

        /** Percent of the target reached, one decimal; null without a target. */
        public BigDecimal completion() {
            return percent(total, target);
        }

        public BigDecimal columnCompletion(long orgId) {
            return percent(value(orgId), columnTargets.get(orgId));
        }

        public BigDecimal yearOnYear() {
            return change(total, lastYear);
        }

        public BigDecimal periodOnPeriod() {
            return change(total, previous);
        }

        private static BigDecimal percent(BigDecimal value, BigDecimal of) {
            if (of == null || of.signum() == 0) {
                return null;
            }
            return value.multiply(BigDecimal.valueOf(100)).divide(of, 1, java.math.RoundingMode.HALF_UP);
        }

        private static BigDecimal change(BigDecimal now, BigDecimal before) {
            if (before == null || before.signum() == 0) {
                return null;
            }
            return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, java.math.RoundingMode.HALF_UP);
        }
    }
}
