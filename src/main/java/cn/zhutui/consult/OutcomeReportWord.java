package cn.zhutui.consult;

import cn.zhutui.common.OfficialDocument;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Component;

/**
 * The outcome report as a Word document, laid out by the platform's {@link OfficialDocument}
 * (GB/T 9704): the issuer's red mark over its rule, the title, the recipients (the parties
 * responsible), the opening, the numbered sections with the outcomes as items, and the sign-off
 * with the issuer and the date; page numbers "— 1 —" outside on odd and even pages.
 */
@Component
class OutcomeReportWord {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    void write(OutcomeReport r, OutputStream out) throws IOException {
        try (OfficialDocument doc = new OfficialDocument()) {
            doc.issuerMark(r.header());
            doc.title(r.title());
            doc.recipients(r.recipients());
            doc.paragraph(r.opening());
            for (OutcomeReport.Section s : r.sections()) {
                doc.heading(s.heading());
                for (String text : s.paragraphs()) {
                    int end = text.indexOf('）');
                    if (text.startsWith("（") && end > 0 && end < 5) {
                        doc.item(text.substring(0, end + 1), text.substring(end + 1));
                    } else {
                        doc.paragraph(text);
                    }
                }
            }
            doc.signOff(r.issuer(), r.date());
            doc.write(out);
        }
    }
}
