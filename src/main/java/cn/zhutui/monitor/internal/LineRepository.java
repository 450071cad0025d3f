package cn.zhutui.monitor.internal;

import cn.zhutui.monitor.IncomeLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The income lines' SQL. */
@Repository
public class LineRepository {

    private final JdbcClient jdbc;

    LineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The line in force in a year: the row of that year, or of the latest year before it. */
    public Optional<IncomeLine> inForce(String province, int year) {
        return jdbc.sql("""
                        SELECT province_code, year, per_head, note FROM monitor_line
                         WHERE province_code = :p AND year <= :y ORDER BY year DESC LIMIT 1""")
                .param("p", province).param("y", year)
                .query((rs, i) -> new IncomeLine(rs.getString(1), year, rs.getInt(2), rs.getBigDecimal(3), rs.getString(4))).optional();
    }

    public List<IncomeLine> all(String provincePrefix) {
        return jdbc.sql("SELECT province_code, year, per_head, note FROM monitor_line WHERE province_code LIKE :p || '%' ORDER BY province_code, year DESC")
                .param("p", provincePrefix == null ? "" : provincePrefix)
                .query((rs, i) -> new IncomeLine(rs.getString(1), rs.getInt(2), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4))).list();
    }

    public Optional<BigDecimal> exact(String province, int year) {
        return jdbc.sql("SELECT per_head FROM monitor_line WHERE province_code = :p AND year = :y").param("p", province).param("y", year)
                .query(BigDecimal.class).optional();
    }

    public void save(String province, int year, BigDecimal perHead, String note, long userId) {
        jdbc.sql("""
                        INSERT INTO monitor_line (province_code, year, per_head, note, set_by) VALUES (:p, :y, :v, :n, :u)
                        ON CONFLICT (province_code, year) DO UPDATE SET per_head = EXCLUDED.per_head, note = EXCLUDED.note,
                               set_by = EXCLUDED.set_by, set_at = now(), version = monitor_line.version + 1""")
                .param("p", province).param("y", year).param("v", perHead).param("n", note).param("u", userId == 0 ? null : userId).update();
    }

    public List<String> provinces() {
        return jdbc.sql("SELECT DISTINCT province_code FROM monitor_line ORDER BY 1").query(String.class).list();
    }
}
