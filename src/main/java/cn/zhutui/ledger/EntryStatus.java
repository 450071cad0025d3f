package cn.zhutui.ledger;

/** draft → submitted → approved, or returned with a reason → edited → resubmitted. */
public enum EntryStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
