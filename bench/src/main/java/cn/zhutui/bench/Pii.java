package cn.zhutui.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The app's personal-data encryption (household.internal.PiiCipher) redone for the benchmark: the
 * same two keys derived from the master key (HMAC-SHA256 of fixed labels), AES-256-GCM with the
 * field name as additional data (version byte · 12-byte IV · ciphertext and tag), and the keyed hash
 * HMAC-SHA256(field · 0x00 · normalised value). The generator encrypts the ID numbers it invents
 * with it; the benchmark reads some back to put in a department's file and to look households up.
 * Not thread-safe (one per thread).
 */
final class Pii {

    /** The field name the app encrypts and hashes ID numbers under (HouseholdService.ID_FIELD). */
    static final String ID_FIELD = "household_person.id_number";
    private static final byte VERSION = 1;
    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptKey;
    private final String fingerprint;
    private final Cipher cipher;
    private final Mac mac;
    private final SecureRandom random = new SecureRandom();
    private final byte[] idField = ID_FIELD.getBytes(StandardCharsets.UTF_8);

    private Pii(byte[] master) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(master, "HmacSHA256"));
            encryptKey = new SecretKeySpec(derive.doFinal("zhutui-pii-encrypt-v1".getBytes(StandardCharsets.UTF_8)), "AES");
            SecretKeySpec hashKey = new SecretKeySpec(derive.doFinal("zhutui-pii-hash-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
            fingerprint = HexFormat.of().formatHex(derive.doFinal("zhutui-pii-fingerprint-v1".getBytes(StandardCharsets.UTF_8)));
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The app's key: a key file (as {@code zhutui.pii.key-file}, by default {@code pii.key} beside the
     * files directory) or the base64 key itself (as {@code zhutui.pii.key}).
     */
    static Pii of(String keyFileOrBase64) {
        String given = keyFileOrBase64.trim();
        Path file = Path.of(given);
        String base64 = given;
        if (Files.isRegularFile(file)) {
            try {
                base64 = Files.readString(file).trim();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the key file " + file + ": " + e.getMessage(), e);
            }
        }
        byte[] master = null;
        try {
            master = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // neither a key file nor a key
        }
        if (master == null || master.length != 32) {
            throw new IllegalStateException(Files.isRegularFile(file) ? "the key in " + file + " is not 32 bytes of base64"
                    : "no key file " + file.toAbsolutePath() + " (the app's pii.key, beside its files directory) and not a base64 key");
        }
        return new Pii(master);
    }

    /** What the app keeps in pii_key_check: a database encrypted with another key is refused. */
    String fingerprint() {
        return fingerprint;
    }

    byte[] encryptId(String clear) {
        try {
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            cipher.init(Cipher.ENCRYPT_MODE, encryptKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(idField);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    String decryptId(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + IV + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a ciphertext of the app");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, encryptKey, new GCMParameterSpec(TAG_BITS, sealed, 1, IV));
            cipher.updateAAD(idField);
            return new String(cipher.doFinal(sealed, 1 + IV, sealed.length - 1 - IV), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: not the app's key", e);
        }
    }

    /** The keyed hash of a normalised ID number, as the app looks people up by. */
    byte[] hashId(String normalised) {
        mac.update(idField);
        mac.update((byte) 0);
        return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** The check digit of the first 17 digits of a resident ID number (GB 11643), as IdNumbers computes it. */
    static char checkDigit(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
