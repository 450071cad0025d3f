package cn.zhutui.org;

import java.util.List;
import java.util.Map;

/** The units under a committee, each with the units directly below it, in tree order (OrgService.unitTree). */
public record UnitTree(Map<Long, List<Org>> childrenByUnit) {

    /** No units: what an org that is not a committee has below it in a table. */
    public static final UnitTree NONE = new UnitTree(Map.of());

    public UnitTree {
        childrenByUnit = childrenByUnit.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    public List<Org> children(Org unit) {
        return childrenByUnit.getOrDefault(unit.id(), List.of());
    }

    public boolean hasChildren(Org unit) {
        return !children(unit).isEmpty();
    }
}
