package cn.zhutui.member;

import static cn.zhutui.member.MemberRoster.*;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.Permission;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.SpreadsheetReader;
import cn.zhutui.common.Workbooks;
import cn.zhutui.dict.DictItem;
import cn.zhutui.dict.DictService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member roster in Excel: a template with dropdowns limited to the user's scope, an import
 * that checks every row and saves all or nothing, and an export of any filtered list.
 */
@Service
public class MemberRosterService {

    private static final Pattern ORG_CELL = Pattern.compile(".*\\[(\\d+)]\\s*$");
    private static final Pattern PHONE_FORMAT = Pattern.compile("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$");
    private static final int TEMPLATE_ROWS = 2000;

    private final MemberService members;
    private final OrgService orgs;
    private final DictService dict;
    private final AuditService audit;
    private final MessageSource messages;

    private final int maxRows;
    private final int maxExportRows;

    MemberRosterService(MemberService members, OrgService orgs, DictService dict, AuditService audit, MessageSource messages,
                        @org.springframework.beans.factory.annotation.Value("${zhutui.import.max-rows:50000}") int maxRows,
                        @org.springframework.beans.factory.annotation.Value("${zhutui.export.max-rows:200000}") int maxExportRows) {
        this.maxExportRows = maxExportRows;
        this.maxRows = maxRows;
        this.members = members;
        this.orgs = orgs;
        this.dict = dict;
        this.audit = audit;
        this.messages = messages;
    }

