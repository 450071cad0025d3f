package cn.zhutui.consult;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A follow-up note (督办记录) on an outcome: the day, the stage reached, what was done, maybe a photo. */
public record FollowUp(long id, long outcomeId, LocalDate notedOn, String stage, String note, Long fileId, long notedBy,
                       OffsetDateTime notedAt) {
}
