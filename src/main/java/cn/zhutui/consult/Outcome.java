package cn.zhutui.consult;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An outcome (协商成果) agreed at a meeting: an action, the party responsible and a deadline; then
 * its follow-up until carried out (done), the residents' feedback on whether the problem was
 * solved, and — a separate step of the county office — its publication with the text the public sees.
 *
 * @param stage  the stage the latest follow-up note reached (consult_progress_stage)
 * @param solved the latest feedback: solved or not; null before any
 */
public record Outcome(long id, long meetingId, long topicId, long orgId, String action, String responsible, LocalDate deadline,
                      String stage, LocalDate doneOn, String doneNote, Boolean solved, LocalDate feedbackOn,
                      OffsetDateTime publishedAt, Long publishedBy, String publicTitle, String publicText, int version, long createdBy) {

    public boolean done() {
        return doneOn != null;
    }

    /** Not carried out and its deadline has passed. */
    public boolean overdue(LocalDate today) {
        return doneOn == null && deadline.isBefore(today);
    }

    public boolean published() {
        return publishedAt != null;
    }

    /**
     * AGREED while the minutes of its meeting are not final (not decided yet); then OPEN, OVERDUE,
     * DONE (carried out, feedback awaited or not solved) or SOLVED: what a list and the public page
     * show (messages consult.outcome.status.*), derived from the dated facts.
     */
    public String status(LocalDate today, boolean decided) {
        return decided ? status(today) : "AGREED";
    }

    /** The status of a decided outcome. */
    public String status(LocalDate today) {
        if (doneOn != null) {
            return Boolean.TRUE.equals(solved) ? "SOLVED" : "DONE";
        }
        return overdue(today) ? "OVERDUE" : "OPEN";
    }
}
