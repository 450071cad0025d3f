package cn.zhutui.consult;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.ConsultFacts;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.consult.internal.OutcomeRepository;
import cn.zhutui.dict.DictItem;
import cn.zhutui.dict.DictService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgLevel;
import cn.zhutui.org.OrgService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The consultation figures by county, platform level and period — meetings, topics, problems
 * solved, average days from topic to solution, overdue outcomes — read live from the facts kept in
 * step with every change (overdue outcomes from an index, as they depend on today). The province
 * sees every county, a prefecture its counties, a county itself. Each export is audited.
 */
@Service
public class ConsultStatsService {

    private final ConsultFacts facts;
    private final OutcomeRepository outcomes;
    private final ConsultAccess access;
    private final OrgService orgs;
    private final DictService dict;
    private final AuditService audit;
    private final MessageSource messages;

    ConsultStatsService(ConsultFacts facts, OutcomeRepository outcomes, ConsultAccess access, OrgService orgs, DictService dict,
                        AuditService audit, MessageSource messages) {
        this.facts = facts;
        this.outcomes = outcomes;
        this.access = access;
        this.orgs = orgs;
        this.dict = dict;
        this.audit = audit;
        this.messages = messages;
    }

    /** The period a page shows without one: this year. */
    public Period defaultPeriod() {
        return Period.containing(access.today(), PeriodType.YEAR);
    }

    public ConsultStats figures(DataScope scope, Long orgId, String periodId, boolean byCounty, Locale locale) {
        scope.require(Permission.REPORT_VIEW);
        Org org = orgId == null ? access.unit(scope) : orgs.get(scope, orgId);
        Period period = periodId == null || periodId.isBlank() ? defaultPeriod() : TopicService.period(periodId, "periodId");
        LocalDate today = access.today();
        Map<Long, long[]> sums = facts.byOrg(org.path(), period.start(), period.end());
        Map<Long, Long> late = outcomes.overdueByOrg(org.path(), period.start(), period.end(), today);
        java.util.Set<Long> ids = new java.util.HashSet<>(sums.keySet());
        ids.addAll(late.keySet());
        Map<Long, String> paths = new HashMap<>();
        orgs.findAll(scope, ids).forEach(o -> paths.put(o.id(), o.path()));

        List<Org> units;
        // the whole tree in one read: the units below and whether each has units below it in turn
        cn.zhutui.org.UnitTree tree = byCounty ? cn.zhutui.org.UnitTree.NONE : orgs.unitTree(org);
        if (byCounty) {
            units = orgs.subtree(scope, org.id()).stream().filter(o -> o.kind() == OrgKind.COMMITTEE && o.level() == OrgLevel.COUNTY).toList();
        } else {
            units = tree.children(org);
        }
        List<ConsultStats.Row> rows = new ArrayList<>();
        ConsultFigures total = ConsultFigures.of("total", messages.getMessage("consult.stats.total", null, locale), null, 0);
        for (Org unit : units) {
            ConsultFigures f = sum(unit, sums, late, paths);
            rows.add(new ConsultStats.Row(unit, f, tree.hasChildren(unit), false));
            total = total.plus(f);
        }
        // the org's own platforms (a county's, or a prefecture running some itself)
        ConsultFigures own = ConsultFigures.of(String.valueOf(org.id()), org.name(), sums.get(org.id()), late.getOrDefault(org.id(), 0L));
        if (units.isEmpty() || !own.empty()) {
            rows.add(0, new ConsultStats.Row(org, own, false, true));
            total = total.plus(own);
        }
        List<ConsultFigures> byLevel = new ArrayList<>();
        Map<String, long[]> levelSums = facts.byLevel(org.path(), period.start(), period.end());
        Map<String, Long> levelLate = outcomes.overdueByLevel(org.path(), period.start(), period.end(), today);
        for (DictItem level : dict.allItems(ConsultRules.LEVELS)) {
            ConsultFigures f = ConsultFigures.of(level.code(), level.label(locale), levelSums.get(level.code()), levelLate.getOrDefault(level.code(), 0L));
            if (level.enabled() || !f.empty()) {
                byLevel.add(f);
            }
        }
        List<Org> lineage = orgs.lineage(scope, org).stream().filter(Org::isCommittee).toList();
        return new ConsultStats(org, period, today, byCounty, rows, total, byLevel, lineage);
    }

