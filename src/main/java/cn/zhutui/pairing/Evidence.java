package cn.zhutui.pairing;

/** What proves a duty item done: a visit of the pairing, a ledger entry, a consultation meeting (its id or link). */
public enum Evidence {
    VISIT,
    LEDGER,
    CONSULTATION
}
