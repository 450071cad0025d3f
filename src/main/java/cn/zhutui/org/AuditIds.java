package cn.zhutui.org;

import java.util.Set;
import java.util.stream.Collectors;

/** The numeric ids among the values of an audit field. */
final class AuditIds {

    private AuditIds() {
    }

    static Set<Long> longs(Set<String> values) {
        return values.stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).collect(Collectors.toSet());
    }
}
