package cn.zhutui.monitor;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.Permission;
import cn.zhutui.monitor.internal.LineRepository;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring income line (监测范围) per province and year — e.g. Yunnan 8,700 元 per head in
 * 2024 and 2025 — kept as a table an administrator sets, never a constant in the code. A year the
 * province has not set yet uses its latest earlier line.
 */
@Service
public class IncomeLines {

    private final LineRepository repository;
    private final RegionService regions;
    private final AuditService audit;

    IncomeLines(LineRepository repository, RegionService regions, AuditService audit) {
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
    }

    /** The line in force for a region's province in a year (empty when the province has none for it or before). */
    public Optional<IncomeLine> forRegion(String regionCode, int year) {
        if (regionCode == null || regionCode.length() < 2) {
            return Optional.empty();
        }
        return repository.inForce(regionCode.substring(0, 2), year);
    }

    /** Every line set, newest year first, for the provinces under a region prefix ("" for all). */
    public List<IncomeLine> all(String regionPrefix) {
        return repository.all(regionPrefix == null || regionPrefix.length() < 2 ? "" : regionPrefix.substring(0, 2));
    }

    /** The provinces that have lines. */
    public List<String> provinces() {
        return repository.provinces();
    }

    /** Sets (or corrects) a province's line for a year; the change is in the audit log. */
    @Transactional
    public void set(DataScope scope, String provinceCode, Integer year, BigDecimal perHead, String note) {
        scope.require(Permission.MONITOR_LINE_EDIT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (provinceCode == null || provinceCode.length() != 2 || regions.find(provinceCode).isEmpty()) {
            errors.add("provinceCode", "monitor.line.province");
        }
        if (year == null || year < 2020 || year > 2100) {
            errors.add("year", "validation.between", 2020, 2100);
        }
        if (perHead == null) {
            errors.add("perHead", "validation.required");
        } else if (perHead.signum() <= 0 || perHead.compareTo(new BigDecimal("1000000")) >= 0 || perHead.scale() > 2) {
            errors.add("perHead", "monitor.line.amount");
        }
        if (note != null && note.length() > 200) {
            errors.add("note", "validation.tooLong", 200);
        }
        errors.throwIfAny();
        Optional<BigDecimal> before = repository.exact(provinceCode, year);
        repository.save(provinceCode, year, perHead, note == null || note.isBlank() ? null : note.trim(), scope.userId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("year", year);
        after.put("perHead", perHead.toPlainString());
        audit.record(scope, before.isPresent() ? "UPDATE" : "CREATE", "monitor_line", provinceCode + "-" + year, provinceCode + " " + year,
                before.map(b -> (Object) Map.of("year", year, "perHead", b.toPlainString())).orElse(null), after);
    }
}
