package cn.zhutui.consult;

import java.time.OffsetDateTime;

/** A photo or file of a meeting (the scene, the signed sign-in sheet), kept in the shared file store. */
public record MeetingFile(long id, long meetingId, long fileId, String caption, String originalName, String contentType,
                          boolean hasThumbnail, long uploadedBy, OffsetDateTime uploadedAt) {

    public boolean isImage() {
        return contentType != null && contentType.startsWith("image/");
    }
}
