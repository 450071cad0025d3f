package cn.zhutui.consult.internal;

import cn.zhutui.consult.StepCheck;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a topic stands along its chain: whether it meets a step's requirement, and whether its
 * problem is solved. A topic is solved when it has outcomes agreed in final minutes and the
 * residents' latest feedback on each, once carried out, says its problem is solved; it is solved
 * on the day of the last such feedback. Changes of "solved" go through the facts.
 */
@Component
public class Progress {

    private final JdbcClient jdbc;
    private final TopicRepository topics;
    private final ConsultFacts facts;

    Progress(JdbcClient jdbc, TopicRepository topics, ConsultFacts facts) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.facts = facts;
    }

    private record Chain(long finalMeetings, long decided, long done, long solved, LocalDate lastSolved) {
    }

    private Chain chain(long topicId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM consult_meeting m WHERE m.topic_id = :t AND m.minutes_state = 'FINAL') AS final_meetings,
                               count(x.id) AS decided,
                               count(x.id) FILTER (WHERE x.done_on IS NOT NULL) AS done,
                               count(x.id) FILTER (WHERE x.done_on IS NOT NULL AND x.solved) AS solved,
                               max(x.feedback_on) FILTER (WHERE x.done_on IS NOT NULL AND x.solved) AS last_solved
                          FROM consult_outcome x JOIN consult_meeting m ON m.id = x.meeting_id
                         WHERE x.topic_id = :t AND m.minutes_state = 'FINAL'""")
                .param("t", topicId).query(Chain.class).single();
    }

    /** Whether the topic may enter a step asking for this check. */
    public boolean meets(long topicId, LocalDate solvedOn, StepCheck check) {
        if (check == StepCheck.NONE) {
            return true;
        }
        Chain c = chain(topicId);
        return switch (check) {
            case NONE -> true;
            case MEETING_FINAL -> c.finalMeetings() > 0;
            case OUTCOME_AGREED -> c.decided() > 0;
            case OUTCOMES_DONE -> c.decided() > 0 && c.done() == c.decided();
            case ALL_SOLVED -> solvedOn != null;
        };
    }

    /** Sets the topic's solved day from its outcomes, moving its figures if it changes. */
    public void refreshSolved(long topicId) {
        Chain c = chain(topicId);
        LocalDate solvedOn = c.decided() > 0 && c.solved() == c.decided() ? c.lastSolved() : null;
        LocalDate now = topics.find(topicId).orElseThrow().solvedOn();
        if (java.util.Objects.equals(now, solvedOn)) {
            return;
        }
        facts.remove(List.of(topicId));
        topics.setSolved(topicId, solvedOn);
        facts.restore(List.of(topicId));
    }
}
