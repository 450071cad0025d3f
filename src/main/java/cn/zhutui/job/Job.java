package cn.zhutui.job;

import java.time.OffsetDateTime;

/**
 * A background job as its owner sees it: progress, the message code of its outcome, its result.
 *
 * @param orgPath  the owner's org when the job was queued: the job lies in that scope
 * @param attempts how often it was started (a job cut off by restarts is given up after a few)
 */
public record Job(long id, String kind, long userId, JobStatus status, int total, int done, String message,
                  String params, String result, Long fileId, Long resultFileId, OffsetDateTime createdAt,
                  OffsetDateTime startedAt, OffsetDateTime finishedAt, String orgPath, int attempts) {

    /** How far it got; a finished job shows its bar full (green done, red failed), never at 0 %. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, (long) done * 100 / total);
    }
}
