package cn.zhutui.consult;

/**
 * The filters of the outcome list. status: OPEN, OVERDUE, DONE, SOLVED, UNPUBLISHED, PUBLISHED;
 * periodId filters the deadline. sort: deadline, deadline_desc, held, published.
 */
public record OutcomeQuery(Long orgId, Long platformId, Long topicId, String status, String periodId, String regionCode, String text,
                           String sort) {

    public static OutcomeQuery all() {
        return new OutcomeQuery(null, null, null, null, null, null, null, null);
    }

    public OutcomeQuery withStatus(String s) {
        return new OutcomeQuery(orgId, platformId, topicId, s, periodId, regionCode, text, sort);
    }
}
