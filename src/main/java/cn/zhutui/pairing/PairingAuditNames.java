package cn.zhutui.pairing;

import cn.zhutui.audit.AuditNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The pairing module's coded values in the audit log by their names: 委员联户, 走访, 每季度. */
@Component
class PairingAuditNames implements AuditNames {

    private static final Map<String, String> KINDS = Map.of("MEMBER_HOUSEHOLD", "委员联户", "COMMITTEE_INDUSTRY", "专委会联产业",
            "ORG_VILLAGE", "政协组织联村", "LEADER_COUNTY", "领导挂联重点县", "LEADER_CONTACT_POINT", "领导联系点", "UNIT_COUNTY", "单位定点帮扶",
            "CADRE_HOUSEHOLD", "干部认亲结对");
    private static final Map<String, String> RHYTHMS = Map.of("QUARTER", "每季度", "YEAR", "每年");

    @Override
    public Map<String, String> values(String field, Set<String> values) {
        Map<String, String> known = switch (field) {
            case "pairingKind" -> KINDS;
            case "rhythm" -> RHYTHMS;
            default -> Map.of();
        };
        Map<String, String> names = new HashMap<>();
        values.forEach(v -> {
            if (known.containsKey(v)) {
                names.put(v, known.get(v));
            }
        });
        return names;
    }
}
