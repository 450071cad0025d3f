package cn.zhutui.common;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * A Word document laid out as an official document (GB/T 9704-2012 党政机关公文格式): A4 with
 * the standard margins, the title in 小标宋 二号, headings in 黑体 and 楷体, the body in 仿宋_GB2312
 * 三号 at 22 lines a page, the issuing org and the date as sign-off (落款), page numbers "— 1 —"
 * outside on odd and even pages. Wide tables go into a landscape section of their own, with
 * their header repeated on every page, no row split across pages, and fixed column widths the
 * caller sizes so that no number breaks.
 *
 * <p>Fonts: the document names the fonts offices use and declares, in its font table, the ones
 * Word should use where they are missing (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体, 楷体_GB2312 → 楷体),
 * all of them serif except 黑体, so the page keeps its look on a machine without the government fonts.
 * Arabic figures are in Times New Roman.
 */
public final class OfficialDocument implements AutoCloseable {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String HEADING_FONT = "黑体";
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    public static final String NUMBER_FONT = "Times New Roman";
    public static final String PAGE_NUMBER_FONT = "宋体";

    /** Twips (1/20 pt) in a millimetre. */
    private static final double MM = 56.693;
    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;
    /** The body's 三号 (16 pt) at 22 lines on the 225 mm high type area. */
    private static final int BODY_PT = 16;
    private static final int BODY_LINE = 579;
    /** Tables in 五号 (10.5 pt). */
    public static final double TABLE_PT = 10.5;
    /** A table cell's left and right padding together (Word's default 0.19 cm each). */
    private static final int CELL_PADDING = 216;

    private final XWPFDocument doc = new XWPFDocument();
    private final CTSectPr portrait;

