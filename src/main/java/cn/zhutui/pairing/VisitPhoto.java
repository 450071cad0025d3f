package cn.zhutui.pairing;

/** A photo of a visit, kept in the shared file store. */
public record VisitPhoto(long id, long visitId, long fileId, String originalName, boolean hasThumbnail) {
}
