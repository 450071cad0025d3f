package cn.zhutui.pairing;

import java.util.List;

/**
 * The duties of a kind of pairing, with their rhythm. orgId null: the platform's default (the
 * seeds' Qingchuan 五个一 / 七个优); otherwise an org's own, which its subtree follows.
 */
public record DutyTemplate(long id, PairingKind kind, Long orgId, String name, DutyRhythm rhythm, int version, List<DutyItem> items) {

    public DutyTemplate {
        items = List.copyOf(items);
    }

    public List<DutyItem> activeItems() {
        return items.stream().filter(i -> !i.retired()).toList();
    }

    public boolean isDefault() {
        return orgId == null;
    }
}
