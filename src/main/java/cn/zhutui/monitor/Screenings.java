package cn.zhutui.monitor;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.Masking;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.SheetRow;
import cn.zhutui.dict.DictService;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.IdNumbers;
import cn.zhutui.job.SheetImports;
import cn.zhutui.monitor.internal.ScreeningRepository;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Department screening (部门筛查预警): a department's file (.xlsx/.csv) of flagged people by ID
 * number, matched to households through the registry's keyed hash — the numbers never reach the
 * database, and the list is not kept: unmatched rows are kept masked with the reason (invalid
 * number, no such person, outside the importer's region, archived household, repeated in the
 * file). Each matched household gets a clue keeping its source (department, batch, file, row):
 * on its open case, or opening one — a case already open is never duplicated, and a closed or
 * rejected one is not reopened (a new case is opened for a person to judge). The same file from
 * the same department is matched once.
 */
@Service
public class Screenings {

    public static final String KIND = "monitor-screening";
    public static final String DEPARTMENTS = "monitor_department";

    private final MonitorService cases;
    private final HouseholdService households;
    private final ScreeningRepository repository;
    private final SheetImports sheets;
    private final DictService dict;
    private final AuditService audit;
    private final int maxRows;

    Screenings(MonitorService cases, HouseholdService households, ScreeningRepository repository, SheetImports sheets, DictService dict,
               AuditService audit, @org.springframework.beans.factory.annotation.Value("${zhutui.monitor.screening-max-rows:200000}") int maxRows) {
        this.maxRows = maxRows;
        this.cases = cases;
        this.households = households;
        this.repository = repository;
        this.sheets = sheets;
        this.dict = dict;
        this.audit = audit;
    }

    /** The most rows a screening file may have (a department's list is longer than an ordinary import). */
    public int maxRows() {
        return maxRows;
    }

    /** Checks that the user may import screening files and has a region to import into. */
    public String requireImporter(DataScope scope) {
        scope.require(Permission.MONITOR_IMPORT);
        String reach = cases.reach(scope);
        if (reach == null) {
            throw new cn.zhutui.common.ForbiddenException();
        }
        return reach;
    }

    /** Stores the upload and queues its matching. */
    public long start(DataScope scope, String department, InputStream upload, String filename, Locale locale) {
        requireImporter(scope);
        if (department == null || dict.items(DEPARTMENTS).stream().noneMatch(i -> i.code().equals(department))) {
            throw BusinessException.onField("department", "monitor.screening.department");
        }
        return sheets.start(scope, KIND, upload, filename, Map.of("department", department, "locale", locale.toLanguageTag()));
    }

    /**
     * The template a department fills in: the columns the matcher looks for (ID number as text, so
     * Excel keeps its 18 digits and the X), the risk categories as a dropdown, and a guide sheet
     * saying what each column takes and what is done with the numbers.
     */
    public org.apache.poi.ss.usermodel.Workbook template(DataScope scope) {
        requireImporter(scope);
        org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("预警名单");
        List<String> titles = List.of("姓名", "身份证号*", "预警原因", "情况说明", "金额（元）");
        cn.zhutui.common.Workbooks.header(sheet, 0, titles, cn.zhutui.common.Workbooks.headerStyle(wb));
        org.apache.poi.ss.usermodel.CellStyle text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        sheet.setDefaultColumnStyle(1, text);
        sheet.setColumnWidth(1, 22 * 256);
        sheet.setColumnWidth(3, 40 * 256);
        sheet.createFreezePane(0, 1);
        // suggestions, not a closed list: a cell may name several categories (因病、因残)
        cn.zhutui.common.Workbooks.suggestions(wb, sheet, 2, 1, maxRows, "reasons",
                java.util.Arrays.stream(RiskReason.values()).map(RiskReason::chinese).toList());
        cn.zhutui.common.Workbooks.guide(wb, "填写说明", List.of(
                "部门筛查预警名单：每行一人，第一行为表头，请勿改动表头。",
                "身份证号*：必填，18位（末位可为X），按文本填写。平台只用它的加密摘要匹配在册农户，号码本身不保存。",
                "姓名：可填，便于核对；不参与匹配。",
                "预警原因：可填一项或多项（用顿号分隔）：" + String.join("、", java.util.Arrays.stream(RiskReason.values()).map(RiskReason::chinese).toList())
                        + "；不填按“其他”。",
                "情况说明：如“年度住院自付费用超过3万元”。金额（元）：如自付医疗费用，填数字。",
                "一个文件最多 " + String.format("%,d", maxRows) + " 行；.xlsx 或 .csv 均可。匹配不上的行（号码有误、查无此人、不在本地区、已销户、重复）会逐行列出原因。",
                "已在监测或正在识别的农户只追加线索，不重复立户；已消除或未纳入的农户另起新线索，由干部研判。"));
        return wb;
    }

