package cn.zhutui.consult;

/**
 * The filters of the topic list, as a page or a link sends them. periodId (202503, 2025Q1, 2025S1,
 * 2025) filters the day raised; solvedIn the day solved. state: PENDING, OPEN, SOLVED, DECLINED, ACCEPTED.
 * sort: raised, raised_asc, updated, step.
 */
public record TopicQuery(Long orgId, Long platformId, Long stepId, String source, String regionCode, String text, String state,
                         String periodId, String solvedIn, String sort) {

    public static TopicQuery all() {
        return new TopicQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public TopicQuery withState(String s) {
        return new TopicQuery(orgId, platformId, stepId, source, regionCode, text, s, periodId, solvedIn, sort);
    }

    public TopicQuery withPlatform(Long id) {
        return new TopicQuery(orgId, id, stepId, source, regionCode, text, state, periodId, solvedIn, sort);
    }
}
