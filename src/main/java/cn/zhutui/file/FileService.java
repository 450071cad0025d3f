package cn.zhutui.file;

import cn.zhutui.common.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps uploaded files on disk under their SHA-256 (the same photo uploaded twice is stored once,
 * and its hash tells a re-used photo), checks their real type and size, and makes thumbnails of
 * photos. Access control belongs to the module that owns the file (an entry's evidence is served
 * by the ledger after its scope check).
 */
@Service
public class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final JdbcClient jdbc;
    private final FileProperties props;
    private final Path root;

    FileService(JdbcClient jdbc, FileProperties props) throws IOException {
        this.jdbc = jdbc;
        this.props = props;
        this.root = Path.of(props.dir()).toAbsolutePath().normalize();
        Files.createDirectories(root);
    }

    /**
     * Stores an upload after checking it is one of the allowed kinds and not too large.
     *
     * @throws BusinessException file.type or file.tooLarge, in the user's words
     */
    public StoredFile store(InputStream in, String originalName, Set<FileKind> allowed, Long userId) {
        Path tmp = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            tmp = Files.createTempFile(root.resolve("tmp"), "up", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                size = copyLimited(in, out, props.maxSize().toBytes());
            }
            if (size < 0) {
                throw BusinessException.onField("file", "file.tooLarge", originalName, props.maxSize().toMegabytes());
            }
            byte[] head;
            try (InputStream h = Files.newInputStream(tmp)) {
                head = h.readNBytes(16);
            }
            FileKind kind = FileKind.sniff(head, originalName).filter(allowed::contains)
                    .orElseThrow(() -> BusinessException.onField("file", "file.type", originalName));
            if (kind.isImage()) {
                checkPixels(tmp, originalName);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(hash);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            boolean thumb = kind.isImage() && thumbnail(target, hash);
            long id = jdbc.sql("""
                            INSERT INTO stored_file (sha256, size, content_type, original_name, has_thumbnail, created_by)
                            VALUES (:sha, :size, :type, :name, :thumb, :user) RETURNING id""")
                    .param("sha", hash).param("size", size).param("type", kind.contentType())
                    .param("name", safeName(originalName)).param("thumb", thumb).param("user", userId)
                    .query(Long.class).single();
            return find(id).orElseThrow();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot store upload", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }

    /** Stores a file the system itself produced (an import's error report). */
    public StoredFile storeGenerated(Path file, String name, String contentType, Long userId) {
        try (InputStream in = Files.newInputStream(file)) {
            return store(in, name, Set.of(FileKind.XLSX, FileKind.DOCX, FileKind.CSV), userId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<StoredFile> find(long id) {
        return jdbc.sql("SELECT * FROM stored_file WHERE id = :id").param("id", id).query(StoredFile.class).optional();
    }

    public InputStream open(StoredFile file) throws IOException {
        return Files.newInputStream(pathOf(file.sha256()));
    }

    public Optional<InputStream> openThumbnail(StoredFile file) throws IOException {
        Path thumb = thumbnailPathOf(file.sha256());
        return file.hasThumbnail() && Files.exists(thumb) ? Optional.of(Files.newInputStream(thumb)) : Optional.empty();
    }

    /** Refuses a picture whose header claims more pixels than any photo has (a decompression bomb). */
    private static void checkPixels(Path image, String originalName) throws IOException {
        java.util.Optional<java.awt.Dimension> size;
        try {
            size = Thumbnails.dimensions(image);
        } catch (IOException | RuntimeException e) {
            throw BusinessException.onField("file", "file.imageUnreadable", originalName);
        }
        if (size.isEmpty()) {
            throw BusinessException.onField("file", "file.imageUnreadable", originalName);
        }
        if (size.get().width <= 0 || size.get().height <= 0 || (long) size.get().width * size.get().height > Thumbnails.MAX_PIXELS) {
            throw BusinessException.onField("file", "file.imageTooLarge", originalName, size.get().width, size.get().height);
        }
    }

    private boolean thumbnail(Path image, String hash) {
        Path thumb = thumbnailPathOf(hash);
        if (Files.exists(thumb)) {
            return true;
        }
        try {
            return Thumbnails.write(image, thumb);
        } catch (IOException | RuntimeException e) {
            log.warn("No thumbnail for {}: {}", hash, e.toString());
            return false;
        }
    }

    private Path pathOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private Path thumbnailPathOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash + ".thumb.jpg");
    }

    /** Copies at most max bytes; -1 if the input is longer. */
    private static long copyLimited(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
