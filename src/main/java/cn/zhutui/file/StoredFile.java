package cn.zhutui.file;

import java.time.OffsetDateTime;

public record StoredFile(long id, String sha256, long size, String contentType, String originalName,
                         boolean hasThumbnail, Long createdBy, OffsetDateTime createdAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
