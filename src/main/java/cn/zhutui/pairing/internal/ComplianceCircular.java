package cn.zhutui.pairing.internal;

import cn.zhutui.pairing.Compliance;
import cn.zhutui.pairing.ComplianceRow;
import cn.zhutui.pairing.FigureRow;
import cn.zhutui.pairing.PairingCompliance;
import cn.zhutui.pairing.PairingFigures;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.springframework.stereotype.Component;

/**
 * The quarterly circular (通报) of 三联三促 (seeds/003: "每季度进行一次通报，表扬先进、鞭策后进") as a
 * GB/T 9704 公文: the issuing org in red over a red rule, the title in 小标宋, the body in 仿宋 at
 * 三号 with its figures in sentences, the units praised and those behind, the members with
 * pairings not visited, the sign-off with the org and the date, page numbers "— 1 —". The print
 * page says the same (see {@link #text}).
 */
@Component
public class ComplianceCircular {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";

    /** The circular's text, paragraph by paragraph: the title, the addressees, the body, the sign-off. */
    public record Text(String issuer, String title, String to, List<String> body, String signOff, String date) {
    }

    public Text text(Compliance c, PairingFigures f, LocalDate date) {
        String quarter = c.quarter().label(Locale.SIMPLIFIED_CHINESE);
        FigureRow t = f.total();
        ComplianceRow total = c.total();
        List<String> body = new ArrayList<>();
        body.add("为推动“三联三促”活动走深走实，按照“五个一”“四个有”“七个优”的要求和考核细则，现将" + quarter + c.orgName()
                + "结对帮扶履职情况通报如下。");
        body.add("一、总体情况");
        body.add(quarter + "，共有各类结对" + total.pairings() + "个，联系农户" + t.households() + "户；开展走访" + t.visits() + "次，发现问题"
                + t.problemsFound() + "个，帮助解决具体困难" + t.problemsSolved() + "个，协调资金" + plain(t.funds()) + "万元、项目" + t.projects()
                + "个。");
        String rate = total.expected() == 0 ? "—" : BigDecimal.valueOf(total.visited() * 100).divide(BigDecimal.valueOf(total.expected()), 1,
                RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
        body.add("按照每季度至少入户走访1次的要求，本季度应走访的结对" + total.expected() + "个，已走访" + total.visited() + "个，走访率" + rate
                + "；尚有" + total.notVisited() + "个结对未走访，职责清单中仍有" + total.openItems() + "项未完成；“四个有”较上季度回落的农户"
                + total.regressed() + "户。");
        List<ComplianceRow> good = c.units().stream().filter(u -> u.expected() > 0 && u.notVisited() == 0).toList();
        List<ComplianceRow> behind = c.units().stream().filter(u -> u.notVisited() > 0).toList();
        body.add("二、表扬先进");
        body.add(good.isEmpty() ? "本季度暂无全部按时走访的单位。"
                : String.join("、", good.stream().map(ComplianceRow::orgName).toList()) + "的结对本季度全部按时走访，予以通报表扬。");
        body.add("三、鞭策后进");
        body.add(behind.isEmpty() ? "本季度各单位结对均已走访。"
                : String.join("、", behind.stream().map(u -> u.orgName() + "（未走访" + u.notVisited() + "个）").toList()) + "仍有结对未走访，请抓紧落实。");
        Map<String, Integer> members = new LinkedHashMap<>();
        for (PairingCompliance pc : c.behind()) {
            if (pc.notVisited() && pc.row().helperName() != null) {
                members.merge(pc.row().helperName(), 1, Integer::sum);
            }
        }
        if (!members.isEmpty()) {
            List<String> names = members.entrySet().stream().limit(60).map(e -> e.getKey() + (e.getValue() > 1 ? "（" + e.getValue() + "户）" : "")).toList();
            body.add("本季度未入户走访的委员（干部）：" + String.join("、", names) + (members.size() > 60 ? "等" + members.size() + "人" : "") + "。");
        }
        body.add("四、下步要求");
        body.add("各单位要对照“五个一”职责清单逐项补齐短板，未走访的结对须在下季度第一个月内完成入户，并如实记录走访情况和佐证材料；"
                + "“四个有”出现回落的农户，结对委员要及时协调解决，防止返贫。");
        return new Text(c.orgName(), "关于" + quarter + "“三联三促”结对帮扶履职情况的通报", "各专门委员会、各委员活动小组，各位委员：", body,
                c.orgName(), date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
    }

    /** The circular as .docx: A4, 公文 margins, the fonts named with their common fallbacks. */
    public void write(Text t, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
            CTPageSz size = sect.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            CTPageMar mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(2098));
            mar.setBottom(BigInteger.valueOf(1984));
            mar.setLeft(BigInteger.valueOf(1588));
            mar.setRight(BigInteger.valueOf(1474));
            // 发文机关标志: red, centred, over a red rule
            XWPFParagraph issuer = doc.createParagraph();
            issuer.setAlignment(ParagraphAlignment.CENTER);
            issuer.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            issuer.setSpacingAfter(400);
            run(issuer, t.issuer(), TITLE_FONT, 26, true, "C00000");
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBefore(300);
            title.setSpacingAfter(300);
            run(title, t.title(), TITLE_FONT, 22, false, null);
            XWPFParagraph to = doc.createParagraph();
            run(to, t.to(), BODY_FONT, 16, false, null);
            for (String s : t.body()) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(640);
                p.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
                boolean heading = s.matches("^[一二三四五六七八九十]、.*") && s.length() < 12;
                run(p, s, heading ? HEADING_FONT : BODY_FONT, 16, false, null);
            }
            XWPFParagraph gap = doc.createParagraph();
            gap.setSpacingBefore(600);
            for (String s : List.of(t.signOff(), t.date())) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.setIndentationRight(800);
                run(p, s, BODY_FONT, 16, false, null);
            }
            footer(doc);
            doc.write(out);
        }
    }

    /** Page numbers as 公文 write them: — 1 —, in 宋体 四号. */
    private static void footer(XWPFDocument doc) {
        XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
        XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", "宋体", 14, false, null);
        XWPFRun begin = p.createRun();
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        instr.getCTR().addNewInstrText().setStringValue("PAGE");
        XWPFRun end = p.createRun();
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", "宋体", 14, false, null);
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold, String color) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("SimSun", XWPFRun.FontCharRange.ascii);
        r.setFontSize(size);
        r.setBold(bold);
        if (color != null) {
            r.setColor(color);
        }
    }

    static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
