package cn.zhutui.pairing;

import cn.zhutui.household.GoalRegression;
import java.util.List;

/** A pairing as the compliance page sees it in a quarter: its visits, its open duty items, a regression of its household. */
public record PairingCompliance(PairingRow row, boolean expected, long visits, List<DutyStatus> duties, GoalRegression regression) {

    public PairingCompliance {
        duties = List.copyOf(duties);
    }

    public boolean notVisited() {
        return expected && visits == 0;
    }

    public List<DutyStatus> open() {
        return duties.stream().filter(d -> !d.complete()).toList();
    }

    public boolean behind() {
        return notVisited() || !open().isEmpty() || regression != null;
    }
}
