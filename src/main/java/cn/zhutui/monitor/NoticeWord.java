package cn.zhutui.monitor;

import cn.zhutui.common.OfficialDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The village notice (公示) as a Word document laid out by {@link OfficialDocument} (GB/T 9704):
 * the title, the opening, the table of households — by design only the head's name, the number of
 * people and the kind (the notice's lines hold nothing else) — the period and place, and the
 * sign-off of the village committee with the first day of the notice.
 */
@Component
public class NoticeWord {

    private final MessageSource messages;

    NoticeWord(MessageSource messages) {
        this.messages = messages;
    }

    public void write(PublicNotice n, OutputStream out) throws IOException {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String village = n.village();
        try (OfficialDocument doc = new OfficialDocument()) {
            doc.title(village + msg("monitor.notice.title." + n.purpose(), zh));
            doc.paragraph(messages.getMessage("monitor.notice.body." + n.purpose(), new Object[] {n.lines().size()}, zh));
            List<OfficialDocument.Column> columns = List.of(new OfficialDocument.Column("序号", OfficialDocument.columnWidth("序号0"), true),
                    new OfficialDocument.Column(msg("monitor.headName", zh), OfficialDocument.columnWidth("户主姓名一二"), false),
                    new OfficialDocument.Column(msg("monitor.persons", zh), OfficialDocument.columnWidth("人数00"), true),
                    new OfficialDocument.Column(msg("monitor.kind", zh), OfficialDocument.columnWidth("突发严重困难户一"), false));
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (PublicNotice.Line l : n.lines()) {
                rows.add(List.of(String.valueOf(i++), l.headName(), String.valueOf(l.persons()),
                        l.kind() == null ? "" : msg("monitor.kind." + l.kind(), zh)));
            }
            doc.table(columns, rows, java.util.Set.of());
            doc.paragraph(messages.getMessage("monitor.notice.period", new Object[] {n.startOn(), n.endOn(), n.days(), n.place()}, zh));
            doc.note(msg("monitor.notice.privacy", zh));
            doc.signOff(n.committee(), n.startOn());
            doc.write(out);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
