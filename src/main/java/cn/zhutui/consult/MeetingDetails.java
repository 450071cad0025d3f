package cn.zhutui.consult;

import java.util.List;
import java.util.Set;

/**
 * A meeting's page: the meeting, its topic and platform, the people with their attendance and
 * confirmations, its files, the outcomes it agreed (each with its follow-up and feedback), and its
 * history. me: the user's own row when they took part.
 */
public record MeetingDetails(Meeting meeting, Topic topic, Platform platform, String orgName, String hostName,
                             List<Participant> participants, List<MeetingFile> files, List<OutcomeSummary> outcomes,
                             List<HistoryLine> history, Set<MeetingAction> actions, Participant me, boolean minutesLate, boolean held) {

    public boolean can(String action) {
        return actions.contains(MeetingAction.valueOf(action));
    }

    public long present() {
        return participants.stream().filter(Participant::present).count();
    }

    public long confirmed() {
        return participants.stream().filter(p -> p.present() && p.confirmed()).count();
    }
}
