package cn.zhutui.monitor;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One review of a case: which level, for what, on which day, agreed or not, by whom (and who took part, for a village). */
public record Review(long id, long caseId, Purpose purpose, ReviewLevel level, LocalDate decidedOn, boolean agreed, Integer participants,
                     String note, Long noticeId, long decidedBy, OffsetDateTime createdAt) {
}
