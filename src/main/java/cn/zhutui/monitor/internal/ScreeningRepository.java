package cn.zhutui.monitor.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The department screening batches' SQL: the batch with its counts, and its unmatched rows (masked). */
@Repository
public class ScreeningRepository {

    private final JdbcClient jdbc;

    ScreeningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Batch(long id, String department, String fileName, String regionCode, int rowsRead, int matched, int unmatched, int attached,
                        int opened, Long jobId, Long createdBy, OffsetDateTime createdAt) {
    }

    public record Miss(int rowNo, String name, String maskedId, String reason) {
    }

    /** The batch of this department and file, if it was matched already. */
    public Optional<Long> existing(String department, String sha256) {
        return jdbc.sql("SELECT id FROM monitor_screening WHERE department = :d AND file_sha256 = :s").param("d", department).param("s", sha256)
                .query(Long.class).optional();
    }

    public long insert(String department, String fileName, String sha256, String region, Long jobId, long userId) {
        return jdbc.sql("""
                        INSERT INTO monitor_screening (department, file_name, file_sha256, scope_path, region_code, job_id, created_by)
                        VALUES (:d, :f, :s, :r, :r, :j, :u) RETURNING id""")
                .param("d", department).param("f", fileName).param("s", sha256).param("r", region).param("j", jobId)
                .param("u", userId == 0 ? null : userId).query(Long.class).single();
    }

    public void counts(long id, int rows, int matched, int unmatched, int attached, int opened) {
        jdbc.sql("UPDATE monitor_screening SET rows_read = :r, matched = :m, unmatched = :u, attached = :a, opened = :o WHERE id = :id")
                .param("r", rows).param("m", matched).param("u", unmatched).param("a", attached).param("o", opened).param("id", id).update();
    }

    public void misses(long id, List<Miss> misses) {
        for (int from = 0; from < misses.size(); from += 2000) {
            List<Miss> chunk = misses.subList(from, Math.min(misses.size(), from + 2000));
            jdbc.sql("""
                            INSERT INTO monitor_screening_miss (screening_id, row_no, name, masked_id, reason)
                            SELECT :id, * FROM unnest(CAST(:rows AS int[]), CAST(:names AS varchar[]), CAST(:ids AS varchar[]), CAST(:reasons AS varchar[]))""")
                    .param("id", id).param("rows", chunk.stream().map(Miss::rowNo).toArray(Integer[]::new))
                    .param("names", chunk.stream().map(Miss::name).toArray(String[]::new))
                    .param("ids", chunk.stream().map(Miss::maskedId).toArray(String[]::new))
                    .param("reasons", chunk.stream().map(Miss::reason).toArray(String[]::new)).update();
        }
    }

    private static final org.springframework.jdbc.core.RowMapper<Batch> BATCH = (rs, i) -> new Batch(rs.getLong("id"), rs.getString("department"),
            rs.getString("file_name"), rs.getString("region_code"), rs.getInt("rows_read"), rs.getInt("matched"), rs.getInt("unmatched"),
            rs.getInt("attached"), rs.getInt("opened"), (Long) rs.getObject("job_id"), (Long) rs.getObject("created_by"),
            rs.getObject("created_at", OffsetDateTime.class));

    public Optional<Batch> find(long id) {
        return jdbc.sql("SELECT * FROM monitor_screening WHERE id = :id").param("id", id).query(BATCH).optional();
    }

    public Optional<Batch> ofJob(long jobId) {
        return jdbc.sql("SELECT * FROM monitor_screening WHERE job_id = :j").param("j", jobId).query(BATCH).optional();
    }

    public List<Batch> recent(String reach, int limit) {
        return jdbc.sql("SELECT * FROM monitor_screening WHERE region_code LIKE :r || '%' ORDER BY id DESC LIMIT :l")
                .param("r", reach).param("l", limit).query(BATCH).list();
    }

    public List<Miss> missesOf(long id, int limit) {
        return jdbc.sql("SELECT row_no, name, masked_id, reason FROM monitor_screening_miss WHERE screening_id = :id ORDER BY row_no LIMIT :l")
                .param("id", id).param("l", limit)
                .query((rs, i) -> new Miss(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }
}
