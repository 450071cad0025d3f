package cn.zhutui.audit;

import java.time.OffsetDateTime;
import java.util.List;

public record AuditEntry(long id, OffsetDateTime at, Long userId, String username, String action,
                         String entityType, String entityId, String summary, String ip,
                         List<AuditChange> changes) {
}
