package cn.zhutui.audit;

/** One field whose value differs between the before and after snapshots. */
public record AuditChange(String field, String before, String after) {
}
