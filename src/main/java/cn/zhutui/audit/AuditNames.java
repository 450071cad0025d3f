package cn.zhutui.audit;

import java.util.Map;
import java.util.Set;

/**
 * A module's help in reading the audit log: the names behind the ids its records store (an org's
 * id in "orgId", a member's in "memberId"), so the log shows 禄劝县政协 rather than 47. Each module
 * answers for its own fields and leaves the others out.
 */
public interface AuditNames {

    /** Names of the values of a field, for the fields this module knows; an empty map otherwise. */
    Map<String, String> values(String field, Set<String> values);

    /** Names of fields that are themselves ids (a target's indicators) of an entity type; none by default. */
    default Map<String, String> fields(String entityType, Set<String> fields) {
        return Map.of();
    }
}
