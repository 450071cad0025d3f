package cn.zhutui.file;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A stored file sent to the browser, after the caller's scope check: images and PDFs shown in
 * place, other files downloaded, under their original name (RFC 6266), never sniffed as another
 * type, cached by the browser only.
 */
public final class FileResponses {

    private FileResponses() {
    }

    public static void send(FileService files, StoredFile file, HttpServletResponse response) throws IOException {
        boolean inline = file.isImage() || file.contentType().equals("application/pdf");
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Content-Disposition", (inline ? "inline" : "attachment")
                + cn.zhutui.common.Workbooks.attachment(file.originalName()).substring("attachment".length()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, max-age=3600");
        try (InputStream in = files.open(file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The image's thumbnail (JPEG); false when it has none. */
    public static boolean sendThumbnail(FileService files, StoredFile file, HttpServletResponse response) throws IOException {
        var in = files.openThumbnail(file);
        if (in.isEmpty()) {
            return false;
        }
        response.setContentType("image/jpeg");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, max-age=86400");
        try (InputStream thumb = in.get(); OutputStream out = response.getOutputStream()) {
            thumb.transferTo(out);
        }
        return true;
    }
}
