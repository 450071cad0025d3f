package cn.zhutui.pairing.internal;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.Masking;
import cn.zhutui.common.Permission;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.Workbooks;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdService;
import cn.zhutui.household.IdNumbers;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobContext;
import cn.zhutui.job.JobHandler;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImports;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.Industry;
import cn.zhutui.pairing.PairingForm;
import cn.zhutui.pairing.PairingKind;
import cn.zhutui.pairing.PairingService;
import cn.zhutui.region.PlaceNames;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.CurrentScope;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The pairing spreadsheet: one row a pairing, of any kind (the seeds' 171 members and 344
 * households of a county are set up this way, not one form at a time). The template has dropdowns
 * of the kinds, the user's orgs, members, industries and places; a household is named by the ID
 * number of its head (or of any member). Every row is checked with the rules of the form, the
 * errors of all rows reported at once in the returned workbook, and nothing is made unless all
 * rows are right. Imported in the background through {@link SheetImports}.
 */
@Component
public class PairingImportJob implements JobHandler {

    public static final String KIND = "pairing-import";
    public static final String SHEET = "结对";
    static final String C_KIND = "结对类型*";
    static final String C_ORG = "所属组织";
    static final String C_MEMBER = "帮扶委员";
    static final String C_HELPER_ORG = "帮扶组织或单位";
    static final String C_CADRE = "干部姓名";
    static final String C_ID = "农户身份证号";
    static final String C_HEAD = "户主姓名";
    static final String C_INDUSTRY = "产业";
    static final String C_PLACE = "村（社区）或县";
    static final String C_START = "开始日期*";
    static final String C_END = "结束日期";
    static final String C_NOTE = "备注";
    static final List<String> COLUMNS = List.of(C_KIND, C_ORG, C_MEMBER, C_HELPER_ORG, C_CADRE, C_ID, C_HEAD, C_INDUSTRY, C_PLACE, C_START,
            C_END, C_NOTE);
    private static final Pattern ID_CELL = Pattern.compile("^(.*?)\\s*\\[(\\d{1,12})]\\s*$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
            DateTimeFormatter.BASIC_ISO_DATE);
    private static final int TEMPLATE_ROWS = 3000;

    private final PairingService pairings;
    private final HouseholdService households;
    private final MemberService members;
    private final OrgService orgs;
    private final RegionService regions;
    private final SheetImports sheets;
    private final JobService jobs;
    private final CurrentScope scopes;
    private final MessageSource messages;

    PairingImportJob(PairingService pairings, HouseholdService households, MemberService members, OrgService orgs, RegionService regions,
                     SheetImports sheets, JobService jobs, CurrentScope scopes, MessageSource messages) {
        this.pairings = pairings;
        this.households = households;
        this.members = members;
        this.orgs = orgs;
        this.regions = regions;
        this.sheets = sheets;
        this.jobs = jobs;
        this.scopes = scopes;
        this.messages = messages;
    }