    /** A unit's figures: the facts of every committee in its subtree. */
    private static ConsultFigures sum(Org unit, Map<Long, long[]> sums, Map<Long, Long> late, Map<Long, String> paths) {
        long[] s = new long[5];
        long overdue = 0;
        for (Map.Entry<Long, String> e : paths.entrySet()) {
            if (e.getValue().startsWith(unit.path())) {
                long[] v = sums.get(e.getKey());
                if (v != null) {
                    for (int i = 0; i < 5; i++) {
                        s[i] += v[i];
                    }
                }
                overdue += late.getOrDefault(e.getKey(), 0L);
            }
        }
        return ConsultFigures.of(String.valueOf(unit.id()), unit.name(), s, overdue);
    }

    /** The figures as a workbook: by unit and by platform level; written to the audit log. */
    public Workbook export(DataScope scope, Long orgId, String periodId, boolean byCounty, Locale locale) {
        ConsultStats stats = figures(scope, orgId, periodId, byCounty, locale);
        SXSSFWorkbook wb = Workbooks.streaming();
        CellStyle header = Workbooks.headerStyle(wb);
        String periodLabel = stats.period().label(locale);
        Sheet units = wb.createSheet(msg("consult.stats.byUnit", locale));
        units.createRow(0).createCell(0).setCellValue(stats.org().name() + " " + msg("consult.stats.title", locale) + " · " + periodLabel);
        Workbooks.header(units, 1, titles(msg("consult.stats.unit", locale), locale), header);
        int r = 2;
        for (ConsultStats.Row row : stats.rows()) {
            Workbooks.cells(units.createRow(r++), cells(row.own() && stats.rows().size() > 1 ? row.org().name() + msg("consult.stats.ownSuffix", locale) : row.org().name(),
                    row.figures()));
        }
        Workbooks.cells(units.createRow(r++), cells(stats.total().label(), stats.total()));
        units.createRow(r + 1).createCell(0).setCellValue(msg("consult.stats.note", locale) + " " + stats.asOf());
        Sheet levels = wb.createSheet(msg("consult.stats.byLevel", locale));
        levels.createRow(0).createCell(0).setCellValue(stats.org().name() + " " + msg("consult.stats.title", locale) + " · " + periodLabel);
        Workbooks.header(levels, 1, titles(msg("consult.platform.level", locale), locale), header);
        r = 2;
        for (ConsultFigures f : stats.byLevel()) {
            Workbooks.cells(levels.createRow(r++), cells(f.label(), f));
        }
        audit.record(scope, "EXPORT", "consult_stats", stats.org().id(), stats.org().name() + " · " + periodLabel, null,
                Map.of("orgId", stats.org().id(), "period", stats.period().id(), "byCounty", byCounty, "rows", stats.rows().size()));
        return wb;
    }

    private List<String> titles(String first, Locale locale) {
        return List.of(first, msg("consult.stats.meetings", locale), msg("consult.stats.topics", locale), msg("consult.stats.outcomes", locale),
                msg("consult.stats.solved", locale), msg("consult.stats.averageDays", locale), msg("consult.stats.overdue", locale));
    }

    private static List<Object> cells(String label, ConsultFigures f) {
        BigDecimal avg = f.averageDays();
        List<Object> list = new ArrayList<>();
        list.add(label);
        list.add(f.meetings());
        list.add(f.topics());
        list.add(f.outcomes());
        list.add(f.solved());
        list.add(avg);
        list.add(f.overdue());
        return list;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The periods a page offers: this year and last, their halves and quarters, the last twelve months. */
    public List<String[]> periodChoices(Locale locale) {
        LocalDate today = access.today();
        List<String[]> list = new ArrayList<>();
        for (int year = today.getYear(); year >= today.getYear() - 1; year--) {
            list.add(choice(new Period(PeriodType.YEAR, year, 1), locale));
            for (int half = 2; half >= 1; half--) {
                Period p = new Period(PeriodType.HALF_YEAR, year, half);
                if (!p.start().isAfter(today)) {
                    list.add(choice(p, locale));
                }
            }
            for (int quarter = 4; quarter >= 1; quarter--) {
                Period p = new Period(PeriodType.QUARTER, year, quarter);
                if (!p.start().isAfter(today)) {
                    list.add(choice(p, locale));
                }
            }
        }
        Period month = Period.containing(today, PeriodType.MONTH);
        for (int i = 0; i < 12; i++, month = month.previous()) {
            list.add(choice(month, locale));
        }
        return list;
    }

    private static String[] choice(Period p, Locale locale) {
        return new String[] {p.id(), p.label(locale)};
    }

    /** A period id checked, or the bad one named (for pages). */
    public static void checkPeriod(String periodId) {
        if (periodId != null && !periodId.isBlank() && !Period.isValid(periodId)) {
            throw BusinessException.onField("periodId", "consult.period.invalid", periodId);
        }
    }
}
