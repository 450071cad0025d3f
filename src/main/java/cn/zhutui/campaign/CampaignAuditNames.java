package cn.zhutui.campaign;

import cn.zhutui.audit.AuditNames;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Campaigns, focus areas, task types and indicators by name in the audit log (a target's fields are indicators). */
@Component
class CampaignAuditNames implements AuditNames {

    private final CampaignRepository repository;

    CampaignAuditNames(CampaignRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, String> values(String field, Set<String> values) {
        Map<String, String> names = new HashMap<>();
        for (String v : values) {
            if (!v.matches("\\d{1,18}")) {
                continue;
            }
            long id = Long.parseLong(v);
            switch (field) {
                case "campaignId" -> repository.find(id).ifPresent(c -> names.put(v, c.name()));
                case "focusAreaId" -> repository.focusArea(id).ifPresent(a -> names.put(v, a.name()));
                case "taskTypeId" -> repository.taskType(id).ifPresent(t -> names.put(v, t.name()));
                default -> { }
            }
        }
        return names;
    }

    @Override
    public Map<String, String> fields(String entityType, Set<String> fields) {
        if (!"campaign_target".equals(entityType)) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        fields.forEach(f -> repository.indicator(Long.parseLong(f)).ifPresent(i -> names.put(f, i.title())));
        return names;
    }
}
