package cn.zhutui.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Which top-level fields differ between two snapshots, in their order of appearance. */
final class AuditDiff {

    /** Bookkeeping no reader needs: the row's own id, its place in the tree, its version. */
    private static final Set<String> INTERNAL = Set.of("id", "version", "path");

    private AuditDiff() {
    }

    static List<AuditChange> changes(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        if (before != null) {
            fields.addAll(before.propertyNames());
        }
        if (after != null) {
            fields.addAll(after.propertyNames());
        }
        List<AuditChange> changes = new ArrayList<>();
        for (String field : fields) {
            String b = text(before, field);
            String a = text(after, field);
            if (!java.util.Objects.equals(a, b) && !INTERNAL.contains(field)) {
                changes.add(new AuditChange(field, b, a));
            }
        }
        return changes;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.has(field) || node.get(field).isNull()) {
            return null;
        }
        return readable(node.get(field));
    }

    /** 销售额（万元）3.5；销售活动（次）2 — rather than JSON. */
    private static String readable(JsonNode value) {
        if (value.isValueNode()) {
            return value.asString();
        }
        if (value.isArray()) {
            java.util.List<String> items = new java.util.ArrayList<>();
            value.forEach(v -> items.add(readable(v)));
            return String.join("、", items);
        }
        java.util.List<String> pairs = new java.util.ArrayList<>();
        value.properties().forEach(e -> pairs.add(e.getKey() + " " + readable(e.getValue())));
        return String.join("；", pairs);
    }
}