    public OfficialDocument() {
        declareFonts();
        doc.setEvenAndOddHeadings(true);
        // the footers attach to the document's last section; every section gets the same references
        pageNumbers(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumbers(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
        page(doc.getDocument().getBody().getSectPr(), false);
        portrait = CTSectPr.Factory.newInstance();
        page(portrait, false);
        copyFooters(portrait);
    }

    /** The title: 小标宋 二号, centred, one blank line below. */
    public void title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(BODY_LINE);
        lineSpacing(p, 700);
        run(p, text, TITLE_FONT, 22, false);
    }

    /** A line under the title (scope and period), 楷体 三号, centred. */
    public void subtitle(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(BODY_LINE / 2);
        lineSpacing(p, BODY_LINE);
        run(p, text, SUBHEADING_FONT, BODY_PT, false);
    }

    /** A first-level heading ("一、总体情况"): 黑体 三号, indented two characters like the body. */
    public void heading(String text) {
        XWPFParagraph p = body(text, HEADING_FONT);
        p.setKeepNext(true);
    }

    /** A paragraph of the body: 仿宋_GB2312 三号, first line indented two characters, justified. */
    public void paragraph(String text) {
        body(text, BODY_FONT);
    }

    /** A note in 仿宋 四号 (注：…). */
    public void note(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        lineSpacing(p, 400);
        run(p, text, BODY_FONT, 14, false);
    }

    /**
     * The issuer's mark (发文机关标志) at the head of a document an org sends out: its name in red
     * 小标宋, centred, as large as fits on one line of the type area (at most 26 pt), over a red rule.
     */
    public void issuerMark(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(BODY_LINE);
        // the type area is 156 mm wide; a character is as wide as its size (1 pt = 0.3528 mm)
        double pt = Math.max(16, Math.min(26, Math.floor(156 / (Math.max(1, text.length()) * 0.3528))));
        lineSpacing(p, (int) Math.round(pt * 20 * 1.6));
        run(p, text, TITLE_FONT, pt, false).setColor("E60012");
        var borders = (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewPBdr();
        var rule = borders.addNewBottom();
        rule.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
        rule.setSz(BigInteger.valueOf(18));
        rule.setSpace(BigInteger.valueOf(6));
        rule.setColor("E60012");
    }

    /** The recipients (主送机关): flush left under the title, 仿宋 三号, ending with a full-width colon. */
    public void recipients(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        lineSpacing(p, BODY_LINE);
        run(p, text.endsWith("：") ? text : text + "：", BODY_FONT, BODY_PT, false);
    }

    /** A numbered item of the body: its marker ("（一）") in 楷体, the text in 仿宋, the first line indented two characters. */
    public void item(String marker, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(2 * BODY_PT * 20);
        lineSpacing(p, BODY_LINE);
        run(p, marker, SUBHEADING_FONT, BODY_PT, false);
        run(p, text, BODY_FONT, BODY_PT, false);
    }

    /**
     * The sign-off: the issuing org over the date, right of centre, the date (in Arabic figures)
     * four characters from the right margin, two blank lines above.
     */
    public void signOff(String org, LocalDate date) {
        blankLine();
        blankLine();
        String day = date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        // the org is centred over the date
        int dateWidth = day.length() * BODY_PT * 20;
        int orgWidth = org.length() * BODY_PT * 20;
        XWPFParagraph o = doc.createParagraph();
        o.setAlignment(ParagraphAlignment.RIGHT);
        o.setIndentationRight(Math.max(0, 4 * BODY_PT * 20 + (dateWidth - orgWidth) / 2));
        lineSpacing(o, BODY_LINE);
        run(o, org, BODY_FONT, BODY_PT, false);
        XWPFParagraph d = doc.createParagraph();
        d.setAlignment(ParagraphAlignment.RIGHT);
        d.setIndentationRight(4 * BODY_PT * 20);
        lineSpacing(d, BODY_LINE);
        run(d, day, BODY_FONT, BODY_PT, false);
    }

    /** Ends the portrait part: what follows (the attached tables) is on landscape pages. */
    public void landscapeFromHere() {
        XWPFParagraph p = doc.createParagraph();
        p.getCTP().addNewPPr().setSectPr(portrait);
        page(doc.getDocument().getBody().getSectPr(), true);
    }

    /** "附表" and the table's title above an attached table. */
    public void attachmentTitle(String label, String title, String line) {
        XWPFParagraph a = doc.createParagraph();
        lineSpacing(a, BODY_LINE);
        run(a, label, HEADING_FONT, BODY_PT, false);
        XWPFParagraph t = doc.createParagraph();
        t.setAlignment(ParagraphAlignment.CENTER);
        lineSpacing(t, 560);
        run(t, title, TITLE_FONT, 18, false);
        if (line != null && !line.isEmpty()) {
            XWPFParagraph l = doc.createParagraph();
            l.setAlignment(ParagraphAlignment.CENTER);
            lineSpacing(l, 400);
            run(l, line, BODY_FONT, 12, false);
        }
    }

    /** A small heading between tables ("续表一 其中：…"). */
    public void tableCaption(String text) {
        XWPFParagraph p = doc.createParagraph();
        lineSpacing(p, 400);
        p.setKeepNext(true);
        p.setSpacingBefore(200);
        run(p, text, SUBHEADING_FONT, 12, false);
    }

    /** The width of landscape's type area, in twips, for sizing tables. */
    public static int landscapeWidth() {
        return A4_LONG - (int) Math.round((37 + 35) * MM);
    }

    /** How wide a column must be (twips) to hold a text on one line at the table's size. */
    public static int columnWidth(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // digits and separators of Times New Roman are half an em; a Chinese character is one
            w += c < 0x2e80 ? 0.56 : 1.0;
        }
        return (int) Math.ceil(w * TABLE_PT * 20) + CELL_PADDING + 60;
    }

    /** A column of a table: its header, width in twips, and whether it holds figures (right aligned, never wrapped). */
    public record Column(String title, int width, boolean figures) {
    }

    /**
     * A table with a repeated header row. In each row, a null in the first column continues the
     * cell above (merged down); rows never split across pages.
     *
     * @param bold rows (by index) written in bold, such as a total
     */
    public void table(List<Column> columns, List<List<String>> rows, java.util.Set<Integer> bold) {
        XWPFTable table = doc.createTable(rows.size() + 1, columns.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTblPr pr = table.getCTTbl().getTblPr();
        pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        int total = columns.stream().mapToInt(Column::width).sum();
        pr.getTblW().setType(STTblWidth.DXA);
        pr.getTblW().setW(BigInteger.valueOf(total));
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        columns.forEach(c -> grid.addNewGridCol().setW(BigInteger.valueOf(c.width())));

        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns.size(); c++) {
            cell(header.getCell(c), columns.get(c).title(), columns.get(c).width(), ParagraphAlignment.CENTER, true, HEADING_FONT);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            List<String> values = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                String v = values.get(c);
                XWPFTableCell cell = row.getCell(c);
                if (c == 0) {
                    boolean continues = v == null;
                    boolean startsRun = !continues && r + 1 < rows.size() && rows.get(r + 1).get(0) == null;
                    if (continues || startsRun) {
                        tcPr(cell).addNewVMerge().setVal(continues ? STMerge.CONTINUE : STMerge.RESTART);
                    }
                }
                cell(cell, v == null ? "" : v, col.width(), col.figures() ? ParagraphAlignment.RIGHT : c == 0 ? ParagraphAlignment.CENTER
                        : ParagraphAlignment.LEFT, bold.contains(r), BODY_FONT);
                if (col.figures()) {
                    tcPr(cell).addNewNoWrap();
                }
            }
        }
    }

