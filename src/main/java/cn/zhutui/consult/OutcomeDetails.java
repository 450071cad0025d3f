package cn.zhutui.consult;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An outcome's page: the outcome and where it came from (its meeting and topic), its follow-up notes
 * and the residents' feedback with who recorded them, its publication, and its history.
 */
public record OutcomeDetails(Outcome outcome, String status, Meeting meeting, Topic topic, Platform platform, String orgName,
                             List<FollowUp> followUps, List<Feedback> feedback, Map<Long, String> names, List<HistoryLine> history,
                             Set<OutcomeAction> actions, PublishForm suggestedPublication,
                             String countyCode) {

    public boolean can(String action) {
        return actions.contains(OutcomeAction.valueOf(action));
    }

    public String name(Long userId) {
        return userId == null ? "" : names.getOrDefault(userId, "#" + userId);
    }
}
