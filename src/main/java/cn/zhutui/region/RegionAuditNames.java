package cn.zhutui.region;

import cn.zhutui.audit.AuditNames;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Places by their names (with the places above them) in the audit log. */
@Component
class RegionAuditNames implements AuditNames {

    private final RegionService regions;

    RegionAuditNames(RegionService regions) {
        this.regions = regions;
    }

    @Override
    public Map<String, String> values(String field, Set<String> values) {
        if (!"regionCode".equals(field)) {
            return Map.of();
        }
        Map<String, String> names = new java.util.HashMap<>();
        regions.lineageNamesOf(values.stream().filter(v -> v.matches("\\d{2,12}")).toList())
                .forEach((code, lineage) -> names.put(code, lineage.replace(" / ", "")));
        return names;
    }
}
