package cn.zhutui.consult;

/**
 * An outcome in its chain, as a topic's or a meeting's page shows it: its status, how many
 * follow-up notes it has and the latest, and the latest feedback of the residents.
 */
public record OutcomeSummary(Outcome outcome, String status, int followUps, FollowUp latestFollowUp, Feedback latestFeedback) {
}
