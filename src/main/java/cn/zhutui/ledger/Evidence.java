package cn.zhutui.ledger;

import java.time.OffsetDateTime;

/** A file attached to an entry as evidence. */
public record Evidence(long id, long entryId, long fileId, String sha256, String originalName, String contentType,
                       long size, boolean hasThumbnail, long uploadedBy, OffsetDateTime uploadedAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
