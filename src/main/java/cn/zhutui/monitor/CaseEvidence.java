package cn.zhutui.monitor;

import java.time.OffsetDateTime;

/**
 * A photo or scan of a case's work: of a follow-up visit (followUpId), of a measure carried out
 * (measureId), or of the case itself (neither).
 */
public record CaseEvidence(long id, long caseId, Long followUpId, Long measureId, long fileId, String name, String contentType,
                           boolean hasThumbnail, Long createdBy, OffsetDateTime createdAt) {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
