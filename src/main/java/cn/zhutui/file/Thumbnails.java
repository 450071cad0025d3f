package cn.zhutui.file;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small JPEG previews of uploaded photos, turned upright as the phone's EXIF orientation says. */
final class Thumbnails {

    static final int SIZE = 320;

    private Thumbnails() {
    }

    /** The most pixels a photo may have: a phone's 200-megapixel sensor is far below a decompression bomb. */
    static final long MAX_PIXELS = 250_000_000L;

    /**
     * Width and height from the image's header, without decoding it: a small file can claim a
     * picture of billions of pixels, whose decoding would fill the memory.
     */
    static java.util.Optional<java.awt.Dimension> dimensions(Path image) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return java.util.Optional.empty();
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return java.util.Optional.of(new java.awt.Dimension(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        }
    }

    /** Writes the thumbnail; false if the image cannot be decoded. */
    static boolean write(Path image, Path thumbnail) throws IOException {
        var size = dimensions(image);
        if (size.isEmpty() || (long) size.get().width * size.get().height > MAX_PIXELS) {
            return false;
        }
        BufferedImage source;
        try (InputStream in = Files.newInputStream(image)) {
            source = ImageIO.read(in);
        }
        if (source == null) {
            return false;
        }
        int orientation = exifOrientation(Files.readAllBytes(image));
        double scale = Math.min(1.0, (double) SIZE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        boolean swap = orientation >= 5 && orientation <= 8;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.transform(orientationTransform(orientation, w, h));
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return ImageIO.write(out, "jpg", thumbnail.toFile());
    }

    private static AffineTransform orientationTransform(int orientation, int w, int h) {
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        return t;
    }

    /** The EXIF orientation tag (1-8) of a JPEG, 1 when absent. */
    static int exifOrientation(byte[] jpeg) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(jpeg))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return 1;
            }
            while (true) {
                int marker = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                if (marker == 0xFFE1) {
                    byte[] data = new byte[length - 2];
                    in.readFully(data);
                    return orientationInApp1(data);
                }
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA) {
                    return 1;
                }
                in.skipBytes(length - 2);
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static int orientationInApp1(byte[] d) {
        if (d.length < 14 || d[0] != 'E' || d[1] != 'x' || d[2] != 'i' || d[3] != 'f') {
            return 1;
        }
        int tiff = 6;
        boolean little = d[tiff] == 'I';
        int ifd = tiff + read(d, tiff + 4, 4, little);
        int entries = read(d, ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (read(d, entry, 2, little) == 0x0112) {
                int v = read(d, entry + 8, 2, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static int read(byte[] d, int offset, int bytes, boolean little) {
        int v = 0;
        for (int i = 0; i < bytes; i++) {
            int b = d[offset + (little ? bytes - 1 - i : i)] & 0xFF;
            v = (v << 8) | b;
        }
        return v;
    }
}
