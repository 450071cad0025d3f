package cn.zhutui.consult;

/** A meeting as a list shows it. */
public record MeetingRow(Meeting meeting, String topicTitle, String platformName, String hostName, String orgName,
                         long participants, long present, long outcomes) {
}
