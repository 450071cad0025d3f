package cn.zhutui.consult;

/** A topic as a list shows it: with its platform, step, place, and the counts of its chain. */
public record TopicRow(Topic topic, String platformName, String platformLevel, String stepName, String regionName, String orgName,
                       long meetings, long outcomes, long openOutcomes, long overdueOutcomes) {
}
