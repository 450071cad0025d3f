package cn.zhutui.consult;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome report (协商成果建议书) of a meeting, as both the .docx and the print page lay it out
 * in the GB/T 9704 way: the issuer's red header, the title, the recipients (the responsible
 * parties), the opening, numbered sections, the outcomes as numbered items, the requirements, and
 * the sign-off with the issuer and the date.
 */
public record OutcomeReport(String header, String title, String recipients, String opening, List<Section> sections, String issuer,
                            LocalDate date) {

    /** The date as the document writes it: 2026年3月5日. */
    public String dateText() {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** A numbered section: its heading (一、协商议题) and its paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
    }
}
