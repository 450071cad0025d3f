package cn.zhutui.consult;

import java.util.List;
import java.util.Set;

/**
 * A topic's page: the topic, its place in its committee's procedure and its moves, and the whole
 * chain from it — meetings, their outcomes, follow-up and feedback — with its dated history.
 */
public record TopicDetails(Topic topic, Platform platform, String orgName, String regionName, String sourceLabel, String raisedMemberName,
                           String acceptedByName, List<Step> steps, int stepIndex, List<TopicMove> moves, List<MeetingSummary> meetings,
                           List<HistoryLine> history, Set<TopicAction> actions) {

    public Step step() {
        return stepIndex < 0 ? null : steps.get(stepIndex);
    }

    public boolean can(String action) {
        return actions.contains(TopicAction.valueOf(action));
    }
}
