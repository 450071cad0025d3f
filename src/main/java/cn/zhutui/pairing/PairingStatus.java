package cn.zhutui.pairing;

/** Where a pairing stands on a day: not begun yet, in effect, or ended (and perhaps replaced). */
public enum PairingStatus {
    PLANNED,
    ACTIVE,
    ENDED
}
