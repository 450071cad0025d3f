package cn.zhutui.monitor;

import cn.zhutui.audit.AuditNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The monitoring codes in the audit log shown in words: a case's stage and kind, a clue's channel and risks, a measure's type and status. */
@Component
class MonitorAuditNames implements AuditNames {

    private static final Map<String, String> PREFIXES = Map.of("monitorStage", "monitor.stage.", "monitorKind", "monitor.kind.",
            "channel", "monitor.channel.", "reasons", "monitor.reason.", "measureType", "monitor.measure.", "measureStatus", "monitor.measureStatus.");

    private final MessageSource messages;

    MonitorAuditNames(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, String> values(String field, Set<String> values) {
        String prefix = PREFIXES.get(field);
        Map<String, String> names = new HashMap<>();
        if (prefix == null) {
            return names;
        }
        for (String v : values) {
            String name = messages.getMessage(prefix + v, null, null, Locale.SIMPLIFIED_CHINESE);
            if (name != null) {
                names.put(v, name);
            }
        }
        return names;
    }
}
