package cn.zhutui.ledger;

public enum EntrySource {
    WEB,
    MOBILE,
    IMPORT,
    API
}
