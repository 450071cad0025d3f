package cn.zhutui.consult;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.stereotype.Component;

/**
 * The outcome report as a Word document in the layout of GB/T 9704 (党政机关公文格式): A4, margins
 * 37/35/28/26 mm, 22 lines of 28 characters; the issuer's red header over a red rule; the title in
 * 小标宋 二号; the body in 仿宋_GB2312 三号 with headings in 黑体 and items in 楷体; the sign-off with
 * the issuer and the date two characters from the right; page numbers "— 1 —" in 宋体 四号, odd
 * pages right, even pages left. Chinese fonts are named as 公文 expects, with fallbacks in the
 * document's font table for machines that lack them.
 */
@Component
class OutcomeReportWord {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String ITEM_FONT = "楷体_GB2312";
    static final String NUMBER_FONT = "宋体";
    static final String LATIN_FONT = "Times New Roman";

    /** One line of the grid: 28.95 pt (22 lines on the type area). */
    private static final double LINE = 28.95;
    /** One character of body text (三号, 16 pt) in twentieths of a point. */
    private static final int CHAR = 320;

    void write(OutcomeReport r, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            fontTable(doc);
            page(doc);
            footers(doc);

            XWPFParagraph header = paragraph(doc, ParagraphAlignment.CENTER);
            header.setSpacingBetween(1.0, LineSpacingRule.AUTO);
            run(header, r.header(), TITLE_FONT, headerSize(r.header()), false).setColor("E60012");
            redRule(header);
            blank(doc);

            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER);
            title.setSpacingBetween(35, LineSpacingRule.EXACT);
            run(title, r.title(), TITLE_FONT, 22, false);
            blank(doc);

            XWPFParagraph to = paragraph(doc, ParagraphAlignment.LEFT);
            run(to, r.recipients(), BODY_FONT, 16, false);

            body(doc, r.opening());
            for (OutcomeReport.Section s : r.sections()) {
                XWPFParagraph h = paragraph(doc, ParagraphAlignment.BOTH);
                h.setIndentationFirstLine(2 * CHAR);
                run(h, s.heading(), HEADING_FONT, 16, false);
                for (String text : s.paragraphs()) {
                    if (text.startsWith("（") && text.indexOf('）') > 0 && text.indexOf('）') < 5) {
                        XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
                        p.setIndentationFirstLine(2 * CHAR);
                        int end = text.indexOf('）') + 1;
                        run(p, text.substring(0, end), ITEM_FONT, 16, false);
                        run(p, text.substring(end), BODY_FONT, 16, false);
                    } else {
                        body(doc, text);
                    }
                }
            }
            blank(doc);
            blank(doc);
            XWPFParagraph issuer = paragraph(doc, ParagraphAlignment.RIGHT);
            issuer.setIndentationRight(2 * CHAR);
            run(issuer, r.issuer(), BODY_FONT, 16, false);
            XWPFParagraph date = paragraph(doc, ParagraphAlignment.RIGHT);
            date.setIndentationRight(2 * CHAR);
            run(date, r.date(), BODY_FONT, 16, false);
            doc.write(out);
        }
    }

    /**
     * The issuer's header at most 26 pt, smaller for a long name so it stays on one line of the
     * type area (156 mm wide; a character is as wide as its size, 1 pt = 0.3528 mm).
     */
    static int headerSize(String header) {
        return (int) Math.max(16, Math.min(26, Math.floor(156 / (header.length() * 0.3528))));
    }

    private static void page(XWPFDocument doc) {
        var body = doc.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setOrient(STPageOrientation.PORTRAIT);
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margin = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margin.setTop(BigInteger.valueOf(mm(37)));
        margin.setBottom(BigInteger.valueOf(mm(35)));
        margin.setLeft(BigInteger.valueOf(mm(28)));
        margin.setRight(BigInteger.valueOf(mm(26)));
        margin.setHeader(BigInteger.valueOf(mm(15)));
        margin.setFooter(BigInteger.valueOf(mm(20)));
        CTDocGrid grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(Math.round(LINE * 20)));
    }

    /** "— 1 —" at the foot, odd pages to the right and even pages to the left, one character in. */
    private static void footers(XWPFDocument doc) {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void pageNumber(XWPFFooter footer, ParagraphAlignment align) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(align);
        if (align == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(CHAR);
        } else {
            p.setIndentationLeft(CHAR);
        }
        run(p, "— ", NUMBER_FONT, 14, false);
        XWPFRun begin = run(p, "", NUMBER_FONT, 14, false);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun code = run(p, "", NUMBER_FONT, 14, false);
        code.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun separate = run(p, "", NUMBER_FONT, 14, false);
        separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", NUMBER_FONT, 14, false);
        XWPFRun end = run(p, "", NUMBER_FONT, 14, false);
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", NUMBER_FONT, 14, false);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(2 * CHAR);
        run(p, text, BODY_FONT, 16, false);
    }

    private static void blank(XWPFDocument doc) {
        run(paragraph(doc, ParagraphAlignment.LEFT), "", BODY_FONT, 16, false);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(LINE, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        return run;
    }

    /** The red rule under the issuer's header. */
    private static void redRule(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder bottom = borders.addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(18));
        bottom.setSpace(BigInteger.valueOf(6));
        bottom.setColor("E60012");
    }

    /**
     * Names the 公文 fonts with the fonts to use where they are missing (仿宋_GB2312 → 仿宋, 小标宋 →
     * 宋体, 楷体_GB2312 → 楷体), and their character set, so Word and WPS pick a close substitute.
     */
    private static void fontTable(XWPFDocument doc) throws IOException {
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
        try {
            if (!doc.getPackagePart().getRelationshipsByType(rel).isEmpty()) {
                return;
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
                  <w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>
                  <w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
                  <w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
                  <w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
                  <w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
                </w:fonts>""";
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage().createPart(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            try (OutputStream os = part.getOutputStream()) {
                os.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, rel);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static int mm(double mm) {
        return (int) Math.round(mm / 25.4 * 1440);
    }
}
