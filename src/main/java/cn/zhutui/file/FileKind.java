package cn.zhutui.file;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of file the platform accepts, told apart by their first bytes, not their names. */
public enum FileKind {
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    DOC("application/msword"),
    XLS("application/vnd.ms-excel"),
    CSV("text/csv"),
    /** a table compressed by gzip (a whole country's divisions) */
    GZIP("application/gzip"),
    /** a zip holding one table */
    ZIP("application/zip");

    public static final Set<FileKind> IMAGES = EnumSet.of(JPEG, PNG, GIF);
    public static final Set<FileKind> EVIDENCE = EnumSet.of(JPEG, PNG, GIF, PDF, DOCX, XLSX, DOC, XLS);
    /** What a spreadsheet import takes; whether it really is a table is the import's to tell, with the reason. */
    public static final Set<FileKind> SPREADSHEETS = EnumSet.of(XLSX, XLS, CSV, GZIP, ZIP);

    private final String contentType;

    FileKind(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isImage() {
        return IMAGES.contains(this);
    }

    /** Sniffs the kind from the head of the file; the name only separates the formats that share a container. */
    static Optional<FileKind> sniff(byte[] head, String name) {
        String ext = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("^.*\\.", "");
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0x89, 'P', 'N', 'G')) {
            return Optional.of(PNG);
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (starts(head, '%', 'P', 'D', 'F')) {
            return Optional.of(PDF);
        }
        if (starts(head, 'P', 'K', 3, 4)) {
            return ext.equals("docx") ? Optional.of(DOCX) : ext.equals("xlsx") ? Optional.of(XLSX)
                    : ext.equals("zip") ? Optional.of(ZIP) : Optional.empty();
        }
        if (starts(head, 0x1f, 0x8b)) {
            return ext.equals("gz") || ext.equals("csv") || ext.equals("xlsx") || ext.equals("xls") ? Optional.of(GZIP) : Optional.empty();
        }
        if (starts(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return ext.equals("doc") ? Optional.of(DOC) : ext.equals("xls") ? Optional.of(XLS) : Optional.empty();
        }
        if (ext.equals("csv") && head.length > 0) {
            // the import reads it and says what is wrong with it, if anything
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