    public Workbook template(DataScope scope, Locale locale) {
        scope.require(Permission.MEMBER_EDIT);
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("member.roster.sheet", locale));
        Workbooks.header(sheet, 0, titles(locale), Workbooks.headerStyle(wb));
        Workbooks.dropdown(wb, sheet, GENDER, 1, TEMPLATE_ROWS, "gender", List.of(msg("member.gender.M", locale), msg("member.gender.F", locale)));
        dictDropdown(wb, sheet, ETHNICITY, "ethnicity", locale);
        dictDropdown(wb, sheet, SECTOR, "sector", locale);
        dictDropdown(wb, sheet, PARTY, "party", locale);
        dictDropdown(wb, sheet, TERM, "term", locale);
        dictDropdown(wb, sheet, POSITION, "position", locale);
        Workbooks.dropdown(wb, sheet, ORG, 1, TEMPLATE_ROWS, "orgs", orgs.inScope(scope).stream().map(o -> orgCell(o.name(), o.id())).toList());
        return wb;
    }

    public Workbook export(DataScope scope, MemberQuery q, Locale locale) {
        if (members.search(scope, q, cn.zhutui.common.PageRequest.of(1, 1)).total() > maxExportRows) {
            throw new BusinessException("export.tooMany", String.format("%,d", maxExportRows));
        }
        SXSSFWorkbook wb = Workbooks.streaming();
        Sheet sheet = wb.createSheet(msg("member.roster.sheet", locale));
        Workbooks.header(sheet, 0, titles(locale), Workbooks.headerStyle(wb));
        int[] n = {1};
        members.forEach(scope, q, item -> {
            Member m = item.member();
            Membership main = item.mainMembership();
            Row row = sheet.createRow(n[0]++);
            Workbooks.cells(row, java.util.Arrays.asList(m.name(), m.gender() == null ? null : msg("member.gender." + m.gender(), locale),
                    label("ethnicity", m.ethnicity(), locale), label("sector", m.sector(), locale), label("party", m.party(), locale),
                    m.employer(), m.post(), members.displayPhone(scope, m), String.join("、", m.expertise()), label("term", m.term(), locale),
                    main == null ? null : orgCell(main.orgName(), main.orgId()), main == null ? null : label("position", main.position(), locale),
                    String.join("、", item.memberships().stream().filter(ms -> ms != main).map(ms -> orgCell(ms.orgName(), ms.orgId())).toList())));
        });
        boolean unmasked = scope.can(cn.zhutui.common.Permission.PII_VIEW);
        audit.record(scope, "EXPORT", "member", null, "导出委员名册 " + (n[0] - 1) + " 人" + (unmasked ? "（手机号未遮盖）" : ""), null,
                Map.of("rows", n[0] - 1, "unmaskedPhones", unmasked));
        return wb;
    }

    /** Imports a roster: every row checked, nothing saved unless all rows are right. */
    @Transactional
    public MemberImportResult importRoster(DataScope scope, InputStream in, Locale locale) {
        scope.require(Permission.MEMBER_EDIT);
        List<SheetRow> rows = new ArrayList<>();
        try {
            SpreadsheetReader.read(in, row -> {
                if (!row.sheet().startsWith("_")) {
                    rows.add(row);
                }
            }, maxRows);
        } catch (BusinessException e) {
            return new MemberImportResult(0, List.of(new ImportError("", 0, null, e.code(), e.args())));
        } catch (IOException e) {
            return new MemberImportResult(0, List.of(new ImportError("", 0, null, "import.unreadable",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("import.reason.brokenXlsx"))));
        }
        List<ImportError> errors = new ArrayList<>();
        if (rows.size() <= 1) {
            return new MemberImportResult(0, List.of(new ImportError("", 0, null, rows.isEmpty() ? "import.empty" : "import.noRows")));
        }
        SheetRow header = rows.get(0);
        List<String> zh = titles(Locale.SIMPLIFIED_CHINESE);
        List<String> en = titles(Locale.ENGLISH);
        if (!header.cell(NAME).equals(zh.get(NAME)) && !header.cell(NAME).equals(en.get(NAME))) {
            return new MemberImportResult(0, List.of(ImportError.of(header, zh.get(NAME), "import.headerMissing", zh.get(NAME))));
        }
        List<String> columns = titles(locale);
        Map<Long, Org> scopeOrgs = new HashMap<>();
        Map<String, List<Org>> orgsByName = new HashMap<>();
        for (Org o : orgs.inScope(scope)) {
            scopeOrgs.put(o.id(), o);
            orgsByName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
        }
        Set<String> seen = new HashSet<>();
        List<MemberForm> forms = new ArrayList<>();
        for (SheetRow row : rows.subList(1, rows.size())) {
            int before = errors.size();
            MemberForm f = parse(row, columns, scopeOrgs, orgsByName, errors);
            if (errors.size() == before) {
                try {
                    members.validate(scope, f, null);
                } catch (BusinessException e) {
                    errors.add(ImportError.of(row, columnOf(e.field(), columns), e.code(), e.args()));
                }
            }
            if (errors.size() == before && f.getPhone() != null && !f.getPhone().isBlank()) {
                for (MembershipForm ms : f.chosenMemberships()) {
                    if (!seen.add(f.getName() + "|" + f.getPhone() + "|" + ms.getOrgId())) {
                        errors.add(ImportError.of(row, columns.get(NAME), "member.duplicateInFile", f.getName()));
                    }
                }
            }
            forms.add(f);
        }
        if (!errors.isEmpty()) {
            return new MemberImportResult(0, errors);
        }
        forms.forEach(f -> members.create(scope, f));
        audit.record(scope, "IMPORT", "member", null, "导入委员 " + forms.size() + " 人", null, null);
        return new MemberImportResult(forms.size(), List.of());
    }

    private MemberForm parse(SheetRow row, List<String> columns, Map<Long, Org> scopeOrgs, Map<String, List<Org>> byName,
                             List<ImportError> errors) {
        MemberForm f = new MemberForm();
        f.setName(row.cell(NAME));
        if (f.getName().isEmpty()) {
            errors.add(ImportError.of(row, columns.get(NAME), "validation.required"));
        } else if (f.getName().length() > 50) {
            errors.add(ImportError.of(row, columns.get(NAME), "validation.tooLong", 50));
        }
        String gender = row.cell(GENDER);
        if (!gender.isEmpty()) {
            f.setGender(switch (gender) {
                case "男", "M", "m", "Male", "male" -> "M";
                case "女", "F", "f", "Female", "female" -> "F";
                default -> {
                    errors.add(ImportError.of(row, columns.get(GENDER), "dict.invalid", gender));
                    yield null;
                }
            });
        }
        f.setEthnicity(dictCode(row, ETHNICITY, "ethnicity", columns, errors));
        f.setSector(dictCode(row, SECTOR, "sector", columns, errors));
        f.setParty(dictCode(row, PARTY, "party", columns, errors));
        f.setTerm(dictCode(row, TERM, "term", columns, errors));
        f.setEmployer(row.cell(EMPLOYER));
        f.setPost(row.cell(POST));
        String phone = row.cell(PHONE);
        if (!phone.isEmpty() && !PHONE_FORMAT.matcher(phone).matches()) {
            errors.add(ImportError.of(row, columns.get(PHONE), "member.phone.invalid"));
        }
        f.setPhone(phone);
        f.setExpertise(row.cell(EXPERTISE));
        List<MembershipForm> ms = new ArrayList<>();
        Org main = resolveOrg(row.cell(ORG), scopeOrgs, byName);
        if (row.cell(ORG).isEmpty()) {
            errors.add(ImportError.of(row, columns.get(ORG), "validation.required"));
        } else if (main == null) {
            errors.add(ImportError.of(row, columns.get(ORG), "member.import.orgUnknown", row.cell(ORG)));
        }
        String position = dictCode(row, POSITION, "position", columns, errors);
        if (row.cell(POSITION).isEmpty()) {
            errors.add(ImportError.of(row, columns.get(POSITION), "validation.required"));
        }
        if (main != null) {
            ms.add(new MembershipForm(main.id(), position));
        }
        for (String other : row.cell(OTHER_ORGS).split("[、,，;；]")) {
            if (other.isBlank()) {
                continue;
            }
            Org o = resolveOrg(other.trim(), scopeOrgs, byName);
            if (o == null) {
                errors.add(ImportError.of(row, columns.get(OTHER_ORGS), "member.import.orgUnknown", other.trim()));
            } else {
                ms.add(new MembershipForm(o.id(), "MEMBER"));
            }
        }
        f.setMemberships(ms);
        return f;
    }

    /** "name [id]" as the template writes it, a bare id, or a name unique in the user's scope. */
    private static Org resolveOrg(String cell, Map<Long, Org> scopeOrgs, Map<String, List<Org>> byName) {
        if (cell.isEmpty()) {
            return null;
        }
        Matcher m = ORG_CELL.matcher(cell);
        if (m.matches()) {
            return scopeOrgs.get(Long.valueOf(m.group(1)));
        }
        if (cell.matches("\\d+")) {
            return scopeOrgs.get(Long.valueOf(cell));
        }
        List<Org> named = byName.getOrDefault(cell, List.of());
        return named.size() == 1 ? named.get(0) : null;
    }

    private String dictCode(SheetRow row, int column, String type, List<String> columns, List<ImportError> errors) {
        String cell = row.cell(column);
        if (cell.isEmpty()) {
            return null;
        }
        return dict.codeOf(type, cell).orElseGet(() -> {
            errors.add(ImportError.of(row, columns.get(column), "dict.invalid", cell));
            return null;
        });
    }

    private static String columnOf(String field, List<String> columns) {
        if (field == null) {
            return null;
        }
        return switch (field.replaceAll("\\[.*", "")) {
            case "name" -> columns.get(NAME);
            case "phone" -> columns.get(PHONE);
            case "memberships" -> columns.get(ORG);
            case "ethnicity" -> columns.get(ETHNICITY);
            case "sector" -> columns.get(SECTOR);
            case "party" -> columns.get(PARTY);
            case "term" -> columns.get(TERM);
            default -> field;
        };
    }

    private void dictDropdown(Workbook wb, Sheet sheet, int column, String type, Locale locale) {
        Workbooks.dropdown(wb, sheet, column, 1, TEMPLATE_ROWS, type, dict.items(type).stream().map(i -> i.label(locale)).toList());
    }

    private String label(String type, String code, Locale locale) {
        return code == null ? null : dict.find(type, code).map((DictItem i) -> i.label(locale)).orElse(code);
    }

    private List<String> titles(Locale locale) {
        return TITLES.stream().map(k -> msg(k, locale) + (REQUIRED.contains(TITLES.indexOf(k)) ? "*" : "")).toList();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
