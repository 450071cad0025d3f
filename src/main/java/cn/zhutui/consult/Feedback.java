package cn.zhutui.consult;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The residents' feedback (群众反馈) on an outcome: where it came from (a return visit, a villagers'
 * meeting), how satisfied they are and whether their problem was solved.
 *
 * @param satisfaction a code of consult_satisfaction
 */
public record Feedback(long id, long outcomeId, LocalDate receivedOn, String source, String satisfaction, boolean solved, String note,
                       long recordedBy, OffsetDateTime recordedAt) {
}
