package cn.zhutui.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.PageRequest;
import cn.zhutui.demo.DemoAccounts;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MemberRosterServiceTest {

    @Autowired
    MemberRosterService roster;
    @Autowired
    MemberService members;
    @Autowired
    OrgService orgs;
    @Autowired
    Scopes scopes;

    final Locale zh = Locale.SIMPLIFIED_CHINESE;

    Org luquan() {
        return orgs.committeeOfRegion(DemoAccounts.LUQUAN).orElseThrow();
    }

    @Test
    void theTemplateHasChineseHeadersAndDropdownsOfTheUsersScope() throws IOException {
        XSSFWorkbook wb = reopen(roster.template(scopes.of("luquan.staff"), zh));
        Sheet sheet = wb.getSheet("委员名册");
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名*");
        assertThat(sheet.getRow(0).getCell(MemberRoster.ORG).getStringCellValue()).isEqualTo("所属组织*");
        List<? extends DataValidation> validations = sheet.getDataValidations();
        assertThat(validations).hasSizeGreaterThanOrEqualTo(7);
        List<String> listed = new java.util.ArrayList<>();
        for (Sheet lists : wb) {
            if (lists.getSheetName().startsWith("_")) {
                assertThat(wb.isSheetHidden(wb.getSheetIndex(lists))).isTrue();
                lists.forEach(r -> r.forEach(c -> listed.add(c.getStringCellValue())));
            }
        }
        assertThat(listed).contains("禄劝彝族苗族自治县政协 [" + luquan().id() + "]", "彝族", "农业界", "委员");
        assertThat(listed).noneMatch(s -> s.startsWith("武定县政协"));
    }

    @Test
    void aCleanFileImportsAllRows() throws IOException {
        DataScope staff = scopes.of("luquan.staff");
        XSSFWorkbook wb = reopen(roster.template(staff, zh));
        Sheet sheet = wb.getSheet("委员名册");
        row(sheet, 1, "导入甲", "男", "彝族", "农业界", "中共党员", "禄劝示范合作社", "理事长", "19922220001", "特色种植", "十三届", "禄劝彝族苗族自治县政协 [" + luquan().id() + "]", "委员", "");
        row(sheet, 2, "导入乙", "女", "汉族", "医药卫生界", "群众", "禄劝县人民医院", "主任医师", "19922220002", "医疗卫生", "十三届", String.valueOf(luquan().id()), "常委", "乡村振兴委员工作室");
        MemberImportResult result = roster.importRoster(staff, bytes(wb), zh);
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isEqualTo(2);
        var found = members.search(staff, new MemberQuery(null, true, null, null, "导入乙", true), PageRequest.of(1, 5)).items();
        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.member().sector()).isEqualTo("HEALTH");
            assertThat(i.member().gender()).isEqualTo("F");
            assertThat(i.memberships()).extracting(Membership::orgName).containsExactly("禄劝彝族苗族自治县政协", "乡村振兴委员工作室");
            assertThat(i.mainMembership().position()).isEqualTo("STANDING");
        });
    }

    @Test
    void aFileWithBadRowsSavesNothingAndSaysWhereAndWhy() throws IOException {
        DataScope staff = scopes.of("luquan.staff");
        long before = members.count(staff);
        XSSFWorkbook wb = reopen(roster.template(staff, zh));
        Sheet sheet = wb.getSheet("委员名册");
        String org = "禄劝彝族苗族自治县政协 [" + luquan().id() + "]";
        String wuding = String.valueOf(orgs.committeeOfRegion(DemoAccounts.WUDING).orElseThrow().id());
        row(sheet, 1, "好行", "男", "汉族", "农业界", "", "", "", "19922220011", "", "", org, "委员", "");
        row(sheet, 2, "", "男", "汉族", "农业界", "", "", "", "19922220012", "", "", org, "委员", "");
        row(sheet, 3, "界别错", "男", "汉族", "不存在的界", "", "", "", "19922220013", "", "", org, "委员", "");
        row(sheet, 4, "手机错", "男", "汉族", "农业界", "", "", "", "12345", "", "", org, "委员", "");
        row(sheet, 5, "越权", "男", "汉族", "农业界", "", "", "", "19922220015", "", "", wuding, "委员", "");
        row(sheet, 6, "好行", "男", "汉族", "农业界", "", "", "", "19922220011", "", "", org, "委员", "");
        MemberImportResult result = roster.importRoster(staff, bytes(wb), zh);
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).extracting(ImportError::row, ImportError::column, ImportError::code).containsExactly(
                tuple(3, "姓名", "validation.required"),
                tuple(4, "界别", "dict.invalid"),
                tuple(5, "手机号码", "member.phone.invalid"),
                tuple(6, "所属组织", "member.import.orgUnknown"),
                tuple(7, "姓名", "member.duplicateInFile"));
        assertThat(members.count(staff)).isEqualTo(before);
        assertThat(members.search(staff, new MemberQuery(null, true, null, null, "好行", true), PageRequest.of(1, 5)).items()).isEmpty();
    }

    @Test
    void namesakesWithoutPhonesAreNotDuplicates() throws IOException {
        DataScope staff = scopes.of("luquan.staff");
        XSSFWorkbook wb = reopen(roster.template(staff, zh));
        String org = "禄劝彝族苗族自治县政协 [" + luquan().id() + "]";
        row(wb.getSheet("委员名册"), 1, "同名无手机", "男", "", "", "", "", "", "", "", "", org, "委员", "");
        row(wb.getSheet("委员名册"), 2, "同名无手机", "女", "", "", "", "", "", "", "", "", org, "委员", "");
        assertThat(roster.importRoster(staff, bytes(wb), zh).errors()).isEmpty();
    }

    @Test
    void aDuplicateOfAnExistingMemberIsCaught() throws IOException {
        DataScope staff = scopes.of("luquan.staff");
        Member existing = members.search(staff, new MemberQuery(luquan().id(), false, null, null, null, true), PageRequest.of(1, 1))
                .items().get(0).member();
        XSSFWorkbook wb = reopen(roster.template(staff, zh));
        row(wb.getSheet("委员名册"), 1, existing.name(), "男", "", "", "", "", "", existing.phone(), "", "",
                "禄劝彝族苗族自治县政协 [" + luquan().id() + "]", "委员", "");
        MemberImportResult result = roster.importRoster(staff, bytes(wb), zh);
        assertThat(result.errors()).singleElement().extracting(ImportError::code).isEqualTo("member.duplicate");
    }

    @Test
    void theExportListsTheFilteredMembersWithMaskedPhonesForReviewers() throws IOException {
        DataScope reviewer = scopes.of("luquan.reviewer");
        XSSFWorkbook wb = reopen(roster.export(reviewer, new MemberQuery(luquan().id(), true, null, null, null, true), zh));
        Sheet sheet = wb.getSheet("委员名册");
        long expected = members.search(reviewer, new MemberQuery(luquan().id(), true, null, null, null, true), PageRequest.of(1, 1)).total();
        assertThat(sheet.getLastRowNum()).isEqualTo((int) expected);
        assertThat(sheet.getRow(1).getCell(MemberRoster.PHONE).getStringCellValue()).contains("****");
        assertThat(sheet.getRow(1).getCell(MemberRoster.ORG).getStringCellValue()).contains("[");
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static XSSFWorkbook reopen(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static ByteArrayInputStream bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return new ByteArrayInputStream(out.toByteArray());
    }
}
