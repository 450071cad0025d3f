package cn.zhutui.monitor;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.ReportPeriod;
import cn.zhutui.monitor.internal.MonitorFacts;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The monitoring figures, live (read from the facts kept in step with every step of a case): by
 * the regions one level down, the format of the monthly circular — households and persons included
 * (纳入), eliminated to date (累计消除), the elimination rate (风险消除率), not yet eliminated
 * (未消除) — with the cases still being identified, the overdue ones (动态清零: none overdue), and
 * the flow of a period of whole months (new clues, cases included, decided late, eliminated): the
 * month of the circular, a quarter, the year, the year to a month; and the stock by kind and by
 * main cause.
 */
@Service
public class MonitorFigures {

    private final MonitorService cases;
    private final MonitorFacts facts;
    private final RegionService regions;

    MonitorFigures(MonitorService cases, MonitorFacts facts, RegionService regions) {
        this.cases = cases;
        this.facts = facts;
        this.regions = regions;
    }

    /** One line of the circular: a region (or the total, key null). */
    public record Line(String key, String name, long included, long includedPersons, long eliminated, long eliminatedPersons,
                       long notEliminated, long notEliminatedPersons, long identifying, long overdue, long cluesInPeriod, long includedInPeriod,
                       long decidedInPeriod, long decidedLateInPeriod, long eliminatedInPeriod) {

        /** 风险消除率: eliminated households of those included, in percent (null with none included). */
        public BigDecimal rate() {
            return included == 0 ? null : BigDecimal.valueOf(eliminated * 100).divide(BigDecimal.valueOf(included), 1, RoundingMode.HALF_UP);
        }

        /** 动态清零: nothing overdue. */
        public boolean cleared() {
            return overdue == 0;
        }
    }

    /** The stock of a kind or a cause: households and persons being identified, assisted (not eliminated), eliminated. */
    public record Share(String key, long identifying, long notEliminated, long notEliminatedPersons, long eliminated) {
    }

    /** Households and persons at each step now, in the order of the steps. */
    public record StageCount(Stage stage, long households, long persons) {
    }

    public record Figures(String regionCode, String regionName, ReportPeriod period, List<Line> lines, Line total, List<Share> byKind,
                          List<Share> byReason, List<StageCount> byStage) {
    }

    /** The period a page shows when none is asked for: this year to the end of this month. */
    public ReportPeriod defaultPeriod() {
        LocalDate today = cases.today();
        return switch (today.getMonthValue()) {
            case 1 -> ReportPeriod.of(today.getYear(), "M1");
            case 12 -> ReportPeriod.of(today.getYear(), "Y");
            default -> ReportPeriod.of(today.getYear(), "YM" + today.getMonthValue());
        };
    }

    /**
     * The figures under a region (the caller's reach when blank); the flow over a period of whole
     * months (the facts count months), the stock and the overdue as of today.
     */
    public Figures figures(DataScope scope, String regionCode, ReportPeriod period) {
        scope.require(Permission.MONITOR_VIEW);
        String reach = cases.reach(scope);
        if (reach == null) {
            throw new NotFoundException("region", regionCode);
        }
        String prefix = regionCode == null || regionCode.isBlank() ? reach : regionCode.trim();
        if (!prefix.startsWith(reach)) {
            throw new NotFoundException("region", regionCode);
        }
        if (!period.monthAligned()) {
            throw BusinessException.onField("period", "monitor.figures.wholeMonths");
        }
        int keyLength = switch (prefix.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            default -> 9;
        };
        Map<String, long[]> rows = new TreeMap<>();
        Map<Stage, long[]> stages = new java.util.EnumMap<>(Stage.class);
        for (MonitorFacts.StockRow r : facts.stock(prefix, "region", keyLength)) {
            long[] st = stages.computeIfAbsent(Stage.valueOf(r.stage()), k -> new long[2]);
            st[0] += r.households();
            st[1] += r.persons();
            long[] a = rows.computeIfAbsent(r.key(), k -> new long[14]);
            Stage stage = Stage.valueOf(r.stage());
            if (stage.included()) {
                a[0] += r.households();
                a[1] += r.persons();
            }
            if (stage == Stage.ELIMINATED) {
                a[2] += r.households();
                a[3] += r.persons();
            }
            if (Stage.NOT_ELIMINATED.contains(stage)) {
                a[4] += r.households();
                a[5] += r.persons();
            }
            if (stage.identifying()) {
                a[6] += r.households();
            }
        }
        facts.overdue(prefix, keyLength, cases.today()).forEach((k, n) -> rows.computeIfAbsent(k, x -> new long[14])[7] += n);
        for (MonitorFacts.FlowRow f : facts.flows(prefix, keyLength, period.from(), period.to().withDayOfMonth(1))) {
            long[] a = rows.computeIfAbsent(f.key(), k -> new long[14]);
            a[8] += f.clues();
            a[9] += f.included();
            a[10] += f.decided();
            a[11] += f.decidedLate();
            a[12] += f.eliminated();
        }
        Map<String, String> names = new LinkedHashMap<>();
        rows.keySet().forEach(k -> names.put(k, regions.find(k).map(r -> r.name()).orElse(k)));
        List<Line> lines = new ArrayList<>();
        long[] sum = new long[14];
        rows.forEach((k, a) -> {
            lines.add(line(k, names.get(k), a));
            for (int i = 0; i < sum.length; i++) {
                sum[i] += a[i];
            }
        });
        Map<String, long[]> kinds = new TreeMap<>();
        Map<String, long[]> reasons = new TreeMap<>();
        for (MonitorFacts.StockRow r : facts.stock(prefix, "reason", keyLength)) {
            share(reasons.computeIfAbsent(r.key(), k -> new long[4]), r);
            share(kinds.computeIfAbsent(r.kind(), k -> new long[4]), r);
        }
        String name = prefix.isEmpty() ? "" : regions.find(prefix).map(r -> r.name()).orElse(prefix);
        List<StageCount> byStage = new ArrayList<>();
        stages.forEach((st, a) -> {
            if (a[0] != 0) {
                byStage.add(new StageCount(st, a[0], a[1]));
            }
        });
        return new Figures(prefix, name, period, lines, line(null, name, sum), shares(kinds), shares(reasons), byStage);
    }

    private static void share(long[] a, MonitorFacts.StockRow r) {
        Stage stage = Stage.valueOf(r.stage());
        if (stage.identifying()) {
            a[0] += r.households();
        } else if (Stage.NOT_ELIMINATED.contains(stage)) {
            a[1] += r.households();
            a[2] += r.persons();
        } else if (stage == Stage.ELIMINATED) {
            a[3] += r.households();
        }
    }

    private static List<Share> shares(Map<String, long[]> map) {
        List<Share> list = new ArrayList<>();
        map.forEach((k, a) -> {
            if (a[0] + a[1] + a[3] > 0) {
                list.add(new Share(k, a[0], a[1], a[2], a[3]));
            }
        });
        return list;
    }

    private static Line line(String key, String name, long[] a) {
        return new Line(key, name, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12]);
    }
}
