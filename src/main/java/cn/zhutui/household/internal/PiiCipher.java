package cn.zhutui.household.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest: ID numbers and phones are stored only as AES-256-GCM ciphertext, with a
 * keyed hash (HMAC-SHA256) beside the ID number so a person is found by it without decrypting the
 * table. The master key comes from configuration — {@code zhutui.pii.key} (32 bytes, base64), or
 * the file {@code zhutui.pii.key-file} (by default {@code pii.key} beside the files directory,
 * created on the first start of an empty database). Two keys are derived from it, one to encrypt
 * and one to hash. The database keeps the key's fingerprint: a start with another key is refused
 * instead of producing unreadable records. Clear values never go to the log.
 *
 * <p>Ciphertext layout: version (1 byte) · IV (12) · ciphertext with its 16-byte tag. The field
 * name is the additional authenticated data, so a phone's ciphertext cannot pass for an ID number.
 */
@Component
public class PiiCipher {

    private static final Logger log = LoggerFactory.getLogger(PiiCipher.class);
    private static final byte VERSION = 1;
    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final String configuredKey;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile Keys keys;

    private record Keys(SecretKeySpec encrypt, SecretKeySpec hash, String fingerprint) {
    }

    PiiCipher(JdbcClient jdbc, @Value("${zhutui.pii.key:}") String configuredKey, @Value("${zhutui.pii.key-file:}") String keyFile,
              @Value("${zhutui.files.dir:./data/files}") String filesDir) {
        this.jdbc = jdbc;
        this.configuredKey = configuredKey == null ? "" : configuredKey.trim();
        this.keyFile = keyFile == null || keyFile.isBlank()
                ? Path.of(filesDir).toAbsolutePath().normalize().getParent().resolve("pii.key")
                : Path.of(keyFile).toAbsolutePath().normalize();
    }

    /** Checks the key at start-up: a key other than the one the data was encrypted with stops the app. */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        keys();
    }

    public byte[] encrypt(String field, String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys().encrypt(), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String field, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < 1 + IV + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a ciphertext of this application");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, keys().encrypt(), new GCMParameterSpec(TAG_BITS, sealed, 1, IV));
            c.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(sealed, 1 + IV, sealed.length - 1 - IV), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key or altered data)", e);
        }
    }

    /** The keyed hash of a normalised value: equal values hash equal, nobody without the key can test a guess. */
    public byte[] hash(String field, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys().hash());
            mac.update(field.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k;
    }

    private Keys load() {
        String stored = jdbc.sql("SELECT fingerprint FROM pii_key_check WHERE id = 1").query(String.class).optional().orElse(null);
        byte[] master = masterKey(stored == null);
        Keys k = derive(master);
        if (stored == null) {
            jdbc.sql("INSERT INTO pii_key_check (id, fingerprint) VALUES (1, :f) ON CONFLICT (id) DO NOTHING").param("f", k.fingerprint()).update();
            stored = jdbc.sql("SELECT fingerprint FROM pii_key_check WHERE id = 1").query(String.class).single();
        }
        if (!stored.equals(k.fingerprint())) {
            throw new IllegalStateException("The personal-data key (zhutui.pii.key or " + keyFile + ") is not the key this database's "
                    + "ID numbers and phones were encrypted with. Restore the original key; the data cannot be read without it.");
        }
        return k;
    }

    private byte[] masterKey(boolean mayCreate) {
        try {
            if (!configuredKey.isEmpty()) {
                return decode(configuredKey, "zhutui.pii.key");
            }
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile).trim(), keyFile.toString());
            }
            if (!mayCreate) {
                throw new IllegalStateException("The personal-data key is missing: set zhutui.pii.key or restore " + keyFile
                        + " (the database holds data encrypted with it).");
            }
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            log.warn("Created a new personal-data key in {}: back it up with the database (without it the ID numbers and phones "
                    + "cannot be read), or set zhutui.pii.key", keyFile);
            return fresh;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the personal-data key " + keyFile, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The personal-data key in " + source + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("The personal-data key in " + source + " must be 32 bytes (44 base64 characters), not " + key.length);
        }
        return key;
    }

    private static Keys derive(byte[] master) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            byte[] enc = mac.doFinal("zhutui-pii-encrypt-v1".getBytes(StandardCharsets.UTF_8));
            byte[] hash = mac.doFinal("zhutui-pii-hash-v1".getBytes(StandardCharsets.UTF_8));
            byte[] check = mac.doFinal("zhutui-pii-fingerprint-v1".getBytes(StandardCharsets.UTF_8));
            return new Keys(new SecretKeySpec(enc, "AES"), new SecretKeySpec(hash, "HmacSHA256"), HexFormat.of().formatHex(check));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
