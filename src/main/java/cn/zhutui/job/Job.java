package cn.zhutui.job;

import java.time.OffsetDateTime;

/** A background job as its owner sees it: progress, the message code of its outcome, its result. */
public record Job(long id, String kind, long userId, JobStatus status, int total, int done, String message,
                  String params, String result, Long fileId, Long resultFileId, OffsetDateTime createdAt,
                  OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    public int percent() {
        if (status == JobStatus.SUCCEEDED) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, (long) done * 100 / total);
    }
}
