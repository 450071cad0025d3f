package cn.zhutui.pairing;

/** Where a visit was recorded: the office's page, the phone form online, the phone form offline (sent later), the API. */
public enum VisitSource {
    WEB,
    MOBILE,
    OFFLINE,
    API
}
