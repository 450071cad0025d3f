package cn.zhutui.household;

import cn.zhutui.audit.AuditNames;
import cn.zhutui.dict.DictService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The registry's coded values in the audit log by their names: 脱贫户 for TUOPIN, 配偶 for SPOUSE, 已实现 for MET. */
@Component
class HouseholdAuditNames implements AuditNames {

    private static final Map<String, String> DICTS = Map.of("tags", "household_tag", "relation", "household_relation",
            "labour", "labour", "health", "health", "schooling", "schooling");
    private static final Map<String, String> GOALS = Map.of("MET", "已实现", "PARTLY", "部分实现", "NOT_MET", "未实现");

    private final DictService dict;

    HouseholdAuditNames(DictService dict) {
        this.dict = dict;
    }

    @Override
    public Map<String, String> values(String field, Set<String> values) {
        Map<String, String> names = new HashMap<>();
        String type = DICTS.get(field);
        if (type != null) {
            values.forEach(v -> dict.find(type, v).ifPresent(i -> names.put(v, i.label())));
        } else if (field.startsWith("goal") || java.util.Arrays.stream(Goal.values()).anyMatch(g -> g.name().equals(field))) {
            values.forEach(v -> {
                if (GOALS.containsKey(v)) {
                    names.put(v, GOALS.get(v));
                }
            });
        }
        return names;
    }
}
