package cn.zhutui.pairing;

import java.util.List;

/** An item of a pairing's duties in a period: how much is done against the target, and the records that prove it. */
public record DutyStatus(DutyItem item, String period, int done, List<DutyRecord> records) {

    public DutyStatus {
        records = List.copyOf(records);
    }

    public boolean complete() {
        return done >= item.target();
    }
}
