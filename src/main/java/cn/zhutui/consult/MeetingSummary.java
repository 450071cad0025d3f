package cn.zhutui.consult;

import java.util.List;

/** A meeting in its topic's chain: its host, attendance, and the outcomes it agreed. */
public record MeetingSummary(Meeting meeting, String hostName, long participants, long present, List<OutcomeSummary> outcomes) {
}
