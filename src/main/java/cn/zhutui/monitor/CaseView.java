package cn.zhutui.monitor;

import cn.zhutui.household.HouseholdView;
import java.util.List;
import java.util.Set;

/**
 * A case as its page shows it: the case, its household (masked), where it is, the clock, its clues
 * with their sources, its reviews, the notice it is on, the plan, the follow-ups, what the user may
 * do next and — while it is assisted — the elimination conditions as they stand today.
 */
public record CaseView(MonitorCase monitorCase, HouseholdView household, String regionName, CaseClock clock, List<Clue> clues,
                       List<Review> reviews, PublicNotice notice, List<Measure> measures, List<FollowUp> followUps, Set<CaseAction> actions,
                       EliminationCheck elimination, IncomeLine line) {

    public CaseView {
        clues = List.copyOf(clues);
        reviews = List.copyOf(reviews);
        measures = List.copyOf(measures);
        followUps = List.copyOf(followUps);
        actions = Set.copyOf(actions);
    }

    public boolean can(String action) {
        return actions.contains(CaseAction.valueOf(action));
    }
}
