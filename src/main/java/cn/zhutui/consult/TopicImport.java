package cn.zhutui.consult;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.Workbooks;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.dict.DictItem;
import cn.zhutui.dict.DictService;
import cn.zhutui.job.SheetImports;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The topic collection ledger (议题征集台账) many offices keep in a spreadsheet: a template with
 * dropdowns of the office's platforms, the sources, its members and its places; an upload checked
 * row by row with every rule of the topic form (the same rules as the page and the phone), nothing
 * saved unless every row is right, the workbook given back with the bad cells marked; rows already
 * imported (same platform, title and day) are skipped, so uploading a file again adds nothing.
 */
@Component
class TopicImport {

    static final String KIND = "consult-topic-import";
    static final int PLATFORM = 0;
    static final int TITLE = 1;
    static final int SOURCE = 2;
    static final int RAISED_BY = 3;
    static final int MEMBER = 4;
    static final int RAISED_ON = 5;
    static final int PLACE = 6;
    static final int AFFECTED = 7;
    static final int HOUSEHOLDS = 8;
    static final int DESCRIPTION = 9;
    private static final String[] COLUMNS = {"consult.platform", "consult.topic.title", "consult.topic.source", "consult.topic.raisedBy",
            "consult.topic.raisedMember", "consult.topic.raisedOn", "consult.topic.region", "consult.topic.affected",
            "consult.topic.households", "consult.topic.description"};
    private static final boolean[] REQUIRED = {true, true, true, false, false, true, true, false, false, false};
    private static final Pattern ID_IN_CELL = Pattern.compile(".*\\[(\\w+)]\\s*$");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));
    static final int TEMPLATE_ROWS = 2000;

    private final TopicService topics;
    private final PlatformService platforms;
    private final ConsultAccess access;
    private final OrgService orgs;
    private final RegionService regions;
    private final MemberService members;
    private final DictService dict;
    private final SheetImports sheets;
    private final MessageSource messages;

    TopicImport(TopicService topics, PlatformService platforms, ConsultAccess access, OrgService orgs, RegionService regions,
                MemberService members, DictService dict, SheetImports sheets, MessageSource messages) {
        this.topics = topics;
        this.platforms = platforms;
        this.access = access;
        this.orgs = orgs;
        this.regions = regions;
        this.members = members;
        this.dict = dict;
        this.sheets = sheets;
        this.messages = messages;
    }

    /** Only the office running consultation imports its topics. */
    Org requireImporter(DataScope scope) {
        scope.require(Permission.CONSULT_MANAGE);
        Org unit = access.unit(scope);
        access.requireManage(scope, unit.id());
        return unit;
    }

    Workbook template(DataScope scope, Locale locale) {
        Org unit = requireImporter(scope);
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("consult.topics", locale));
        Workbooks.header(sheet, 0, titles(locale), Workbooks.headerStyle(wb));
        sheet.createFreezePane(0, 1);
        Workbooks.dropdown(wb, sheet, PLATFORM, 1, TEMPLATE_ROWS, "platforms",
                platforms.ofOrg(scope, unit.id()).stream().filter(Platform::active).map(p -> cell(p.name(), p.id())).toList());
        Workbooks.dropdown(wb, sheet, SOURCE, 1, TEMPLATE_ROWS, "sources", dict.items(ConsultRules.SOURCES).stream().map(i -> i.label(locale)).toList());
        Workbooks.dropdown(wb, sheet, MEMBER, 1, TEMPLATE_ROWS, "members",
                members.namesInScope(scope).entrySet().stream().map(e -> cell(e.getValue(), e.getKey())).toList());
        Workbooks.dropdown(wb, sheet, PLACE, 1, TEMPLATE_ROWS, "places", places(unit));
        Workbooks.guide(wb, msg("consult.import.guideSheet", locale), List.of(msg("consult.import.guide", locale).split("\\|")));
        return wb;
    }

    /** Townships and villages of the office's county: "屏山街道/北街社区居民委员会 [530128001001]". */
    private List<String> places(Org unit) {
        String under = orgs.effectiveRegion(unit).orElse(null);
        if (under == null) {
            return List.of();
        }
        List<Region> list = new ArrayList<>(regions.atLevel(RegionLevel.TOWNSHIP, under));
        if (list.size() < 500) {
            list.addAll(regions.atLevel(RegionLevel.VILLAGE, under));
        }
        list.sort(java.util.Comparator.comparing(Region::code));
        Map<String, String> names = new HashMap<>();
        list.forEach(r -> names.put(r.code(), r.name()));
        return list.stream().map(r -> cell(r.parentCode() != null && names.containsKey(r.parentCode()) && r.level() == RegionLevel.VILLAGE.depth()
                ? names.get(r.parentCode()) + "/" + r.name() : r.name(), r.code())).toList();
    }

    long start(DataScope scope, InputStream upload, String filename, Locale locale) {
        requireImporter(scope);
        return sheets.start(scope, KIND, upload, filename, Map.of("locale", locale.toLanguageTag()));
    }

    /** A row read and checked: the form, its key, or the errors of its cells. */
    record Parsed(List<TopicForm> forms, List<String> keys, List<ImportError> errors, int dataRows) {
    }

    Parsed parse(DataScope scope, List<SheetRow> rows, Locale locale) {
        List<String> titles = titles(locale);
        String sheet = rows.stream().map(SheetRow::sheet).filter(s -> !s.startsWith("_") && !s.equals(msg("consult.import.guideSheet", locale))
                && !s.equals(messages.getMessage("consult.import.guideSheet", null, Locale.SIMPLIFIED_CHINESE))).findFirst().orElse(null);
        List<SheetRow> data = rows.stream().filter(r -> r.sheet().equals(sheet)).toList();
        List<TopicForm> forms = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        if (data.isEmpty()) {
            return new Parsed(forms, keys, errors, 0);
        }
        SheetRow header = data.get(0);
        for (int c = 0; c <= PLACE; c++) {
            String expected = normalize(titles.get(c));
            String zh = normalize(messages.getMessage(COLUMNS[c], null, Locale.SIMPLIFIED_CHINESE));
            String got = normalize(header.cell(c));
            if (!got.equals(expected) && !got.equals(zh)) {
                errors.add(ImportError.of(header, titles.get(c), "consult.import.header", header.cell(c), titles.get(c)));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(forms, keys, errors, data.size() - 1);
        }
        Map<String, String> sourceByLabel = new HashMap<>();
        for (DictItem i : dict.items(ConsultRules.SOURCES)) {
            sourceByLabel.put(i.label(), i.code());
            sourceByLabel.put(i.label(Locale.ENGLISH), i.code());
            sourceByLabel.put(i.code(), i.code());
        }
        Set<String> seen = new HashSet<>();
        cn.zhutui.region.PlaceNames placeNames = regions.placeNames(orgs.effectiveRegion(access.unit(scope)).orElse(null));
        int dataRows = 0;
        for (SheetRow row : data.subList(1, data.size())) {
            if (row.isBlank()) {
                continue;
            }
            dataRows++;
            List<ImportError> rowErrors = new ArrayList<>();
            for (int c = 0; c < COLUMNS.length; c++) {
                if (REQUIRED[c] && row.cell(c).isEmpty()) {
                    rowErrors.add(ImportError.of(row, titles.get(c), "validation.required"));
                }
            }
            TopicForm f = new TopicForm();
            f.setPlatformId(id(row, PLATFORM, titles, rowErrors));
            f.setTitle(blank(row.cell(TITLE)));
            String source = row.cell(SOURCE);
            if (!source.isEmpty()) {
                f.setSource(sourceByLabel.get(source));
                if (f.getSource() == null) {
                    rowErrors.add(ImportError.of(row, titles.get(SOURCE), "dict.invalid", source));
                }
            }
            f.setRaisedBy(blank(row.cell(RAISED_BY)));
            f.setRaisedMemberId(id(row, MEMBER, titles, rowErrors));
            f.setRaisedOn(date(row, titles.get(RAISED_ON), rowErrors));
            String place = row.cell(PLACE);
            if (!place.isEmpty()) {
                f.setRegionCode(place(row, titles.get(PLACE), place, placeNames, rowErrors));
            }
            f.setAffected(blank(row.cell(AFFECTED)));
            String households = row.cell(HOUSEHOLDS);
            if (!households.isEmpty()) {
                try {
                    f.setHouseholds(new java.math.BigDecimal(households).intValueExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    rowErrors.add(ImportError.of(row, titles.get(HOUSEHOLDS), "consult.import.number", households));
                }
            }
            f.setDescription(blank(row.cell(DESCRIPTION)));
            if (rowErrors.isEmpty()) {
                try {
                    topics.check(scope, f, null);
                    if (!access.manages(scope, platforms.get(scope, f.getPlatformId()).orgId())) {
                        rowErrors.add(ImportError.of(row, titles.get(PLATFORM), "consult.platform.notYours", row.cell(PLATFORM)));
                    }
                } catch (InvalidInputException e) {
                    e.violations().forEach(v -> rowErrors.add(ImportError.of(row, column(v.field(), titles), v.code(), v.args())));
                } catch (BusinessException e) {
                    rowErrors.add(ImportError.of(row, column(e.field(), titles), e.code(), e.args()));
                }
            }
            String key = rowErrors.isEmpty() ? key(f) : null;
            if (key != null && !seen.add(key)) {
                rowErrors.add(ImportError.of(row, titles.get(TITLE), "consult.import.duplicate", f.getTitle()));
            }
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                forms.add(f);
                keys.add(key);
            }
        }
        return new Parsed(forms, keys, errors, dataRows);
    }

    /** Saves every row, or none: one transaction. Answers how many were new. */
    @Transactional
    public int importAll(DataScope scope, Parsed parsed, java.util.function.IntConsumer progress) {
        int imported = 0;
        for (int i = 0; i < parsed.forms().size(); i++) {
            if (topics.importTopic(scope, parsed.forms().get(i), parsed.keys().get(i)) > 0) {
                imported++;
            }
            progress.accept(i + 1);
        }
        return imported;
    }

    /**
     * The place a cell names: the dropdown's "名称 [代码]", a code, or a name as people write it in
     * the office's county (the platform's PlaceNames); null with the error saying what was not understood.
     */
    private static String place(SheetRow row, String column, String cell, cn.zhutui.region.PlaceNames places, List<ImportError> errors) {
        Matcher m = ID_IN_CELL.matcher(cell);
        String id = m.matches() ? m.group(1) : cell.trim();
        if (id.matches("\\d{6,12}")) {
            return id;
        }
        cn.zhutui.region.PlaceNames.Match match = places.find(cell);
        if (match.found()) {
            return match.region().code();
        }
        if (match.candidates().isEmpty()) {
            errors.add(ImportError.of(row, column, "ledger.import.placeUnknown", cell.trim()));
        } else {
            errors.add(ImportError.of(row, column, "ledger.import.placeAmbiguous", cell.trim(), match.candidates().size(),
                    match.candidates().stream().limit(5).map(places::label).collect(java.util.stream.Collectors.joining("、"))
                            + (match.candidates().size() > 5 ? "等" : "")));
        }
        return null;
    }

    private static Long id(SheetRow row, int column, List<String> titles, List<ImportError> errors) {
        String text = row.cell(column);
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = ID_IN_CELL.matcher(text);
        String id = m.matches() ? m.group(1) : text;
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            errors.add(ImportError.of(row, titles.get(column), "consult.import.choose", text));
            return null;
        }
    }

    private static LocalDate date(SheetRow row, String column, List<ImportError> errors) {
        String text = row.cell(RAISED_ON);
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (java.time.format.DateTimeParseException ignored) {
                // the next format
            }
        }
        errors.add(ImportError.of(row, column, "ledger.import.date", text));
        return null;
    }

    private static String column(String field, List<String> titles) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "platformId" -> titles.get(PLATFORM);
            case "title" -> titles.get(TITLE);
            case "source" -> titles.get(SOURCE);
            case "raisedBy" -> titles.get(RAISED_BY);
            case "raisedMemberId" -> titles.get(MEMBER);
            case "raisedOn" -> titles.get(RAISED_ON);
            case "regionCode" -> titles.get(PLACE);
            case "affected" -> titles.get(AFFECTED);
            case "households" -> titles.get(HOUSEHOLDS);
            case "description" -> titles.get(DESCRIPTION);
            default -> null;
        };
    }

    /** The same platform, title and day: the same topic. */
    static String key(TopicForm f) {
        String s = f.getPlatformId() + "|" + f.getTitle().trim() + "|" + f.getRaisedOn();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> titles(Locale locale) {
        List<String> list = new ArrayList<>();
        for (int c = 0; c < COLUMNS.length; c++) {
            list.add(msg(COLUMNS[c], locale) + (REQUIRED[c] ? "*" : ""));
        }
        return list;
    }

    private static String normalize(String title) {
        return title == null ? "" : title.replace("*", "").replaceAll("\\s", "");
    }

    static String cell(String name, Object id) {
        return name + " [" + id + "]";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
