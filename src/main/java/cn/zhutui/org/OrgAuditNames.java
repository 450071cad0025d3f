package cn.zhutui.org;

import cn.zhutui.audit.AuditNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Orgs by name in the audit log. */
@Component
class OrgAuditNames implements AuditNames {

    private static final Set<String> FIELDS = Set.of("orgId", "parentId", "orgIds");

    private final OrgService orgs;

    OrgAuditNames(OrgService orgs) {
        this.orgs = orgs;
    }

    @Override
    public Map<String, String> values(String field, Set<String> values) {
        if (!FIELDS.contains(field)) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        orgs.names(AuditIds.longs(values)).forEach((id, name) -> names.put(String.valueOf(id), name));
        return names;
    }
}
