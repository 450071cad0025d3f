package cn.zhutui.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log in the reader's words: the kind of record (台账, not ledger_entry), the action, each
 * changed field by its label (组织, not orgId), and values as a person says them — 是/否, 待审核,
 * names for ids (through the modules' {@link AuditNames}), （空） for nothing.
 */
@Component
public class AuditLabels {

    /** What a field's coded values are called, by the message prefix of their labels. */
    private static final Map<String, String> CODED = Map.of("kind", "org.kind.", "level", "org.level.", "roles", "role.",
            "periodType", "period.type.", "participation", "campaign.participation.");

    private final MessageSource messages;
    private final List<AuditNames> names;

    AuditLabels(MessageSource messages, List<AuditNames> names) {
        this.messages = messages;
        this.names = names;
    }

    /** One entry as shown. */
    public record Shown(AuditEntry entry, String action, String entity, List<Change> changes) {
    }

    public record Change(String field, String before, String after) {
    }

    public List<Shown> show(List<AuditEntry> entries, Locale locale) {
        // the ids to name, gathered across the page so each module is asked once per field
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Set<String>> idFields = new HashMap<>();
        for (AuditEntry e : entries) {
            for (AuditChange c : e.changes()) {
                Set<String> v = ids.computeIfAbsent(c.field(), k -> new HashSet<>());
                split(c.before()).forEach(v::add);
                split(c.after()).forEach(v::add);
                if (c.field().matches("\\d+")) {
                    idFields.computeIfAbsent(e.entityType(), k -> new HashSet<>()).add(c.field());
                }
            }
        }
        Map<String, Map<String, String>> valueNames = new HashMap<>();
        ids.forEach((field, values) -> {
            Map<String, String> named = new HashMap<>();
            names.forEach(n -> named.putAll(n.values(field, values)));
            valueNames.put(field, named);
        });
        Map<String, Map<String, String>> fieldNames = new HashMap<>();
        idFields.forEach((type, fields) -> {
            Map<String, String> named = new HashMap<>();
            names.forEach(n -> named.putAll(n.fields(type, fields)));
            fieldNames.put(type, named);
        });
        List<Shown> shown = new ArrayList<>();
        for (AuditEntry e : entries) {
            List<Change> changes = new ArrayList<>();
            for (AuditChange c : e.changes()) {
                String field = fieldNames.getOrDefault(e.entityType(), Map.of()).getOrDefault(c.field(), field(c.field(), locale));
                Map<String, String> named = valueNames.getOrDefault(c.field(), Map.of());
                changes.add(new Change(field, value(e.entityType(), c.field(), c.before(), named, locale),
                        value(e.entityType(), c.field(), c.after(), named, locale)));
            }
            shown.add(new Shown(e, msg("audit.action." + e.action(), e.action(), locale), entity(e.entityType(), locale), changes));
        }
        return shown;
    }

    public String entity(String type, Locale locale) {
        return type == null ? "" : msg("audit.entity." + type, type, locale);
    }

    public String field(String field, Locale locale) {
        return msg("audit.field." + field, field, locale);
    }

    private String value(String entityType, String field, String value, Map<String, String> named, Locale locale) {
        if (value == null || value.isEmpty()) {
            return msg("common.empty", "（空）", locale);
        }
        List<String> parts = new ArrayList<>();
        for (String token : value.split("、")) {
            parts.add(token(entityType, field, token, named, locale));
        }
        return String.join("、", parts);
    }

    private String token(String entityType, String field, String token, Map<String, String> named, Locale locale) {
        if (named.containsKey(token)) {
            return named.get(token);
        }
        if ("true".equals(token) || "false".equals(token)) {
            return msg("true".equals(token) ? "common.yes" : "common.no", token, locale);
        }
        if ("status".equals(field)) {
            return msg(("campaign".equals(entityType) ? "campaign.status." : "ledger.status.") + token, token, locale);
        }
        String prefix = CODED.get(field);
        return prefix == null ? token : msg(prefix + token, token, locale);
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : List.of(value.split("、"));
    }

    private String msg(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
