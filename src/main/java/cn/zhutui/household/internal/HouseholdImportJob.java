package cn.zhutui.household.internal;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.Workbooks;
import cn.zhutui.dict.DictItem;
import cn.zhutui.dict.DictService;
import cn.zhutui.household.HouseholdForm;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.IdNumbers;
import cn.zhutui.household.PersonForm;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobContext;
import cn.zhutui.job.JobHandler;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImports;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.CurrentScope;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The household spreadsheet: a template (a sheet of households, a sheet of their other members,
 * dropdowns of the user's villages and of the coded lists), and its import in the background
 * through {@link SheetImports}: every row checked with the same rules as the form, nothing saved
 * unless all rows are right, the workbook returned with its errors marked. An ID number already
 * registered is refused; a namesake born the same day in the village goes to the review queue.
 */
@Component
public class HouseholdImportJob implements JobHandler {

    public static final String KIND = "household-import";
    public static final String HOUSEHOLDS = "农户";
    public static final String MEMBERS = "家庭成员";
    static final List<String> HOUSEHOLD_COLUMNS = List.of("村（社区）*", "地址", "户主姓名*", "户主身份证号*", "联系电话", "农户类型",
            "上年人均纯收入（元）", "收入年度", "户主劳动能力", "户主健康状况", "户主文化程度", "登记日期");
    static final List<String> MEMBER_COLUMNS = List.of("户主身份证号*", "姓名*", "与户主关系*", "身份证号", "性别", "出生日期", "劳动能力",
            "健康状况", "文化程度", "入户日期");
    private static final Pattern CODE_CELL = Pattern.compile(".*\\[(\\d{6,12})]\\s*$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
            DateTimeFormatter.BASIC_ISO_DATE);
    private static final int TEMPLATE_ROWS = 5000;

    private final HouseholdService households;
    private final SheetImports sheets;
    private final JobService jobs;
    private final CurrentScope scopes;
    private final RegionService regions;
    private final OrgService orgs;
    private final DictService dict;
    private final MessageSource messages;

    HouseholdImportJob(HouseholdService households, SheetImports sheets, JobService jobs, CurrentScope scopes, RegionService regions,
                       OrgService orgs, DictService dict, MessageSource messages) {
        this.households = households;
        this.sheets = sheets;
        this.jobs = jobs;
        this.scopes = scopes;
        this.regions = regions;
        this.orgs = orgs;
        this.dict = dict;
        this.messages = messages;
    }

    /** Checks the user may import households, then stores the upload and queues its import. */
    public long start(DataScope scope, InputStream upload, String filename, Locale locale) {
        scope.require(Permission.HOUSEHOLD_EDIT);
        return sheets.start(scope, KIND, upload, filename, Map.of("locale", locale.toLanguageTag()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String link(Job job) {
        return "/households/import/jobs/" + job.id();
    }

    // ---------------------------------------------------------------- template

    /** The template: dropdowns of the villages of the user's region and of the coded lists. */
    public Workbook template(DataScope scope) {
        scope.require(Permission.HOUSEHOLD_EDIT);
        SXSSFWorkbook wb = Workbooks.streaming();
        var style = Workbooks.headerStyle(wb);
        Workbooks.guide(wb, "填写说明", List.of("每户填一行「农户」；户主以外的家庭成员填在「家庭成员」表，用户主身份证号对应到户。",
                "带 * 的列必填。身份证号为18位；已登记过的身份证号不能重复导入。",
                "农户类型可填多个，用顿号分隔，如：脱贫户、示范户。日期写成 2025-03-01。",
                "同村有同名且同一天出生的人时，照常导入，并进入“疑似重复”待人工核查，不会自动合并。",
                "整个文件全部正确才会导入；有错误时什么也不导入，并返回标注了错误的文件。"));
        Sheet hh = wb.createSheet(HOUSEHOLDS);
        Workbooks.header(hh, 0, HOUSEHOLD_COLUMNS, style);
        hh.createFreezePane(0, 1);
        Sheet members = wb.createSheet(MEMBERS);
        Workbooks.header(members, 0, MEMBER_COLUMNS, style);
        members.createFreezePane(0, 1);
        Workbooks.dropdown(wb, hh, 0, 1, TEMPLATE_ROWS, "villages", villages(scope));
        Workbooks.dropdown(wb, hh, 5, 1, TEMPLATE_ROWS, "tags", labels("household_tag"));
        Workbooks.dropdown(wb, hh, 8, 1, TEMPLATE_ROWS, "labour", labels("labour"));
        Workbooks.dropdown(wb, hh, 9, 1, TEMPLATE_ROWS, "health", labels("health"));
        Workbooks.dropdown(wb, hh, 10, 1, TEMPLATE_ROWS, "schooling", labels("schooling"));
        Workbooks.dropdown(wb, members, 2, 1, TEMPLATE_ROWS, "relation",
                dict.items("household_relation").stream().filter(i -> !i.code().equals("HEAD")).map(DictItem::label).toList());
        Workbooks.dropdown(wb, members, 4, 1, TEMPLATE_ROWS, "gender", List.of("男", "女"));
        Workbooks.dropdown(wb, members, 6, 1, TEMPLATE_ROWS, "labour", labels("labour"));
        Workbooks.dropdown(wb, members, 7, 1, TEMPLATE_ROWS, "health", labels("health"));
        Workbooks.dropdown(wb, members, 8, 1, TEMPLATE_ROWS, "schooling", labels("schooling"));
        return wb;
    }

    private List<String> labels(String type) {
        return dict.items(type).stream().map(DictItem::label).toList();
    }

    /** "屏山街道/北街社区居民委员会 [530128001001]" for each village of the user's region. */
    private List<String> villages(DataScope scope) {
        Org own = orgs.find(scope.orgId()).orElseThrow();
        String under = orgs.effectiveRegion(own).orElse(null);
        List<Region> list = regions.atLevel(RegionLevel.VILLAGE, under);
        Map<String, String> lineage = regions.lineageNames(list);
        return list.stream().map(r -> {
            String[] parts = lineage.get(r.code()).split(" / ");
            String shortName = parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : r.name();
            return shortName + " [" + r.code() + "]";
        }).toList();
    }

    // ---------------------------------------------------------------- import

    @Override
    public void run(JobContext context) throws Exception {
        Job job = context.job();
        Locale locale = Locale.forLanguageTag(String.valueOf(jobs.params(job).getOrDefault("locale", "zh-CN")));
        long done = households.importedBy(job.id());
        if (done > 0) {
            // a run cut off after its commit: the households are there
            context.succeed("household.import.done", Map.of("args", List.of(done), "imported", done), null);
            return;
        }
        DataScope scope = scopes.ofUser(job.userId());
        Optional<List<SheetRow>> read = sheets.read(context);
        if (read.isEmpty()) {
            return;
        }
        List<SheetRow> rows = read.get();
        List<ImportError> errors = new ArrayList<>();
        List<HouseholdService.ImportedHousehold> parsed = parse(scope, rows, errors);
        context.total(Math.max(1, parsed.size()));
        if (parsed.isEmpty() && errors.isEmpty()) {
            context.fail("import.noRows", Map.of(), null);
            return;
        }
        if (!errors.isEmpty()) {
            sheets.failWithErrors(context, rows, errors, "household.import.errors", List.of(errors.size(), parsed.size()), locale);
            return;
        }
        List<Long> ids = households.saveImported(scope, parsed, job.id());
        context.progress(parsed.size());
        context.succeed("household.import.done", Map.of("args", List.of(ids.size()), "imported", ids.size()), null);
    }

    /** Reads and checks every row of both sheets; the errors of all rows are collected. */
    List<HouseholdService.ImportedHousehold> parse(DataScope scope, List<SheetRow> rows, List<ImportError> errors) {
        Map<String, List<SheetRow>> bySheet = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.sheet().startsWith("_")).forEach(r -> bySheet.computeIfAbsent(r.sheet(), k -> new ArrayList<>()).add(r));
        List<SheetRow> hhRows = bySheet.getOrDefault(HOUSEHOLDS, bySheet.entrySet().stream()
                .filter(e -> !e.getKey().equals(MEMBERS) && !e.getValue().isEmpty() && columns(e.getValue().get(0)).containsKey("户主身份证号")
                        && columns(e.getValue().get(0)).containsKey("户主姓名"))
                .map(Map.Entry::getValue).findFirst().orElse(List.of()));
        List<SheetRow> memberRows = bySheet.getOrDefault(MEMBERS, List.of());
        if (hhRows.isEmpty()) {
            errors.add(new ImportError(HOUSEHOLDS, 1, null, "household.import.noSheet", HOUSEHOLDS));
            return List.of();
        }
        Map<String, Integer> hc = columns(hhRows.get(0));
        for (String required : List.of("村（社区）", "户主姓名", "户主身份证号")) {
            if (!hc.containsKey(required.replace("（", "(").replace("）", ")"))) {
                errors.add(ImportError.of(hhRows.get(0), required, "import.headerMissing", required));
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        LocalDate today = households.today();
        // villages as people write them ("屏山街道/北街社区", "北街社区"), within the user's region
        cn.zhutui.region.PlaceNames places = regions.placeNames(orgs.find(scope.orgId()).flatMap(orgs::effectiveRegion).orElse(null));
        Map<String, Integer> headRowById = new HashMap<>();
        Map<String, HouseholdService.ImportedHousehold> byHeadId = new LinkedHashMap<>();
        Map<String, Integer> anyIdRow = new HashMap<>();
        for (SheetRow row : hhRows.subList(1, hhRows.size())) {
            if (row.isBlank()) {
                continue;
            }
            HouseholdForm f = new HouseholdForm();
            String village = cell(row, hc, "村（社区）");
            f.setRegionCode(village.isEmpty() ? null : regionCode(places, row, village, errors));
            f.setAddress(cell(row, hc, "地址"));
            f.setHeadName(cell(row, hc, "户主姓名"));
            f.setHeadIdNumber(cell(row, hc, "户主身份证号"));
            f.setPhone(cell(row, hc, "联系电话"));
            List<String> tags = new ArrayList<>();
            for (String t : cell(row, hc, "农户类型").split("[、,，;；/\\s]+")) {
                if (!t.isBlank()) {
                    Optional<String> code = dict.codeOf("household_tag", t.trim());
                    if (code.isEmpty()) {
                        errors.add(ImportError.of(row, "农户类型", "dict.invalid", t.trim()));
                    } else {
                        tags.add(code.get());
                    }
                }
            }
            f.setTags(tags);
            f.setIncomePerHead(decimal(row, "上年人均纯收入（元）", cell(row, hc, "上年人均纯收入（元）"), errors));
            Integer year = integer(row, "收入年度", cell(row, hc, "收入年度"), errors);
            f.setIncomeYear(year == null && f.getIncomePerHead() != null ? today.getYear() - 1 : year);
            f.setHeadLabour(code(row, "labour", "户主劳动能力", cell(row, hc, "户主劳动能力"), errors));
            f.setHeadHealth(code(row, "health", "户主健康状况", cell(row, hc, "户主健康状况"), errors));
            f.setHeadSchooling(code(row, "schooling", "户主文化程度", cell(row, hc, "户主文化程度"), errors));
            f.setRegisteredOn(date(row, "登记日期", cell(row, hc, "登记日期"), errors));
            String id = f.getHeadIdNumber();
            if (id != null) {
                Integer first = anyIdRow.putIfAbsent(id, row.number());
                if (first != null) {
                    errors.add(ImportError.of(row, "户主身份证号", "household.import.idTwice", first));
                }
                headRowById.put(id, row.number());
            }
            byHeadId.put(id == null ? "row" + row.number() : id, new HouseholdService.ImportedHousehold(row.number(), f, new ArrayList<>()));
        }
        if (!memberRows.isEmpty()) {
            Map<String, Integer> mc = columns(memberRows.get(0));
            for (SheetRow row : memberRows.subList(1, memberRows.size())) {
                if (row.isBlank()) {
                    continue;
                }
                String headId = IdNumbers.normalise(cell(row, mc, "户主身份证号"));
                HouseholdService.ImportedHousehold owner = headId == null ? null : byHeadId.get(headId);
                if (owner == null) {
                    errors.add(ImportError.of(row, "户主身份证号", headId == null ? "validation.required" : "household.import.noHead",
                            headId == null ? "" : cn.zhutui.common.Masking.idNumber(headId)));
                }
                PersonForm p = new PersonForm();
                p.setName(cell(row, mc, "姓名"));
                String relation = cell(row, mc, "与户主关系");
                p.setRelation(relation.isEmpty() ? null : dict.codeOf("household_relation", relation).orElse(relation));
                p.setIdNumber(cell(row, mc, "身份证号"));
                String gender = cell(row, mc, "性别");
                p.setGender(gender.isEmpty() ? null : gender.equals("男") ? "M" : gender.equals("女") ? "F" : gender);
                p.setBirthDate(date(row, "出生日期", cell(row, mc, "出生日期"), errors));
                p.setLabour(code(row, "labour", "劳动能力", cell(row, mc, "劳动能力"), errors));
                p.setHealth(code(row, "health", "健康状况", cell(row, mc, "健康状况"), errors));
                p.setSchooling(code(row, "schooling", "文化程度", cell(row, mc, "文化程度"), errors));
                LocalDate joined = date(row, "入户日期", cell(row, mc, "入户日期"), errors);
                if (p.getIdNumber() != null) {
                    Integer first = anyIdRow.putIfAbsent(p.getIdNumber(), row.number());
                    if (first != null) {
                        errors.add(ImportError.of(row, "身份证号", "household.import.idTwice", first));
                    }
                }
                if (owner != null) {
                    LocalDate registered = owner.household().getRegisteredOn() == null ? today : owner.household().getRegisteredOn();
                    p.setJoinedOn(joined == null ? registered : joined);
                    if (p.getJoinedOn().isBefore(registered)) {
                        errors.add(ImportError.of(row, "入户日期", "household.import.joinedBefore", registered.toString()));
                    }
                    owner.members().add(p);
                    checkMember(scope, row, p, errors);
                }
            }
        }
        for (HouseholdService.ImportedHousehold h : byHeadId.values()) {
            InvalidInputException.Collector c = new InvalidInputException.Collector();
            households.check(scope, h.household(), c);
            SheetRow row = hhRows.stream().filter(r -> r.number() == h.row()).findFirst().orElseThrow();
            violations(c).forEach(v -> errors.add(ImportError.of(row, householdColumn(v.field()), v.code(), v.args())));
        }
        errors.sort(java.util.Comparator.comparing(ImportError::sheet).thenComparingInt(ImportError::row));
        return new ArrayList<>(byHeadId.values());
    }

    private void checkMember(DataScope scope, SheetRow row, PersonForm p, List<ImportError> errors) {
        InvalidInputException.Collector c = new InvalidInputException.Collector();
        households.checkPerson(p, c);
        violations(c).forEach(v -> errors.add(ImportError.of(row, memberColumn(v.field()), v.code(), v.args())));
    }

    private static List<BusinessException> violations(InvalidInputException.Collector c) {
        try {
            c.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    private static String householdColumn(String field) {
        return switch (field == null ? "" : field) {
            case "regionCode" -> "村（社区）";
            case "address" -> "地址";
            case "headName" -> "户主姓名";
            case "headIdNumber", "headGender", "headBirthDate" -> "户主身份证号";
            case "phone" -> "联系电话";
            case "tags" -> "农户类型";
            case "incomePerHead" -> "上年人均纯收入（元）";
            case "incomeYear" -> "收入年度";
            case "headLabour" -> "户主劳动能力";
            case "headHealth" -> "户主健康状况";
            case "headSchooling" -> "户主文化程度";
            case "registeredOn" -> "登记日期";
            default -> null;
        };
    }

    private static String memberColumn(String field) {
        return switch (field == null ? "" : field) {
            case "name" -> "姓名";
            case "relation" -> "与户主关系";
            case "idNumber" -> "身份证号";
            case "gender" -> "性别";
            case "birthDate" -> "出生日期";
            case "labour" -> "劳动能力";
            case "health" -> "健康状况";
            case "schooling" -> "文化程度";
            case "joinedOn" -> "入户日期";
            default -> null;
        };
    }

    private static Map<String, Integer> columns(SheetRow header) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String title = header.cell(i).replace("*", "").replace("（", "(").replace("）", ")").trim();
            map.putIfAbsent(title, i);
        }
        return map;
    }

    private static String cell(SheetRow row, Map<String, Integer> columns, String title) {
        Integer i = columns.get(title.replace("（", "(").replace("）", ")"));
        return i == null ? "" : row.cell(i);
    }

    /** A village as the template writes it ("…[530128001001]"), a bare code, or its name as people write it. */
    private String regionCode(cn.zhutui.region.PlaceNames places, SheetRow row, String cell, List<ImportError> errors) {
        Matcher m = CODE_CELL.matcher(cell);
        String code = m.matches() ? m.group(1) : cell.matches("\\d{6,12}") ? cell : null;
        if (code != null) {
            Optional<Region> r = regions.find(code);
            if (r.isEmpty()) {
                errors.add(ImportError.of(row, "村（社区）", "household.import.village", cell));
            }
            return r.map(Region::code).orElse(null);
        }
        cn.zhutui.region.PlaceNames.Match match = places.find(cell);
        if (match.found()) {
            return match.region().code();
        }
        if (match.candidates().isEmpty()) {
            errors.add(ImportError.of(row, "村（社区）", "household.import.village", cell));
        } else {
            errors.add(ImportError.of(row, "村（社区）", "household.import.villageAmbiguous", cell, match.candidates().size(),
                    String.join("、", match.candidates().stream().limit(5).map(places::label).toList())));
        }
        return null;
    }

    private String code(SheetRow row, String type, String column, String value, List<ImportError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        Optional<String> code = dict.codeOf(type, value);
        if (code.isEmpty()) {
            errors.add(ImportError.of(row, column, "dict.invalid", value));
            return null;
        }
        return code.get();
    }

    private static LocalDate date(SheetRow row, String column, String value, List<ImportError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        String v = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) : value;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        errors.add(ImportError.of(row, column, "household.import.date", value));
        return null;
    }

    private static BigDecimal decimal(SheetRow row, String column, String value, List<ImportError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.add(ImportError.of(row, column, "household.import.number", value));
            return null;
        }
    }

    private static Integer integer(SheetRow row, String column, String value, List<ImportError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(ImportError.of(row, column, "household.import.number", value));
            return null;
        }
    }

    String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
