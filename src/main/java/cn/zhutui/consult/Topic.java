package cn.zhutui.consult;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A topic (议题): a problem raised by residents, a member, the Party committee or government, or a
 * department, accepted (受理) by the office — or declined with a reason — and moved through the
 * steps of its committee's procedure until solved.
 *
 * @param source    a code of consult_topic_source
 * @param raisedBy  who raised it, in words (a group, a department, 村民代表)
 * @param solvedOn  the day the residents' feedback said the last of its outcomes solved their problem
 */
public record Topic(long id, long platformId, long orgId, long stepId, String title, String description, String source,
                    String raisedBy, Long raisedMemberId, LocalDate raisedOn, String regionCode, String affected, Integer households,
                    Long acceptedBy, LocalDate acceptedOn, String declinedReason, OffsetDateTime stepEnteredAt, LocalDate solvedOn,
                    int version, long createdBy, OffsetDateTime createdAt) {

    /** Raised, waiting for the office to accept or decline it. */
    public boolean pending() {
        return acceptedOn == null && declinedReason == null;
    }

    public boolean declined() {
        return declinedReason != null;
    }

    public boolean accepted() {
        return acceptedOn != null && declinedReason == null;
    }

    public boolean solved() {
        return solvedOn != null;
    }

    /** PENDING, DECLINED, OPEN or SOLVED: the state a list shows (message consult.topic.state.*). */
    public String state() {
        return declined() ? "DECLINED" : pending() ? "PENDING" : solved() ? "SOLVED" : "OPEN";
    }
}
