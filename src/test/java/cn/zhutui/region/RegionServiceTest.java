package cn.zhutui.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.ImportError;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegionServiceTest {

    @Autowired
    RegionService regions;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    final DataScope system = DataScope.system();

    @Test
    void demoLoadsTheWholeYunnanTableWithPaths() {
        // other tests add villages in the reserved range 5301280019xx
        assertThat(jdbc.sql("SELECT count(*) FROM region WHERE path LIKE '/53/%' AND code NOT LIKE '5301280019%'")
                .query(Long.class).single()).isEqualTo(16495);
        assertThat(regions.atLevel(RegionLevel.COUNTY, "53")).hasSize(129);
        assertThat(regions.atLevel(RegionLevel.VILLAGE, "53")).filteredOn(r -> !r.code().startsWith("5301280019")).hasSize(14888);
        Region village = regions.get("530128001001");
        assertThat(village.path()).isEqualTo("/53/5301/530128/530128001/530128001001/");
        assertThat(regions.lineage(village)).extracting(Region::name)
                .containsExactly("云南省", "昆明市", "禄劝彝族苗族自治县", "屏山街道", "北街社区居民委员会");
    }

    @Test
    void reimportingTheSameTableChangesNothing() {
        regions.importTable(system, "t.csv", utf8("code,name,level,parent_code\n530128001,屏山街道,township,530128\n"), false);
        RegionImportResult again = regions.importBundled(system, "yunnan");
        assertThat(again.ok()).isTrue();
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(16495);
    }

    @Test
    void importAddsNewCodesUpdatesNamesAndNeverDeletes() throws IOException {
        long before = regions.count();
        String csv = """
                code,name,level,parent_code
                530128001,屏山街道（新名）,township,530128
                530128001901,测试新村,village,530128001
                """;
        RegionImportResult result = regions.importTable(system, "t.csv", utf8(csv), false);
        assertThat(result.errors()).isEmpty();
        assertThat(result.added()).isEqualTo(1);
        assertThat(result.updated()).isEqualTo(1);
        assertThat(regions.get("530128001").name()).isEqualTo("屏山街道（新名）");
        assertThat(regions.get("530128001901").path()).isEqualTo("/53/5301/530128/530128001/530128001901/");
        // the file lists two codes only; the other 16,495 stay
        assertThat(regions.count()).isEqualTo(before + 1);
        regions.importTable(system, "t.csv", utf8("code,name,level,parent_code\n530128001,屏山街道,township,530128\n"), false);
        assertThat(regions.get("530128001").name()).isEqualTo("屏山街道");
    }

    @Test
    void aBadFileIsRejectedWholeWithRowsAndReasons() {
        long before = regions.count();
        String csv = """
                code,name,level,parent_code
                530128001902,好村,village,530128001
                5301280019,长度不对,village,530128001
                530128001903,,village,530128001
                530128001904,无上级,village,530999001
                530128001905,级别错,hamlet,530128001
                530128001902,重复,village,530128001
                """;
        RegionImportResult result = regions.importTable(system, "bad.csv", utf8(csv), false);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).extracting(ImportError::row).containsExactly(3, 4, 5, 6, 7);
        assertThat(result.errors()).extracting(ImportError::code).containsExactly("region.import.codeLength",
                "region.import.name", "region.import.parentPrefix", "region.import.level", "region.import.duplicate");
        assertThat(regions.find("530128001902")).isEmpty();
        assertThat(regions.count()).isEqualTo(before);
    }

    @Test
    void aParentUnknownToFileAndDatabaseIsAnError() {
        RegionImportResult result = regions.importTable(system, "x.csv",
                utf8("code,name,level,parent_code\n530128777001,孤村,village,530128777\n"), false);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("parent_code");
            assertThat(e.code()).isEqualTo("region.import.parentUnknown");
        });
    }

    @Test
    void dryRunReportsWithoutWriting() {
        RegionImportResult result = regions.importTable(system, "d.csv",
                utf8("code,name,level,parent_code\n530128001906,试运行村,village,530128001\n"), true);
        assertThat(result.ok()).isTrue();
        assertThat(result.added()).isEqualTo(1);
        assertThat(regions.find("530128001906")).isEmpty();
    }

    @Test
    void readsExcelAndGbkCsvAndChineseHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("区划");
            Row h = sheet.createRow(0);
            String[] header = {"代码", "名称", "级别", "上级代码"};
            for (int i = 0; i < 4; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(530128001907d); // a numeric cell, as Excel stores typed codes
            r.createCell(1).setCellValue("表格村");
            r.createCell(2).setCellValue("village");
            r.createCell(3).setCellValue("530128001");
            wb.write(out);
        }
        assertThat(regions.importTable(system, "x.xlsx", new ByteArrayInputStream(out.toByteArray()), false).errors()).isEmpty();
        assertThat(regions.get("530128001907").name()).isEqualTo("表格村");

        byte[] gbk = "code,name,level,parent_code\n530128001908,国标村,village,530128001\n".getBytes(Charset.forName("GBK"));
        assertThat(regions.importTable(system, "gbk.csv", new ByteArrayInputStream(gbk), false).errors()).isEmpty();
        assertThat(regions.get("530128001908").name()).isEqualTo("国标村");
    }

    @Test
    void sichuanTableImportsAndReimportsIdempotently() {
        RegionImportResult first = regions.importBundled(system, "sichuan");
        assertThat(first.errors()).isEmpty();
        assertThat(first.added() + first.unchanged()).isEqualTo(37728);
        assertThat(regions.atLevel(RegionLevel.COUNTY, "51")).hasSize(183);
        RegionImportResult second = regions.importBundled(system, "sichuan");
        assertThat(second.added()).isZero();
        assertThat(second.unchanged()).isEqualTo(37728);
    }

    @Test
    void onlyAnAdminImportsOrTags() {
        DataScope staff = scopes.of("luquan.staff");
        assertThatThrownBy(() -> regions.importTable(staff, "x.csv", utf8("code,name,level,parent_code\n"), false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> regions.addTag(staff, "530128", "NATIONAL_KEY")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void tagsComeFromTheDictionary() {
        regions.addTag(system, "530129", "RELOCATION");
        assertThat(regions.tags("530129")).contains("RELOCATION");
        assertThat(regions.withTag("NATIONAL_KEY")).extracting(Region::code).contains("530128");
        assertThatThrownBy(() -> regions.addTag(system, "530129", "NO_SUCH_TAG"))
                .isInstanceOf(cn.zhutui.common.BusinessException.class);
        regions.removeTag(system, "530129", "RELOCATION");
        assertThat(regions.tags("530129")).doesNotContain("RELOCATION");
    }

    @Test
    void searchFindsByNameOrCodePrefix() {
        assertThat(regions.search("屏山", null, 10)).extracting(Region::code).contains("530128001");
        assertThat(regions.search("530128", null, 5)).first().extracting(Region::code).isEqualTo("530128");
    }

    private static InputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void levelWordsOfTheNationalTablesAndPaddedCodesAreRead() {
        String csv = """
                code,name,level,parent_code
                530100000000,昆明市,市,530000000000
                530128000000,禄劝彝族苗族自治县,县,530100000000
                530102000000,五华区,区,530100000000
                530181000000,安宁市,市,530100000000
                530128001000,屏山街道,街道,530128000000
                530128001001,北街社区居民委员会,社区,530128001000
                """;
        RegionImportResult result = regions.importTable(system, "national.csv", utf8(csv), true);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.unchanged()).as("the padded codes are the shipped ones").isEqualTo(6);
        // a level that contradicts the code is caught; 旗 is a county-level word
        RegionImportResult bad = regions.importTable(system, "bad.csv", utf8("code,name,level,parent_code\n530128,禄劝,乡,5301\n532301,某旗,旗,5323\n"), true);
        assertThat(bad.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.code()).isEqualTo("region.import.levelMismatch");
        });
    }

    @Test
    void errorsAreCappedAtFiveHundredWithTheTotalAndACompressedTableIsRead() throws IOException {
        StringBuilder csv = new StringBuilder("code,name,level,parent_code\n");
        for (int i = 0; i < 800; i++) {
            csv.append(String.format("99%04d,无主县%d,county,9901%n", i, i));
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        RegionImportResult result = regions.importTable(system, "orphans.csv.gz", new ByteArrayInputStream(gz.toByteArray()), true);
        assertThat(result.errors()).hasSize(500);
        assertThat(result.totalErrors()).isEqualTo(800);
        RegionImportResult header = regions.importTable(system, "h.csv", utf8("code,name,level,parent_code\n"), true);
        assertThat(header.errors()).extracting(cn.zhutui.common.ImportError::code).containsExactly("import.noRows");
    }
}
