package cn.zhutui.ledger;

/** What the current user may do with an entry now; the page shows these buttons, the service checks them again. */
public record EntryActions(boolean edit, boolean submit, boolean withdraw, boolean review, boolean revoke, boolean delete,
                           boolean periodOpen) {
}
