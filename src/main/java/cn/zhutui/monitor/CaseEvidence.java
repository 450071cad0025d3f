package cn.zhutui.monitor;

import java.time.OffsetDateTime;

/**
 * A photo or scan of a case's work: of a follow-up visit (followUpId) or of a measure carried out
 * (measureId) — one of the two.
 */
public record CaseEvidence(long id, long caseId, Long followUpId, Long measureId, long fileId, String name, String contentType,
                           boolean hasThumbnail, Long createdBy, OffsetDateTime createdAt) {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