    public void write(OutputStream out) throws IOException {
        doc.write(out);
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    private void blankLine() {
        XWPFParagraph p = doc.createParagraph();
        lineSpacing(p, BODY_LINE);
    }

    private XWPFParagraph body(String text, String font) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(2 * BODY_PT * 20);
        lineSpacing(p, BODY_LINE);
        run(p, text, font, BODY_PT, false);
        return p;
    }

    private static void cell(XWPFTableCell cell, String text, int width, ParagraphAlignment align, boolean bold, String font) {
        CTTcPr pr = tcPr(cell);
        (pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW()).setW(BigInteger.valueOf(width));
        pr.getTcW().setType(STTblWidth.DXA);
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        pr.addNewVAlign().setVal(STVerticalJc.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        p.setSpacingAfter(0);
        lineSpacing(p, 300);
        run(p, text, font, TABLE_PT, bold);
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }

    private static void lineSpacing(XWPFParagraph p, int twips) {
        var spacing = p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSpacing() ? p.getCTP().getPPr().getSpacing()
                : (p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr()).addNewSpacing();
        spacing.setLine(BigInteger.valueOf(twips));
        spacing.setLineRule(STLineSpacingRule.EXACT);
    }

    /** A run in a Chinese font (figures and Latin in Times New Roman), marked as Simplified Chinese. */
    private static XWPFRun run(XWPFParagraph p, String text, String font, double pt, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(pt);
        CTRPr pr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = pr.sizeOfRFontsArray() > 0 ? pr.getRFontsArray(0) : pr.addNewRFonts();
        fonts.setAscii(NUMBER_FONT);
        fonts.setHAnsi(NUMBER_FONT);
        fonts.setEastAsia(font);
        pr.addNewLang().setEastAsia("zh-CN");
        return run;
    }

    /** "— 1 —" in 宋体 四号, one character in from the outer edge. */
    private static void pageNumbers(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(side);
        if (side == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(14 * 20);
        } else {
            p.setIndentationLeft(14 * 20);
        }
        run(p, "— ", PAGE_NUMBER_FONT, 14, false);
        XWPFRun begin = run(p, "", PAGE_NUMBER_FONT, 14, false);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = run(p, "", PAGE_NUMBER_FONT, 14, false);
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun separate = run(p, "", PAGE_NUMBER_FONT, 14, false);
        separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", PAGE_NUMBER_FONT, 14, false);
        XWPFRun end = run(p, "", PAGE_NUMBER_FONT, 14, false);
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, 14, false);
    }

    private void copyFooters(CTSectPr into) {
        CTSectPr last = doc.getDocument().getBody().getSectPr();
        for (CTHdrFtrRef ref : last.getFooterReferenceList()) {
            into.addNewFooterReference().set(ref);
        }
    }

    /** A4, portrait or landscape, with GB/T 9704's margins (top 37 mm, bottom 35, left 28, right 26). */
    private static void page(CTSectPr section, boolean landscape) {
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        CTPageMar mar = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
            size.setW(BigInteger.valueOf(A4_LONG));
            size.setH(BigInteger.valueOf(A4_SHORT));
            // the portrait margins turned with the page: the binding edge stays on the same side of the sheet
            mar.setTop(twips(28));
            mar.setBottom(twips(26));
            mar.setLeft(twips(37));
            mar.setRight(twips(35));
        } else {
            size.setW(BigInteger.valueOf(A4_SHORT));
            size.setH(BigInteger.valueOf(A4_LONG));
            mar.setTop(twips(37));
            mar.setBottom(twips(35));
            mar.setLeft(twips(28));
            mar.setRight(twips(26));
        }
        mar.setHeader(twips(15));
        mar.setFooter(twips(18));
        mar.setGutter(BigInteger.ZERO);
    }

    private static BigInteger twips(double mm) {
        return BigInteger.valueOf(Math.round(mm * MM));
    }

    /**
     * The font table: each government font with the one Word takes where it is missing, its
     * family (serif = roman) and the Chinese character set.
     */
    private void declareFonts() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                %s%s%s%s%s%s
                </w:fonts>
                """.formatted(
                font(TITLE_FONT, "宋体", "02000000000000000000", "roman"),
                font(BODY_FONT, "仿宋", "02010609030101010101", "modern"),
                font(SUBHEADING_FONT, "楷体", "02010609030101010101", "modern"),
                font(HEADING_FONT, "SimHei", "02010609060101010101", "modern"),
                font(PAGE_NUMBER_FONT, "SimSun", "02010600030101010101", "auto"),
                "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/>"
                        + "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.strip().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("font table", e);
        }
    }

    private static String font(String name, String alt, String panose, String family) {
        return "<w:font w:name=\"" + name + "\"><w:altName w:val=\"" + alt + "\"/><w:panose1 w:val=\"" + panose + "\"/>"
                + "<w:charset w:val=\"86\"/><w:family w:val=\"" + family + "\"/><w:pitch w:val=\"fixed\"/></w:font>";
    }
}
