package cn.zhutui.ledger.imports;

import cn.zhutui.ledger.ImportRow;
import cn.zhutui.ledger.ImportOutcome;

import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.LedgerQueryParams;
import cn.zhutui.ledger.internal.LedgerRepository;
import cn.zhutui.ledger.internal.LedgerFacts;
import cn.zhutui.ledger.internal.EntryRules;
import cn.zhutui.period.SubmissionService;

import static cn.zhutui.ledger.imports.LedgerSheet.*;

import cn.zhutui.audit.AuditService;
import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStatus;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.campaign.Indicator;
import cn.zhutui.campaign.TaskType;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.Workbooks;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.PlaceNames;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionLevel;
import cn.zhutui.region.RegionService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in Excel: a template per campaign (a sheet per task type, Chinese headers with units,
 * dropdowns of the user's members, regions and orgs), and an import that checks every row with
 * the same rules as the form and saves all rows or none. Rows carry a key, so uploading the same
 * file again adds nothing.
 */
@Service
public class LedgerImportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerImportService.class);

    private static final Pattern ID_CELL = Pattern.compile(".*\\[(\\w+)]\\s*$");
    private static final int TEMPLATE_ROWS = 5000;
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.BASIC_ISO_DATE);

    private final CampaignService campaigns;
    private final OrgService orgs;
    private final MemberService members;
    private final RegionService regions;
    private final SubmissionService periods;
    private final LedgerRepository repository;
    private final AuditService audit;
    private final MessageSource messages;
    private final LedgerFacts facts;
    private final cn.zhutui.job.JobService jobs;

    LedgerImportService(CampaignService campaigns, OrgService orgs, MemberService members, RegionService regions,
                        SubmissionService periods, LedgerRepository repository, AuditService audit, MessageSource messages,
                        LedgerFacts facts, cn.zhutui.job.JobService jobs) {
        this.jobs = jobs;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.members = members;
        this.regions = regions;
        this.periods = periods;
        this.repository = repository;
        this.audit = audit;
        this.messages = messages;
        this.facts = facts;
    }

    // ---------------------------------------------------------------- template

    public Workbook template(DataScope scope, long campaignId, Locale locale) {
        requireImporter(scope);
        CampaignStructure s = campaigns.structure(scope, campaignId);
        SXSSFWorkbook wb = Workbooks.streaming();
        Workbooks.guide(wb, msg("ledger.import.guideSheet", locale), List.of(msg(GUIDE_KEY, locale).split("\\|")));
        Sheet meta = wb.createSheet(META);
        wb.setSheetHidden(wb.getSheetIndex(meta), true);
        meta.createRow(0).createCell(0).setCellValue("campaign");
        meta.getRow(0).createCell(1).setCellValue(campaignId);
        List<String> memberChoices = members.namesInScope(scope).entrySet().stream().map(e -> cell(e.getValue(), e.getKey())).toList();
        List<String> orgChoices = orgs.inScope(scope).stream().map(o -> cell(o.name(), o.id())).toList();
        List<String> regionChoices = regionChoices(scope);
        var style = Workbooks.headerStyle(wb);
        int m = 1;
        for (TaskType type : s.activeTaskTypes()) {
            Sheet sheet = wb.createSheet(sheetName(type.shortName()));
            Row metaRow = meta.createRow(m++);
            metaRow.createCell(0).setCellValue(sheet.getSheetName());
            metaRow.createCell(1).setCellValue(type.id());
            List<String> titles = new ArrayList<>(fixedTitles(locale));
            s.activeIndicators(type).forEach(i -> titles.add(i.title()));
            Workbooks.header(sheet, 0, titles, style);
            sheet.createFreezePane(1, 1);
            Workbooks.dropdown(wb, sheet, REGION, 1, TEMPLATE_ROWS, "regions", regionChoices);
            Workbooks.dropdown(wb, sheet, MEMBERS, 1, TEMPLATE_ROWS, "members", memberChoices);
            Workbooks.dropdown(wb, sheet, ORG, 1, TEMPLATE_ROWS, "orgs", orgChoices);
        }
        return wb;
    }

    /** The places of the user's region (their org's), from county down: the choices of the place column. */
    private List<String> regionChoices(DataScope scope) {
        Org own = orgs.get(scope, scope.orgId());
        Optional<Region> root = regions.find(own.regionCode());
        List<Region> list = new ArrayList<>();
        String under = root.map(Region::code).orElse(null);
        int maxDepth = root.map(r -> r.level() <= RegionLevel.PROVINCE.depth() ? RegionLevel.TOWNSHIP.depth() : RegionLevel.VILLAGE.depth())
                .orElse(RegionLevel.TOWNSHIP.depth());
        for (RegionLevel level : RegionLevel.values()) {
            if (level.depth() >= RegionLevel.COUNTY.depth() && level.depth() <= maxDepth) {
                list.addAll(regions.atLevel(level, under));
            }
        }
        list.sort(java.util.Comparator.comparing(Region::code));
        Map<String, String> lineage = regions.lineageNames(list);
        return list.stream().map(r -> cell(shortLineage(lineage.get(r.code())), r.code())).toList();
    }

    private static String shortLineage(String lineage) {
        String[] parts = lineage.split(" / ");
        return String.join("/", java.util.Arrays.copyOfRange(parts, Math.min(2, parts.length - 1), parts.length));
    }

    // ---------------------------------------------------------------- parsing

    record Parsed(List<ImportRow> rows, List<ImportError> errors, int dataRows) {
    }

    /** Column titles naming a row's task type, for a sheet that is not one task type's (a CSV, say). */
    private static final Set<String> TASK_TYPE_TITLES = Set.of("实事", "实事类型", "任务类型", "tasktype");

    /**
     * Reads the sheets of an upload into rows of entries. Each data sheet is matched to a task
     * type (through the template's hidden _meta sheet, or by its name), each column by its header.
     */
    Parsed parse(DataScope scope, CampaignStructure s, List<SheetRow> all, Locale locale) {
        List<ImportError> errors = new ArrayList<>();
        Map<String, Long> sheetTypes = new HashMap<>();
        all.stream().filter(r -> r.sheet().equals(META) && r.number() > 1)
                .forEach(r -> parseLong(r.cell(1)).ifPresent(id -> sheetTypes.put(r.cell(0), id)));
        s.taskTypes().forEach(t -> sheetTypes.putIfAbsent(sheetName(t.shortName()), t.id()));
        Map<String, List<SheetRow>> bySheet = all.stream().filter(r -> !r.sheet().startsWith("_"))
                .collect(Collectors.groupingBy(SheetRow::sheet, LinkedHashMap::new, Collectors.toList()));
        Lookups lookups = new Lookups(scope);
        List<ImportRow> rows = new ArrayList<>();
        int dataRows = 0;
        for (Map.Entry<String, List<SheetRow>> sheet : bySheet.entrySet()) {
            Long typeId = sheetTypes.get(sheet.getKey());
            TaskType type = typeId == null ? null : s.taskType(typeId).orElse(null);
            List<SheetRow> sheetRows = sheet.getValue();
            SheetRow header = sheetRows.get(0);
            Map<String, Integer> columns = columns(header);
            Integer typeColumn = null;
            if (type == null) {
                if (column(columns, "ledger.title") < 0 || column(columns, "ledger.startDate") < 0) {
                    continue; // the guide sheet, or a sheet the user added for notes
                }
                // a sheet of the template's columns that is no task type's own (a CSV): the type comes
                // from a 实事 column, or from the indicator columns, when they are one type's
                typeColumn = TASK_TYPE_TITLES.stream().map(columns::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (typeColumn == null) {
                    List<TaskType> matching = s.activeTaskTypes().stream().filter(t -> !s.indicators(t).isEmpty()
                            && s.indicators(t).stream().allMatch(i -> columns.containsKey(normalize(i.title())))).toList();
                    if (matching.size() != 1) {
                        errors.add(new ImportError(header.sheet(), header.number(), null, "ledger.import.taskTypeUnknown"));
                        continue;
                    }
                    type = matching.get(0);
                }
            }
            List<String> titles = fixedTitles(Locale.SIMPLIFIED_CHINESE);
            for (String key : REQUIRED) {
                if (column(columns, key) < 0) {
                    errors.add(ImportError.of(header, titles.get(COLUMNS.indexOf(key)), "import.headerMissing", titles.get(COLUMNS.indexOf(key))));
                }
            }
            Map<Indicator, Integer> indicatorColumns = new LinkedHashMap<>();
            for (Indicator i : type == null ? List.<Indicator>of() : s.indicators(type)) {
                Integer c = columns.get(normalize(i.title()));
                if (c != null) {
                    indicatorColumns.put(i, c);
                }
            }
            for (SheetRow row : sheetRows.subList(1, sheetRows.size())) {
                dataRows++;
                TaskType rowType = type;
                if (typeColumn != null) {
                    String named = row.cell(typeColumn);
                    rowType = s.activeTaskTypes().stream().filter(t -> t.shortName().equals(named) || t.name().equals(named)).findFirst().orElse(null);
                    if (rowType == null) {
                        errors.add(ImportError.of(row, header.cell(typeColumn), "ledger.import.taskTypeNamed", named));
                        continue;
                    }
                }
                Map<Indicator, Integer> rowIndicators = indicatorColumns;
                if (rowType != type || type == null) {
                    rowIndicators = new LinkedHashMap<>();
                    for (Indicator i : s.indicators(rowType)) {
                        Integer c = columns.get(normalize(i.title()));
                        if (c != null) {
                            rowIndicators.put(i, c);
                        }
                    }
                }
                rows.add(parseRow(scope, s, rowType, row, columns, rowIndicators, lookups, errors));
            }
        }
        return new Parsed(rows, errors, dataRows);
    }

    private ImportRow parseRow(DataScope scope, CampaignStructure s, TaskType type, SheetRow row, Map<String, Integer> columns,
                               Map<Indicator, Integer> indicatorColumns, Lookups lookups, List<ImportError> errors) {
        List<String> titles = fixedTitles(Locale.SIMPLIFIED_CHINESE);
        java.util.function.Function<String, String> get = key -> row.cell(column(columns, key));
        EntryForm f = new EntryForm();
        f.setCampaignId(s.campaign().id());
        f.setTaskTypeId(type.id());
        f.setTitle(get.apply("ledger.title"));
        f.setStartDate(date(row, get.apply("ledger.startDate"), titles.get(START), true, errors));
        f.setEndDate(date(row, get.apply("ledger.endDate"), titles.get(END), false, errors));
        String place = get.apply("ledger.region");
        if (place.isEmpty()) {
            errors.add(ImportError.of(row, titles.get(REGION), "validation.required"));
        } else {
            f.setRegionCode(lookups.place(row, titles.get(REGION), place, errors));
        }
        List<Long> memberIds = new ArrayList<>();
        String memberCell = get.apply("ledger.members");
        if (memberCell.isEmpty()) {
            errors.add(ImportError.of(row, titles.get(MEMBERS), "validation.required"));
        }
        for (String one : memberCell.split("[、,，;；]")) {
            if (!one.isBlank()) {
                Long id = lookups.member(one.trim());
                int named = lookups.membersNamed(one.trim());
                if (id == null && named > 1) {
                    errors.add(ImportError.of(row, titles.get(MEMBERS), "ledger.import.memberAmbiguous", one.trim(), named));
                } else if (id == null) {
                    errors.add(ImportError.of(row, titles.get(MEMBERS), "ledger.import.memberUnknown", one.trim()));
                } else {
                    memberIds.add(id);
                }
            }
        }
        f.setMemberIds(memberIds);
        String orgCell = get.apply("ledger.org");
        Org org = orgCell.isEmpty() ? lookups.ownOrg : lookups.org(orgCell);
        if (org == null) {
            errors.add(ImportError.of(row, titles.get(ORG), "member.import.orgUnknown", orgCell));
        } else {
            f.setOrgId(org.id());
        }
        f.setHouseholds(integer(row, get.apply("ledger.households"), titles.get(HOUSEHOLDS), errors));
        f.setPersons(integer(row, get.apply("ledger.persons"), titles.get(PERSONS), errors));
        f.setPartner(get.apply("ledger.partner"));
        f.setDescription(get.apply("ledger.description"));
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        indicatorColumns.forEach((ind, c) -> {
            String v = row.cell(c).replace(",", "").replace("，", "");
            if (!v.isEmpty()) {
                try {
                    values.put(ind.id(), new BigDecimal(v));
                } catch (NumberFormatException e) {
                    errors.add(ImportError.of(row, ind.title(), "ledger.import.number", v));
                }
            }
        });
        f.setValues(values);
        String key = "h:" + sha(s.campaign().id() + "|" + type.id() + "|" + f.getOrgId() + "|" + String.join("\u001f", row.cells()));
        return new ImportRow(row.sheet(), row.number(), f, key);
    }

    // ---------------------------------------------------------------- import

    /**
     * Checks every row with the entry rules and, if all pass, saves them in one transaction; rows
     * whose key the campaign already has are counted as ignored. Progress goes to the listener.
     */
    @Transactional
    public ImportOutcome importRows(DataScope scope, long campaignId, List<ImportRow> rows, boolean submit, Long jobId,
                                    IntConsumer progress) {
        return importRows(scope, campaignId, rows, List.of(), submit, jobId, EntrySource.IMPORT, progress);
    }

    /**
     * As above, adding the errors found while reading the file (so the user gets every error of
     * the file in one report), and naming where the entries were first recorded (for loaders).
     */
    @Transactional
    public ImportOutcome importRows(DataScope scope, long campaignId, List<ImportRow> rows, List<ImportError> readErrors,
                                    boolean submit, Long jobId, EntrySource source, IntConsumer progress) {
        requireImporter(scope);
        long started = System.nanoTime();
        Campaign campaign = campaigns.get(scope, campaignId);
        CampaignStructure s = campaigns.structure(campaignId);
        List<ImportError> errors = new ArrayList<>(readErrors);
        if (campaign.status() != CampaignStatus.ACTIVE) {
            errors.add(new ImportError("", 0, null, "ledger.campaign.notActive", campaign.name()));
            return new ImportOutcome(rows.size(), 0, 0, errors);
        }
        Lookups lookups = new Lookups(scope);
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        List<LedgerRepository.BatchEntry> batch = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        LocalDate today = periods.today();
        int n = 0;
        for (ImportRow row : rows) {
            List<String> titles = fixedTitles(Locale.SIMPLIFIED_CHINESE);
            EntryForm f = row.form();
            TaskType type = s.taskType(f.getTaskTypeId()).orElseThrow();
            InvalidInputException.Collector v = new InvalidInputException.Collector();
            EntryRules.fields(f, v);
            if (type.retired()) {
                v.add("taskTypeId", "ledger.taskType.retired", type.name());
            }
            EntryRules.dates(f, campaign, today, v);
            EntryRules.place(f.getRegionCode(), f.getRegionCode() == null ? null : lookups.region(f.getRegionCode()), v);
            Map<Long, BigDecimal> values = EntryRules.values(s, type, f.givenValues(), Map.of(), v);
            if (submit && f.givenValues().values().stream().noneMatch(x -> x.signum() > 0)) {
                v.add("values", "ledger.values.required");
            }
            Org org = f.getOrgId() == null ? null : lookups.orgById(f.getOrgId());
            Org unit = org == null ? null : lookups.unit(org);
            if (org != null && !lookups.takesPart(campaign, org)) {
                v.add("orgId", "campaign.notParticipant", campaign.name());
            }
            if (unit != null && f.getStartDate() != null && !scope.isLoader() && !lookups.open(campaign, unit, f.getStartDate())) {
                v.add("startDate", "ledger.period.locked", Period.containing(f.getStartDate(), campaign.periodType()).label(Locale.SIMPLIFIED_CHINESE),
                        Period.containing(f.getStartDate(), campaign.periodType()).id());
            }
            Integer first = firstRowOfKey.putIfAbsent(row.importKey(), row.row());
            if (first != null) {
                errors.add(new ImportError(row.sheet(), row.row(), null, "ledger.import.duplicateRow", first));
            }
            for (BusinessException e : v.isEmpty() ? List.<BusinessException>of() : violations(v)) {
                errors.add(new ImportError(row.sheet(), row.row(), columnOf(e.field(), titles, s), e.code(), e.args()));
            }
            if (unit != null) {
                batch.add(new LedgerRepository.BatchEntry(new LedgerRepository.NewEntry(campaignId, type.id(), org.id(), unit.id(), f,
                        submit ? EntryStatus.SUBMITTED : EntryStatus.DRAFT, source, scope.userId(),
                        LedgerService.workKey(f, values), row.importKey(), jobId), f.getMemberIds(), values));
                keys.add(row.importKey());
            }
            if (++n % 200 == 0) {
                progress.accept(n / 2);
            }
        }
        if (!errors.isEmpty()) {
            // one message per cell: a date that could not be read is not also "required"
            Set<String> cells = new java.util.HashSet<>();
            List<ImportError> distinct = errors.stream().filter(e -> e.column() == null || cells.add(e.sheet() + "|" + e.row() + "|" + e.column()))
                    .sorted(java.util.Comparator.comparing(ImportError::sheet).thenComparingInt(ImportError::row)).toList();
            return new ImportOutcome(rows.size(), 0, 0, distinct);
        }
        long checked = System.nanoTime();
        Set<String> existing = repository.existingImportKeys(campaignId, keys);
        List<LedgerRepository.BatchEntry> fresh = batch.stream().filter(b -> !existing.contains(b.entry().importKey())).toList();
        // the foreign keys' checks planned anew for every row were half of the saving's time
        List<Long> ids = repository.withGenericPlans(() -> {
            List<Long> saved = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i += 1000) {
                saved.addAll(repository.insertBatch(fresh.subList(i, Math.min(fresh.size(), i + 1000))));
                progress.accept(rows.size() / 2 + (i + 1000) / 2);
            }
            return saved;
        });
        long saved = System.nanoTime();
        if (jobId != null && !ids.isEmpty()) {
            // look-alikes are flagged once the import has committed, by a job of their own
            jobs.submit(LedgerFlagsJob.KIND, scope, Map.of("importJobId", jobId), null);
        } else {
            repository.recomputeFlags(ids);
        }
        long flagged = System.nanoTime();
        if (submit) {
            facts.moved(ids, EntryStatus.DRAFT, EntryStatus.SUBMITTED);
        }
        log.info("Import {}: {} rows checked in {} ms, {} saved in {} ms, flagged in {} ms, counted in {} ms", jobId, rows.size(),
                (checked - started) / 1_000_000, ids.size(), (saved - checked) / 1_000_000, (flagged - saved) / 1_000_000,
                (System.nanoTime() - flagged) / 1_000_000);
        audit.record(scope, "IMPORT", "ledger_import", jobId, campaign.name() + "：新导入 " + ids.size() + " 条，已导入过 " + existing.size() + " 条", null,
                Map.of("imported", ids.size(), "ignored", existing.size(), "submitted", submit));
        return new ImportOutcome(rows.size(), ids.size(), existing.size(), List.of());
    }

    private static List<BusinessException> violations(InvalidInputException.Collector c) {
        try {
            c.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    /** The column a rule's field stands in. */
    private static String columnOf(String field, List<String> titles, CampaignStructure s) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("values[")) {
            long id = Long.parseLong(field.substring(7, field.length() - 1));
            return s.indicator(id).map(Indicator::title).orElse(null);
        }
        return switch (field) {
            case "title" -> titles.get(TITLE);
            case "startDate" -> titles.get(START);
            case "endDate" -> titles.get(END);
            case "regionCode" -> titles.get(REGION);
            case "memberIds" -> titles.get(MEMBERS);
            case "orgId" -> titles.get(ORG);
            case "households" -> titles.get(HOUSEHOLDS);
            case "persons" -> titles.get(PERSONS);
            case "partner" -> titles.get(PARTNER);
            case "description" -> titles.get(DESCRIPTION);
            default -> null;
        };
    }

    void requireImporter(DataScope scope) {
        scope.require(Permission.LEDGER_RECORD);
        if (scope.ownRecordsOnly()) {
            throw new ForbiddenException();
        }
    }

    /** Everything a row is resolved against, loaded once per import rather than once per row. */
    private final class Lookups {
        private final DataScope scope;
        private final Map<Long, Org> orgsById = new HashMap<>();
        private final Map<String, List<Org>> orgsByName = new HashMap<>();
        private final Map<Long, String> memberNames;
        private final Map<String, List<Long>> membersByName = new HashMap<>();
        private final Map<String, Optional<Region>> regionCache = new HashMap<>();
        private final Map<Long, Org> units = new HashMap<>();
        private final Map<Long, Boolean> parts = new HashMap<>();
        private final Map<String, Boolean> openCache = new HashMap<>();
        private final Org ownOrg;
        private PlaceNames places;

        Lookups(DataScope scope) {
            this.scope = scope;
            orgs.inScope(scope).forEach(o -> {
                orgsById.put(o.id(), o);
                orgsByName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
            });
            memberNames = members.namesInScope(scope);
            memberNames.forEach((id, name) -> membersByName.computeIfAbsent(name, k -> new ArrayList<>()).add(id));
            ownOrg = scope.isSystem() ? null : orgsById.get(scope.orgId());
        }

        Long member(String cell) {
            String id = idPart(cell);
            Optional<Long> parsed = parseLong(id);
            if (parsed.isPresent() && memberNames.containsKey(parsed.get())) {
                return parsed.get();
            }
            List<Long> named = membersByName.getOrDefault(cell, List.of());
            return named.size() == 1 ? named.get(0) : null;
        }

        Org org(String cell) {
            Optional<Long> id = parseLong(idPart(cell));
            if (id.isPresent()) {
                return orgsById.get(id.get());
            }
            List<Org> named = orgsByName.getOrDefault(cell, List.of());
            return named.size() == 1 ? named.get(0) : null;
        }

        int membersNamed(String name) {
            return membersByName.getOrDefault(name, List.of()).size();
        }

        /**
         * The code of the place a cell names: the dropdown's "名称 [代码]", a code, or a name as
         * people write it (in the user's area); null with an error saying what was not understood.
         */
        String place(SheetRow row, String column, String cell, List<ImportError> errors) {
            String id = idPart(cell);
            if (id.matches("\\d{6,12}")) {
                return id;
            }
            if (places == null) {
                places = regions.placeNames(ownOrg == null ? null : ownOrg.regionCode());
            }
            PlaceNames.Match m = places.find(cell);
            if (m.found()) {
                return m.region().code();
            }
            if (m.candidates().isEmpty()) {
                errors.add(ImportError.of(row, column, "ledger.import.placeUnknown", cell.trim()));
            } else {
                errors.add(ImportError.of(row, column, "ledger.import.placeAmbiguous", cell.trim(), m.candidates().size(),
                        m.candidates().stream().limit(5).map(places::label).collect(Collectors.joining("、"))
                                + (m.candidates().size() > 5 ? "等" : "")));
            }
            return null;
        }

        Org orgById(long id) {
            return orgsById.get(id);
        }

        Org unit(Org org) {
            return units.computeIfAbsent(org.id(), k -> orgs.unitOf(org));
        }

        boolean takesPart(Campaign campaign, Org org) {
            return parts.computeIfAbsent(org.id(), k -> campaigns.takesPart(campaign, org));
        }

        Region region(String code) {
            return regionCache.computeIfAbsent(code, regions::find).orElse(null);
        }

        boolean open(Campaign campaign, Org unit, LocalDate date) {
            return openCache.computeIfAbsent(unit.id() + "|" + periods.periodOf(campaign, date).id(),
                    k -> periods.isOpen(campaign, unit.id(), date));
        }
    }

    // ---------------------------------------------------------------- cells

    private List<String> fixedTitles(Locale locale) {
        return COLUMNS.stream().map(k -> msg(k, locale) + (REQUIRED.contains(k) ? "*" : "")).toList();
    }

    /** Header titles (in either language, without the * of required ones) to column indexes. */
    private Map<String, Integer> columns(SheetRow header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            columns.putIfAbsent(normalize(header.cell(i)), i);
        }
        return columns;
    }

    private int column(Map<String, Integer> columns, String key) {
        Integer zh = columns.get(normalize(msg(key, Locale.SIMPLIFIED_CHINESE)));
        Integer en = columns.get(normalize(msg(key, Locale.ENGLISH)));
        return zh != null ? zh : en != null ? en : -1;
    }

    private static String normalize(String title) {
        return title.replace("*", "").replace("(", "（").replace(")", "）").replaceAll("\\s", "");
    }

    private static LocalDate date(SheetRow row, String text, String column, boolean required, List<ImportError> errors) {
        if (text.isEmpty()) {
            if (required) {
                errors.add(ImportError.of(row, column, "validation.required"));
            }
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text.trim(), f);
            } catch (java.time.format.DateTimeParseException ignored) {
                // try the next format
            }
        }
        errors.add(ImportError.of(row, column, "ledger.import.date", text));
        return null;
    }

    private static Integer integer(SheetRow row, String text, String column, List<ImportError> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int v = new BigDecimal(text.replace(",", "")).intValueExact();
            if (v < 0) {
                throw new ArithmeticException();
            }
            return v;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(ImportError.of(row, column, "ledger.import.count", text));
            return null;
        }
    }

    private static String idPart(String cell) {
        Matcher m = ID_CELL.matcher(cell);
        return m.matches() ? m.group(1) : cell.trim();
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