    /** The columns of a screening file, found by their headers. */
    record Columns(int name, int id, int reason, int description, int amount) {
        static Columns of(SheetRow header) {
            int name = -1, id = -1, reason = -1, description = -1, amount = -1;
            for (int i = 0; i < header.cells().size(); i++) {
                String h = header.cell(i) == null ? "" : header.cell(i).replace("*", "").trim();
                if (h.contains("身份证") || h.contains("证件号")) {
                    id = i;
                } else if (h.contains("姓名")) {
                    name = i;
                } else if (h.contains("原因") || h.contains("风险") || h.contains("类型")) {
                    reason = i;
                } else if (h.contains("说明") || h.contains("情况") || h.contains("备注")) {
                    description = i;
                } else if (h.contains("金额") || h.contains("费用")) {
                    amount = i;
                }
            }
            return new Columns(name, id, reason, description, amount);
        }
    }

    /** What a file came to: its rows checked (the errors, if any, make nothing be saved) and the batch's counts. */
    public record Result(List<ImportError> errors, int rows, int matched, int unmatched, int attached, int opened, Long screeningId) {
    }

    /**
     * Matches a file's rows and raises the clues, all in one transaction, or nothing when a row's
     * cell cannot be read (a risk category or amount that means nothing): then the errors come back.
     */
    @Transactional
    public Result match(DataScope scope, String department, String fileName, String sha256, Long jobId, List<SheetRow> rows, IntConsumer progress) {
        String reach = requireImporter(scope);
        List<SheetRow> data = rows.stream().filter(r -> !r.sheet().startsWith("_")).toList();
        String sheet = data.isEmpty() ? "" : data.get(0).sheet();
        data = data.stream().filter(r -> r.sheet().equals(sheet)).toList();
        if (data.isEmpty()) {
            return new Result(List.of(), 0, 0, 0, 0, 0, null);
        }
        SheetRow header = data.get(0);
        Columns col = Columns.of(header);
        List<ImportError> errors = new ArrayList<>();
        if (col.id() < 0) {
            errors.add(ImportError.of(header, null, "monitor.screening.noIdColumn"));
            return new Result(errors, 0, 0, 0, 0, 0, null);
        }
        if (repository.existing(department, sha256).isPresent()) {
            throw new BusinessException("monitor.screening.sameFile");
        }
        String idTitle = header.cell(col.id());
        LocalDate today = cases.today();
        record Line(SheetRow row, String name, String id, List<RiskReason> reasons, String description, BigDecimal amount, String hash) {
        }
        List<Line> lines = new ArrayList<>();
        for (SheetRow r : data.subList(1, data.size())) {
            if (r.isBlank()) {
                continue;
            }
            List<RiskReason> reasons = new ArrayList<>();
            if (col.reason() >= 0 && r.cell(col.reason()) != null && !r.cell(col.reason()).isBlank()) {
                for (String part : r.cell(col.reason()).split("[、,，;；/ ]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    RiskReason.parse(part).ifPresentOrElse(reasons::add,
                            () -> errors.add(ImportError.of(r, header.cell(col.reason()), "monitor.screening.reason", part)));
                }
            }
            if (reasons.isEmpty()) {
                reasons.add(RiskReason.OTHER);
            }
            BigDecimal amount = null;
            if (col.amount() >= 0 && r.cell(col.amount()) != null && !r.cell(col.amount()).isBlank()) {
                try {
                    amount = new BigDecimal(r.cell(col.amount()).replace(",", "").trim());
                    if (amount.signum() < 0 || amount.scale() > 2) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    errors.add(ImportError.of(r, header.cell(col.amount()), "monitor.amount.invalid"));
                }
            }
            String description = col.description() >= 0 ? trim(r.cell(col.description()), 1000) : null;
            String name = col.name() >= 0 ? trim(r.cell(col.name()), 50) : null;
            String id = IdNumbers.normalise(r.cell(col.id()));
            boolean valid = id != null && IdNumbers.valid(id);
            lines.add(new Line(r, name, valid ? id : r.cell(col.id()), List.copyOf(reasons), description, amount,
                    valid ? HexFormat.of().formatHex(households.idNumberHash(id)) : null));
        }
        if (!errors.isEmpty()) {
            return new Result(errors, lines.size(), 0, 0, 0, 0, null);
        }
        // match by keyed hash, in chunks
        Map<String, Long> found = new HashMap<>();
        List<Line> valid = lines.stream().filter(l -> l.hash() != null).toList();
        for (int i = 0; i < valid.size(); i += 5000) {
            found.putAll(households.householdsByIdHash(valid.subList(i, Math.min(valid.size(), i + 5000)).stream()
                    .map(l -> HexFormat.of().parseHex(l.hash())).toList()));
        }
        Map<Long, Household> summaries = households.summaries(new HashSet<>(found.values()));
        long screeningId = repository.insert(department, fileName, sha256, reach, jobId, scope.userId());
        List<ScreeningRepository.Miss> misses = new ArrayList<>();
        List<MonitorService.Raised> raised = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int done = 0;
        for (Line l : lines) {
            String reason = null;
            Long household = l.hash() == null ? null : found.get(l.hash());
            Household h = household == null ? null : summaries.get(household);
            if (l.hash() == null) {
                reason = "INVALID_ID";
            } else if (h == null) {
                reason = "NOT_FOUND";
            } else if (!h.regionCode().startsWith(reach)) {
                reason = "OUT_OF_SCOPE";
            } else if (!h.active()) {
                reason = "ARCHIVED";
            } else if (!seen.add(h.id())) {
                reason = "REPEATED";
            }
            if (reason != null) {
                misses.add(new ScreeningRepository.Miss(l.row().number(), l.name(), masked(l.id()), reason));
            } else {
                raised.add(new MonitorService.Raised(h.id(), Channel.DEPARTMENT, l.reasons(), l.description(), l.amount(), today, department,
                        screeningId, l.row().number(), trim(fileName, 255), null, null, null, null));
            }
            if (++done % 1000 == 0) {
                progress.accept(done);
            }
        }
        MonitorService.RaisedCount count = cases.raiseAll(scope, raised);
        repository.misses(screeningId, misses);
        repository.counts(screeningId, lines.size(), raised.size(), misses.size(), count.attached(), count.opened());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("department", department);
        after.put("rows", lines.size());
        after.put("matched", raised.size());
        after.put("unmatched", misses.size());
        after.put("opened", count.opened());
        audit.record(scope, "IMPORT", "monitor_screening", screeningId, trim(fileName, 200), null, after);
        progress.accept(lines.size());
        return new Result(List.of(), lines.size(), raised.size(), misses.size(), count.attached(), count.opened(), screeningId);
    }

    private static String masked(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String t = id.trim();
        return t.length() >= 10 ? Masking.idNumber(t) : "*".repeat(Math.min(t.length(), 20));
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }

    public ScreeningRepository.Batch get(DataScope scope, long id) {
        String reach = requireView(scope);
        ScreeningRepository.Batch b = repository.find(id).orElseThrow(() -> new NotFoundException("monitor_screening", id));
        if (!b.regionCode().startsWith(reach)) {
            throw new NotFoundException("monitor_screening", id);
        }
        return b;
    }

    public java.util.Optional<ScreeningRepository.Batch> ofJob(long jobId) {
        return repository.ofJob(jobId);
    }

    public List<ScreeningRepository.Miss> misses(DataScope scope, long id, int limit) {
        get(scope, id);
        return repository.missesOf(id, limit);
    }

    public List<ScreeningRepository.Batch> recent(DataScope scope, int limit) {
        return repository.recent(requireView(scope), limit);
    }

    private String requireView(DataScope scope) {
        scope.require(Permission.MONITOR_VIEW);
        String reach = cases.reach(scope);
        if (reach == null) {
            throw new NotFoundException("monitor_screening", 0);
        }
        return reach;
    }
}
