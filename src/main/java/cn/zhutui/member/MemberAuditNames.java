package cn.zhutui.member;

import cn.zhutui.audit.AuditNames;
import cn.zhutui.dict.DictService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Members by name, and the dictionary codes of a member's record by their labels, in the audit log. */
@Component
class MemberAuditNames implements AuditNames {

    /** Fields of a member that hold a dictionary's code. */
    private static final Map<String, String> DICTS = Map.of("ethnicity", "ethnicity", "sector", "sector", "party", "party");

    private final MemberService members;
    private final DictService dicts;

    MemberAuditNames(MemberService members, DictService dicts) {
        this.members = members;
        this.dicts = dicts;
    }

    @Override
    public Map<String, String> values(String field, Set<String> values) {
        Map<String, String> names = new HashMap<>();
        if ("memberId".equals(field)) {
            var ids = values.stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList();
            members.findAll(ids).forEach(m -> names.put(String.valueOf(m.id()), m.name()));
        } else if (DICTS.containsKey(field)) {
            values.forEach(v -> dicts.find(DICTS.get(field), v).ifPresent(item -> names.put(v, item.label())));
        } else if ("gender".equals(field)) {
            values.forEach(v -> names.put(v, "M".equals(v) ? "男" : "F".equals(v) ? "女" : v));
        }
        return names;
    }
}
