package cn.zhutui.monitor;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdMember;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.Income;
import cn.zhutui.monitor.internal.CaseRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's own comparisons of the registry's data (系统比对预警): households whose recorded
 * income per head of a year is under that year's line, and households with labour where nobody
 * is employed (零就业, from the employment a cadre recorded). Each raises one clue per household,
 * rule and year of data however often it runs, on the household's open case or opening one.
 */
@Service
public class AutomaticChecks {

    public static final String INCOME_BELOW_LINE = "INCOME_BELOW_LINE";
    public static final String NO_EMPLOYMENT = "NO_EMPLOYMENT";

    private final MonitorService cases;
    private final HouseholdService households;
    private final IncomeLines lines;
    private final CaseRepository repository;
    private final AuditService audit;

    AutomaticChecks(MonitorService cases, HouseholdService households, IncomeLines lines, CaseRepository repository, AuditService audit) {
        this.cases = cases;
        this.households = households;
        this.lines = lines;
        this.repository = repository;
        this.audit = audit;
    }

    /** What a run raised. */
    public record Outcome(int incomeClues, int employmentClues, int opened) {
    }

    /** Runs both checks for the user's region on a year's data. */
    @Transactional
    public Outcome run(DataScope scope, int year) {
        scope.require(Permission.MONITOR_IMPORT);
        String reach = cases.reach(scope);
        if (reach == null) {
            throw new ForbiddenException();
        }
        LocalDate today = cases.today();
        List<MonitorService.Raised> raised = new ArrayList<>();
        String province = reach.length() >= 2 ? reach.substring(0, 2) : null;
        List<String> provinces = province != null ? List.of(province) : lines.provinces();
        int income = 0;
        for (String p : provinces) {
            IncomeLine line = lines.forRegion(p, year).orElse(null);
            if (line == null) {
                continue;
            }
            String prefix = reach.length() >= 2 ? reach : p;
            List<Income> below = households.incomesBelow(scope, prefix, year, line.perHead());
            Set<Long> before = repository.ruleRaised(INCOME_BELOW_LINE, year, below.stream().map(Income::householdId).toList());
            for (Income i : below) {
                if (!before.contains(i.householdId())) {
                    raised.add(new MonitorService.Raised(i.householdId(), Channel.AUTOMATIC, List.of(RiskReason.OTHER), null, null, today, null, null,
                            null, null, INCOME_BELOW_LINE, year, i.perHead(), line.perHead()));
                    income++;
                }
            }
        }
        // 零就业: households in reach recorded with nobody employed, and someone able to work
        List<Long> withoutWork = repository.withoutWork();
        List<Household> visible = households.findAll(scope, withoutWork).stream()
                .filter(h -> h.active() && h.regionCode().startsWith(reach)).toList();
        Set<Long> before = repository.ruleRaised(NO_EMPLOYMENT, year, visible.stream().map(Household::id).toList());
        Map<Long, List<HouseholdMember>> members = households.currentMembers(scope, visible.stream().map(Household::id).toList());
        int employment = 0;
        for (Household h : visible) {
            if (before.contains(h.id()) || !MonitorService.hasLabour(members.getOrDefault(h.id(), List.of()), today)) {
                continue;
            }
            raised.add(new MonitorService.Raised(h.id(), Channel.AUTOMATIC, List.of(RiskReason.EMPLOYMENT), null, null, today, null, null, null,
                    null, NO_EMPLOYMENT, year, null, null));
            employment++;
        }
        MonitorService.RaisedCount count = cases.raiseAll(scope, raised);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("year", year);
        after.put("incomeClues", income);
        after.put("employmentClues", employment);
        audit.record(scope, "CHECK", "monitor_case", null, "automatic checks " + year, null, after);
        return new Outcome(income, employment, count.opened());
    }

    /** Records whether a person of a household works (务工就业), as a cadre found on a visit: what the 零就业 check reads. */
    @Transactional
    public void recordEmployment(DataScope scope, long householdId, long personId, boolean employed, String note) {
        scope.require(Permission.MONITOR_RECORD);
        Household h = households.findAll(scope, List.of(householdId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("household", householdId));
        String reach = cases.reach(scope);
        if (reach == null || !h.regionCode().startsWith(reach)) {
            throw new NotFoundException("household", householdId);
        }
        if (households.members(scope, householdId).stream().noneMatch(m -> m.personId() == personId && m.current())) {
            throw BusinessException.onField("personId", "monitor.employment.notMember");
        }
        repository.saveEmployment(personId, householdId, employed, note == null || note.isBlank() ? null : note.trim(), cases.today(), scope.userId());
        audit.record(scope, "UPDATE", "monitor_employment", personId, h.headName(), null, Map.of("employed", employed));
    }

    /** Whether each person of a household works, as recorded (person id → employed); the caller has checked the case. */
    public Map<Long, Boolean> employment(DataScope scope, long householdId) {
        scope.require(Permission.MONITOR_VIEW);
        Map<Long, Boolean> map = new LinkedHashMap<>();
        repository.employment(householdId).forEach((person, e) -> map.put(person, e.employed()));
        return map;
    }

    public LocalDate today() {
        return cases.today();
    }

    /** The line in force for the year, for the page. */
    public BigDecimal lineFor(String regionCode, int year) {
        return lines.forRegion(regionCode, year).map(IncomeLine::perHead).orElse(null);
    }
}
