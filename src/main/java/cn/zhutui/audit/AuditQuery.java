package cn.zhutui.audit;

import java.time.LocalDate;

public record AuditQuery(String username, String action, String entityType, String entityId,
                         LocalDate from, LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
