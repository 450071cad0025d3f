package cn.zhutui.pairing.internal;

import cn.zhutui.common.OfficialDocument;
import cn.zhutui.pairing.Compliance;
import cn.zhutui.pairing.ComplianceRow;
import cn.zhutui.pairing.FigureRow;
import cn.zhutui.pairing.PairingCompliance;
import cn.zhutui.pairing.PairingFigures;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The quarterly circular (通报) of 三联三促 (seeds/003: "每季度进行一次通报，表扬先进、鞭策后进"): its
 * figures in sentences, the units praised and those behind, the members with pairings not
 * visited, the sign-off — as a GB/T 9704 .docx and as the print page (the same {@link #text}).
 */
@Component
public class ComplianceCircular {

    /** The circular's text, paragraph by paragraph: the title, the addressees, the body, the sign-off. */
    public record Text(String issuer, String title, String to, List<String> body, String signOff, String date, String isoDate) {
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
                c.orgName(), date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日", date.toString());
    }

    /**
     * The circular as .docx through the platform's {@link OfficialDocument} (GB/T 9704: 小标宋 title,
     * 仿宋 三号 body at 22 lines a page, 黑体 headings, sign-off, page numbers "— 1 —"), with the
     * units' figures attached as a table on a landscape page.
     */
    public void write(Text t, Compliance c, OutputStream out) throws IOException {
        try (OfficialDocument doc = new OfficialDocument()) {
            doc.title(t.title());
            doc.paragraph(t.to());
            for (String s : t.body()) {
                if (heading(s)) {
                    doc.heading(s);
                } else {
                    doc.paragraph(s);
                }
            }
            doc.signOff(t.signOff(), LocalDate.parse(t.isoDate()));
            doc.landscapeFromHere();
            doc.attachmentTitle("附表", c.orgName() + "　" + c.quarter().label(Locale.SIMPLIFIED_CHINESE) + "结对帮扶履职情况", "");
            List<OfficialDocument.Column> columns = List.of(new OfficialDocument.Column("单位", OfficialDocument.columnWidth("禄劝彝族苗族自治县政协农业和农村委员会"), false),
                    column("结对"), column("应走访"), column("已走访"), column("未走访"), column("未完成职责"), column("“四个有”回落"));
            List<List<String>> rows = new ArrayList<>();
            for (ComplianceRow u : c.units()) {
                rows.add(List.of(u.orgName(), String.valueOf(u.pairings()), String.valueOf(u.expected()), String.valueOf(u.visited()),
                        String.valueOf(u.notVisited()), String.valueOf(u.openItems()), String.valueOf(u.regressed())));
            }
            ComplianceRow total = c.total();
            rows.add(List.of("合计", String.valueOf(total.pairings()), String.valueOf(total.expected()), String.valueOf(total.visited()),
                    String.valueOf(total.notVisited()), String.valueOf(total.openItems()), String.valueOf(total.regressed())));
            doc.table(columns, rows, java.util.Set.of(rows.size() - 1));
            doc.write(out);
        }
    }

    private static OfficialDocument.Column column(String title) {
        return new OfficialDocument.Column(title, OfficialDocument.columnWidth(title + "00"), true);
    }

    /** "一、总体情况": a first-level heading. */
    public static boolean heading(String s) {
        return s.matches("^[一二三四五六七八九十]、.*") && s.length() < 12;
    }

    static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
