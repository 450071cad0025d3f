package cn.zhutui.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The one step of bench/generate-monitor.sql that SQL cannot do: the people of the generated
 * households get their ID numbers encrypted (AES-256-GCM) and hashed (HMAC-SHA256) with the app's
 * own key, as the app stores them — pgcrypto has no GCM, and the key never goes to the database.
 *
 * <p>Reads the staged people (bench_monitor_person: county, birth date, gender and the sequence the
 * script numbered them with inside their county, day and gender), makes each one's ID number — the
 * county's code, the birth date, the sequence (odd for men), the check digit — and copies the
 * people into household_person with its ciphertext and keyed hash, in id order, streaming (COPY out
 * of one connection, COPY into another). The clear numbers exist only in this process. A number
 * some person of the database already has (the demo invents its own the same way) is moved 400
 * sequences on (the generator numbers people 1–399; 901–999 are left for numbers nobody has), and
 * counted.
 *
 * <p>Usage (psql runs it from the script with \!): java -cp bench/target/benchmarks.jar
 * cn.zhutui.bench.MonitorPersons jdbc:postgresql://localhost:55432/postgres?user=postgres path/to/pii.key
 */
public final class MonitorPersons {

    private MonitorPersons() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MonitorPersons <jdbc url> <pii.key file or base64 key>");
            System.exit(2);
        }
        try {
            run(args[0], args[1]);
        } catch (Exception e) {
            System.err.println("MonitorPersons failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String url, String key) throws Exception {
        Pii pii = Pii.of(key);
        long started = System.nanoTime();
        try (Connection in = DriverManager.getConnection(url); Connection out = DriverManager.getConnection(url)) {
            Set<String> taken = new HashSet<>();
            try (Statement s = in.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT fingerprint FROM pii_key_check WHERE id = 1")) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no pii_key_check row: start the app once on this database first");
                    }
                    if (!rs.getString(1).equals(pii.fingerprint())) {
                        throw new IllegalStateException("the key " + key + " is not the key this database's ID numbers are encrypted with");
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT id_hash FROM household_person WHERE id_hash IS NOT NULL")) {
                    while (rs.next()) {
                        taken.add(HexFormat.of().formatHex(rs.getBytes(1)));
                    }
                }
            }
            Rows rows = new Rows(pii, taken, new PGCopyOutputStream(out.unwrap(PGConnection.class),
                    "COPY household_person (id, name, id_cipher, id_hash, gender, birth_date, labour, health, schooling, created_at, updated_at)"
                            + " FROM STDIN", 1 << 20));
            // the staged table was written in id order: read as it lies (a sort of millions of rows saved), the
            // people go into household_person in that order, each household's together
            in.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    COPY (SELECT id, name, county, birth_date, gender, seq, labour, health, schooling, created_at
                            FROM bench_monitor_person) TO STDOUT""", rows);
            rows.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("MonitorPersons: %,d people stored with their encrypted and hashed ID numbers in %.1f s (%,d numbers the"
                    + " database had already were moved 400 sequences on; %,d people left without one)%n", rows.count, seconds, rows.moved, rows.clashes);
        }
    }

    /** COPY's text rows in, household_person's rows out. */
    private static final class Rows extends OutputStream {
        private final Pii pii;
        private final Set<String> taken;
        private final PGCopyOutputStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private final StringBuilder id = new StringBuilder(18);
        private final StringBuilder row = new StringBuilder(512);
        private final HexFormat hex = HexFormat.of();
        long count;
        long moved;
        long clashes;

        Rows(Pii pii, Set<String> taken, PGCopyOutputStream target) {
            this.pii = pii;
            this.taken = taken;
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                row(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i - start);
                    row(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(b, start, off + len - start);
        }

        // id, name, county, birth_date, gender, seq, labour, health, schooling, created_at
        private void row(String text) throws IOException {
            String[] c = text.split("\t", -1);
            int seq = Integer.parseInt(c[5]);
            if (seq < 1 || seq > 399) {
                throw new IllegalStateException("sequence " + seq + " of person " + c[0] + " is not in 1-399");
            }
            String number = number(c, seq);
            byte[] hash = pii.hashId(number);
            if (taken.contains(hex.formatHex(hash))) {
                // a number the database already had (the generated ones are unique among themselves: county, day,
                // gender and sequence are): the same person 400 further on, a sequence the generator gives nobody
                moved++;
                number = number(c, seq + 400);
                hash = pii.hashId(number);
            }
            row.setLength(0);
            row.append(c[0]).append('\t').append(c[1]).append('\t');
            if (!taken.contains(hex.formatHex(hash))) {
                row.append("\\\\x").append(hex.formatHex(pii.encryptId(number))).append('\t').append("\\\\x").append(hex.formatHex(hash));
            } else {
                row.append("\\N\t\\N");
                clashes++;
            }
            row.append('\t').append(c[4]).append('\t').append(c[3]).append('\t').append(c[6]).append('\t').append(c[7])
                    .append('\t').append(c[8]).append('\t').append(c[9]).append('\t').append(c[9]).append('\n');
            target.write(row.toString().getBytes(StandardCharsets.UTF_8));
            if (++count % 1_000_000 == 0) {
                System.out.printf("MonitorPersons: %,d people%n", count);
            }
        }

        /** The ID number: county, birth date (yyyyMMdd), sequence, check digit. */
        private String number(String[] c, int seq) {
            id.setLength(0);
            id.append(c[2]).append(c[3], 0, 4).append(c[3], 5, 7).append(c[3], 8, 10);
            id.append((char) ('0' + seq / 100)).append((char) ('0' + seq / 10 % 10)).append((char) ('0' + seq % 10));
            return id.append(Pii.checkDigit(id)).toString();
        }

        void finish() throws IOException, java.sql.SQLException {
            if (line.size() > 0) {
                row(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
            target.endCopy();
        }
    }
}