    /** Checks the user may make pairings, then stores the upload and queues its import. */
    public long start(DataScope scope, InputStream upload, String filename, Locale locale) {
        scope.require(Permission.PAIRING_EDIT);
        return sheets.start(scope, KIND, upload, filename, Map.of("locale", locale.toLanguageTag()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String link(Job job) {
        return "/pairings/import/jobs/" + job.id();
    }

    // ---------------------------------------------------------------- template

    /** The template: a guide, the sheet of pairings and its dropdowns (the user's orgs, members, industries and places). */
    public Workbook template(DataScope scope) {
        scope.require(Permission.PAIRING_EDIT);
        SXSSFWorkbook wb = Workbooks.streaming();
        var style = Workbooks.headerStyle(wb);
        Workbooks.guide(wb, "填写说明", List.of("每个结对填一行。带 * 的列必填；其余各列按结对类型填写：",
                "委员联户：帮扶委员、农户身份证号（户主或家庭成员的，农户须已登记）；户主姓名可填，用来核对。",
                "干部认亲结对：干部姓名、农户身份证号。",
                "专委会联产业：帮扶组织或单位（专委会）、产业。",
                "政协组织联村：帮扶组织或单位、村（社区）。领导联系点：帮扶委员、村（社区）。",
                "领导挂联重点县：帮扶委员、县。单位定点帮扶：帮扶组织或单位、县。",
                "所属组织不填时为您所在的组织。委员、组织、产业、地点请从下拉列表中选择，也可以直接写名称（重名时须选带编号的一项）。",
                "日期写成 2025-03-01。同一帮扶人与同一对象在同一时间只能有一个结对。",
                "整个文件全部正确才会导入；有错误时什么也不导入，并返回标注了错误的文件。"));
        Sheet sheet = wb.createSheet(SHEET);
        Workbooks.header(sheet, 0, COLUMNS, style);
        sheet.createFreezePane(1, 1);
        List<String> orgChoices = orgs.inScope(scope).stream().map(o -> o.name() + " [" + o.id() + "]").toList();
        Workbooks.dropdown(wb, sheet, COLUMNS.indexOf(C_KIND), 1, TEMPLATE_ROWS, "kinds",
                java.util.Arrays.stream(PairingKind.values()).map(k -> label(k, Locale.SIMPLIFIED_CHINESE)).toList());
        Workbooks.dropdown(wb, sheet, COLUMNS.indexOf(C_ORG), 1, TEMPLATE_ROWS, "orgs", orgChoices);
        Workbooks.dropdown(wb, sheet, COLUMNS.indexOf(C_MEMBER), 1, TEMPLATE_ROWS, "members",
                members.namesInScope(scope).entrySet().stream().map(e -> e.getValue() + " [" + e.getKey() + "]").toList());
        Workbooks.dropdown(wb, sheet, COLUMNS.indexOf(C_HELPER_ORG), 1, TEMPLATE_ROWS, "helpers", orgChoices);
        Workbooks.dropdown(wb, sheet, COLUMNS.indexOf(C_INDUSTRY), 1, TEMPLATE_ROWS, "industries",
                pairings.industries(scope).stream().filter(Industry::active).map(i -> i.name() + " [" + i.id() + "]").toList());
        Workbooks.dropdown(wb, sheet, COLUMNS.indexOf(C_PLACE), 1, TEMPLATE_ROWS, "places", places(scope));
        return wb;
    }

    /** Counties and villages of the user's region (counties only for a province or wider: villages are typed). */
    private List<String> places(DataScope scope) {
        String under = ownRegion(scope);
        Optional<Region> root = under == null ? Optional.empty() : regions.find(under);
        boolean wide = root.map(r -> r.level() < RegionLevel.COUNTY.depth()).orElse(true);
        List<Region> list = new ArrayList<>(regions.atLevel(RegionLevel.COUNTY, under));
        if (!wide) {
            list.addAll(regions.atLevel(RegionLevel.VILLAGE, under));
        }
        list.sort(Comparator.comparing(Region::code));
        Map<String, String> lineage = regions.lineageNames(list);
        return list.stream().map(r -> {
            String[] parts = lineage.getOrDefault(r.code(), r.name()).split(" / ");
            String shortName = r.level() == RegionLevel.COUNTY.depth() || parts.length < 2 ? r.name()
                    : parts[parts.length - 2] + "/" + parts[parts.length - 1];
            return shortName + " [" + r.code() + "]";
        }).toList();
    }

    private String ownRegion(DataScope scope) {
        return scope.isSystem() ? null : orgs.find(scope.orgId()).flatMap(orgs::effectiveRegion).orElse(null);
    }

    private String label(PairingKind kind, Locale locale) {
        return messages.getMessage("pairing.kind." + kind.name(), null, kind.name(), locale);
    }

    // ---------------------------------------------------------------- import

    @Override
    public void run(JobContext context) throws Exception {
        Job job = context.job();
        Locale locale = Locale.forLanguageTag(String.valueOf(jobs.params(job).getOrDefault("locale", "zh-CN")));
        long done = pairings.importedBy(job.id());
        if (done > 0) {
            // a run cut off after its commit: the pairings are there
            context.succeed("pairing.import.done", Map.of("args", List.of(done), "imported", done), null);
            return;
        }
        DataScope scope = scopes.ofUser(job.userId());
        Optional<List<SheetRow>> read = sheets.read(context);
        if (read.isEmpty()) {
            return;
        }
        List<SheetRow> rows = read.get();
        List<ImportError> errors = new ArrayList<>();
        List<PairingForm> parsed = parse(scope, rows, errors);
        context.total(Math.max(1, parsed.size()));
        if (parsed.isEmpty() && errors.isEmpty()) {
            context.fail("import.noRows", Map.of(), null);
            return;
        }
        if (!errors.isEmpty()) {
            sheets.failWithErrors(context, rows, errors, "pairing.import.errors", List.of(errors.size(), parsed.size()), locale);
            return;
        }
        List<Long> ids = pairings.saveImported(scope, parsed, job.id());
        context.progress(parsed.size());
        context.succeed("pairing.import.done", Map.of("args", List.of(ids.size()), "imported", ids.size()), null);
    }

    /** Reads and checks every row; the errors of all rows are collected. */
    List<PairingForm> parse(DataScope scope, List<SheetRow> rows, List<ImportError> errors) {
        Map<String, List<SheetRow>> bySheet = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.sheet().startsWith("_")).forEach(r -> bySheet.computeIfAbsent(r.sheet(), k -> new ArrayList<>()).add(r));
        List<SheetRow> list = bySheet.getOrDefault(SHEET, bySheet.values().stream()
                .filter(l -> !l.isEmpty() && columns(l.get(0)).containsKey(bare(C_KIND)))
                .findFirst().orElse(List.of()));
        if (list.isEmpty()) {
            errors.add(new ImportError(SHEET, 1, null, "household.import.noSheet", SHEET));
            return List.of();
        }
        Map<String, Integer> cols = columns(list.get(0));
        for (String required : List.of(C_KIND, C_START)) {
            if (!cols.containsKey(bare(required))) {
                errors.add(ImportError.of(list.get(0), required, "import.headerMissing", bare(required)));
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        Lookups look = new Lookups(scope);
        List<PairingForm> forms = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRow row : list.subList(1, list.size())) {
            if (row.isBlank()) {
                continue;
            }
            int before = errors.size();
            PairingForm f = new PairingForm();
            String kindCell = cell(row, cols, C_KIND);
            PairingKind kind = look.kind(kindCell);
            if (kind == null) {
                errors.add(ImportError.of(row, C_KIND, kindCell.isEmpty() ? "validation.required" : "pairing.import.kind", kindCell));
                continue;
            }
            f.setKind(kind);
            String orgCell = cell(row, cols, C_ORG);
            if (!orgCell.isEmpty()) {
                f.setOrgId(look.org(row, C_ORG, orgCell, errors));
                if (f.getOrgId() == null) {
                    f.setOrgId(-1L);
                }
            }
            // the columns of the kind's helper and target; the others must stay empty
            Map<String, Boolean> used = new LinkedHashMap<>();
            used.put(C_MEMBER, kind.helper() == PairingKind.Helper.MEMBER);
            used.put(C_HELPER_ORG, kind.helper() == PairingKind.Helper.ORG);
            used.put(C_CADRE, kind.helper() == PairingKind.Helper.CADRE);
            used.put(C_ID, kind.household());
            used.put(C_HEAD, kind.household());
            used.put(C_INDUSTRY, kind.target() == PairingKind.Target.INDUSTRY);
            used.put(C_PLACE, kind.target() == PairingKind.Target.VILLAGE || kind.target() == PairingKind.Target.COUNTY);
            used.forEach((column, applies) -> {
                if (!applies && !cell(row, cols, column).isEmpty()) {
                    errors.add(ImportError.of(row, column, "pairing.import.notForKind", label(kind, Locale.SIMPLIFIED_CHINESE)));
                }
            });
            String helperKey = null;
            switch (kind.helper()) {
                case MEMBER -> {
                    String v = cell(row, cols, C_MEMBER);
                    f.setMemberId(v.isEmpty() ? null : look.member(row, v, errors));
                    helperKey = v.isEmpty() ? null : "m" + f.getMemberId();
                    if (v.isEmpty()) {
                        errors.add(ImportError.of(row, C_MEMBER, "validation.required"));
                    }
                }
                case ORG -> {
                    String v = cell(row, cols, C_HELPER_ORG);
                    f.setHelperOrgId(v.isEmpty() ? null : look.org(row, C_HELPER_ORG, v, errors));
                    helperKey = "o" + f.getHelperOrgId();
                    if (v.isEmpty()) {
                        errors.add(ImportError.of(row, C_HELPER_ORG, "validation.required"));
                    }
                }
                case CADRE -> {
                    f.setCadreName(cell(row, cols, C_CADRE));
                    helperKey = "c" + f.getCadreName();
                }
            }
            String targetKey = null;
            switch (kind.target()) {
                case HOUSEHOLD -> {
                    String v = cell(row, cols, C_ID);
                    if (v.isEmpty()) {
                        errors.add(ImportError.of(row, C_ID, "validation.required"));
                    } else {
                        Household h = look.household(row, v, cell(row, cols, C_HEAD), errors);
                        f.setHouseholdId(h == null ? null : h.id());
                        targetKey = h == null ? null : "h" + h.id();
                    }
                }
                case INDUSTRY -> {
                    String v = cell(row, cols, C_INDUSTRY);
                    if (v.isEmpty()) {
                        errors.add(ImportError.of(row, C_INDUSTRY, "validation.required"));
                    } else {
                        f.setIndustryId(look.industry(row, v, errors));
                        targetKey = "i" + f.getIndustryId();
                    }
                }
                case VILLAGE, COUNTY -> {
                    String v = cell(row, cols, C_PLACE);
                    if (v.isEmpty()) {
                        errors.add(ImportError.of(row, C_PLACE, "validation.required"));
                    } else {
                        f.setRegionCode(look.place(row, v, errors));
                        targetKey = "r" + f.getRegionCode();
                    }
                }
            }
            f.setStartDate(date(row, C_START, cell(row, cols, C_START), errors));
            f.setEndDate(date(row, C_END, cell(row, cols, C_END), errors));
            f.setNote(cell(row, cols, C_NOTE));
            if (errors.size() > before) {
                continue;
            }
            // the form's rules (org in scope, helper and target of the kind, dates, no overlap with pairings made)
            for (BusinessException v : pairings.problems(scope, f)) {
                errors.add(ImportError.of(row, column(v.field()), v.code(), v.args()));
            }
            if (errors.size() > before) {
                continue;
            }
            // and no overlap within the file (rows of the same helper and target: made one after the other, they would clash)
            String key = kind + "|" + helperKey + "|" + targetKey;
            Integer first = seen.putIfAbsent(key, row.number());
            if (first != null) {
                errors.add(ImportError.of(row, C_START, "pairing.import.twice", first));
                continue;
            }
            forms.add(f);
        }
        errors.sort(Comparator.comparing(ImportError::sheet).thenComparingInt(ImportError::row));
        return forms;
    }

    private static String column(String field) {
        return switch (field == null ? "" : field) {
            case "kind" -> C_KIND;
            case "orgId" -> C_ORG;
            case "memberId" -> C_MEMBER;
            case "helperOrgId" -> C_HELPER_ORG;
            case "cadreName", "cadreUserId" -> C_CADRE;
            case "householdId" -> C_ID;
            case "industryId" -> C_INDUSTRY;
            case "regionCode" -> C_PLACE;
            case "startDate" -> C_START;
            case "endDate" -> C_END;
            case "note" -> C_NOTE;
            default -> null;
        };
    }

    /** Names, ids and places resolved once for the whole file. */
    private final class Lookups {
        private final DataScope scope;
        private final Map<String, PairingKind> kinds = new HashMap<>();
        private final Map<Long, Org> orgsById = new HashMap<>();
        private final Map<String, List<Org>> orgsByName = new HashMap<>();
        private Map<Long, String> memberNames;
        private final Map<String, List<Long>> membersByName = new HashMap<>();
        private Map<Long, Industry> industries;
        private final Map<String, List<Industry>> industriesByName = new HashMap<>();
        private PlaceNames places;

        Lookups(DataScope scope) {
            this.scope = scope;
            for (PairingKind k : PairingKind.values()) {
                kinds.put(label(k, Locale.SIMPLIFIED_CHINESE), k);
                kinds.put(label(k, Locale.ENGLISH).toLowerCase(Locale.ROOT), k);
                kinds.put(k.name().toLowerCase(Locale.ROOT), k);
            }
            orgs.inScope(scope).forEach(o -> {
                orgsById.put(o.id(), o);
                orgsByName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
            });
        }

        PairingKind kind(String cell) {
            PairingKind k = kinds.get(cell);
            return k != null ? k : kinds.get(cell.toLowerCase(Locale.ROOT));
        }

        Long org(SheetRow row, String column, String cell, List<ImportError> errors) {
            return pick(row, column, cell, orgsById, orgsByName, Org::id, "pairing.import.org", errors);
        }

        Long member(SheetRow row, String cell, List<ImportError> errors) {
            if (memberNames == null) {
                memberNames = members.namesInScope(scope);
                memberNames.forEach((id, name) -> membersByName.computeIfAbsent(name, k -> new ArrayList<>()).add(id));
            }
            return pick(row, C_MEMBER, cell, memberNames, membersByName, Function.identity(), "pairing.import.member", errors);
        }

        Long industry(SheetRow row, String cell, List<ImportError> errors) {
            if (industries == null) {
                industries = new HashMap<>();
                pairings.industries(scope).stream().filter(Industry::active).forEach(i -> {
                    industries.put(i.id(), i);
                    industriesByName.computeIfAbsent(i.name(), k -> new ArrayList<>()).add(i);
                });
            }
            return pick(row, C_INDUSTRY, cell, industries, industriesByName, Industry::id, "pairing.import.industry", errors);
        }

        /** "名称 [编号]" from the dropdown, or a name that is unique in the user's scope. */
        private <T> Long pick(SheetRow row, String column, String cell, Map<Long, ?> byId, Map<String, List<T>> byName, Function<T, Long> id,
                              String code, List<ImportError> errors) {
            Matcher m = ID_CELL.matcher(cell);
            if (m.matches()) {
                long key = Long.parseLong(m.group(2));
                if (byId.containsKey(key)) {
                    return key;
                }
                errors.add(ImportError.of(row, column, code + ".unknown", cell));
                return null;
            }
            List<T> named = byName.getOrDefault(cell.trim(), List.of());
            if (named.size() == 1) {
                return id.apply(named.get(0));
            }
            errors.add(ImportError.of(row, column, named.isEmpty() ? code + ".unknown" : code + ".ambiguous", cell, named.size()));
            return null;
        }

        /** A household by the ID number of its head or a member, in the user's scope; the head's name checked when given. */
        Household household(SheetRow row, String cell, String headName, List<ImportError> errors) {
            String id = IdNumbers.normalise(cell);
            if (id == null || !IdNumbers.valid(id)) {
                errors.add(ImportError.of(row, C_ID, "pairing.import.idNumber"));
                return null;
            }
            Optional<Household> h = households.findByIdNumber(scope, id);
            if (h.isEmpty()) {
                errors.add(ImportError.of(row, C_ID, "pairing.import.household", Masking.idNumber(id)));
                return null;
            }
            if (!headName.isEmpty() && !headName.equals(h.get().headName())) {
                errors.add(ImportError.of(row, C_HEAD, "pairing.import.head", Masking.idNumber(id), h.get().headName(), headName));
                return null;
            }
            return h.get();
        }

        /** A village or county as the dropdown writes it, a code, or its name as people write it. */
        String place(SheetRow row, String cell, List<ImportError> errors) {
            Matcher m = ID_CELL.matcher(cell);
            String code = m.matches() ? m.group(2) : cell.matches("\\d{6,12}") ? cell : null;
            if (code != null) {
                Optional<Region> r = regions.find(code);
                if (r.isEmpty()) {
                    errors.add(ImportError.of(row, C_PLACE, "pairing.import.place.unknown", cell));
                }
                return r.map(Region::code).orElse(null);
            }
            if (places == null) {
                places = regions.placeNames(ownRegion(scope));
            }
            PlaceNames.Match match = places.find(cell);
            if (match.found()) {
                return match.region().code();
            }
            if (match.candidates().isEmpty()) {
                errors.add(ImportError.of(row, C_PLACE, "pairing.import.place.unknown", cell));
            } else {
                errors.add(ImportError.of(row, C_PLACE, "household.import.villageAmbiguous", cell, match.candidates().size(),
                        String.join("、", match.candidates().stream().limit(5).map(places::label).toList())));
            }
            return null;
        }
    }

    private static String bare(String title) {
        return title.replace("*", "").replace("（", "(").replace("）", ")").trim();
    }

    private static Map<String, Integer> columns(SheetRow header) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            map.putIfAbsent(bare(header.cell(i)), i);
        }
        return map;
    }

    private static String cell(SheetRow row, Map<String, Integer> columns, String title) {
        Integer i = columns.get(bare(title));
        return i == null ? "" : row.cell(i).trim();
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
}
