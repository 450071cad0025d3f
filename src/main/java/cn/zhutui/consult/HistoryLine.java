package cn.zhutui.consult;

import cn.zhutui.audit.AuditChange;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One dated line of a record's history: when, who (their name, not their login), what was done
 * (message consult.history.*), with the reason or note and the fields that changed.
 */
public record HistoryLine(OffsetDateTime at, String who, String action, String summary, List<AuditChange> changes) {
}
