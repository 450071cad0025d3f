package cn.zhutui.ledger;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small real files for evidence tests. */
public final class LedgerTestFiles {

    private LedgerTestFiles() {
    }

    /** A 40×30 PNG photo. */
    public static byte[] png() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(180, 40, 40));
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG of a few hundred bytes whose header claims 100,000 × 100,000 pixels: decoding it would
     * need 40 GB. The IHDR chunk is written by hand with a correct CRC.
     */
    public static byte[] pngBomb() {
        byte[] real = png();
        // IHDR data begins after the 8-byte signature, the 4-byte length and the 4-byte type
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(real);
        b.putInt(16, 100_000);
        b.putInt(20, 100_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(real, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return real;
    }
}
