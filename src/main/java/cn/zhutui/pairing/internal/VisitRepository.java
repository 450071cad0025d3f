package cn.zhutui.pairing.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.pairing.PairingKind;
import cn.zhutui.pairing.Visit;
import cn.zhutui.pairing.VisitPerson;
import cn.zhutui.pairing.VisitPhoto;
import cn.zhutui.pairing.VisitSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The visits' SQL: the visits, who went, their photos; lists reach through the pairing's scope. */
@Repository
public class VisitRepository {

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewVisit(long pairingId, LocalDate visitDate, String notes, int problemsFound, int problemsSolved, BigDecimal funds,
                           int projects, VisitSource source, OffsetDateTime recordedAt, BigDecimal latitude, BigDecimal longitude,
                           long userId) {
    }

    public record Filter(PairingScope scope, String orgPath, Long unitOrgId, Long pairingId, Long memberId, PairingKind kind,
                         LocalDate from, LocalDate to, String regionPrefix) {
    }

    private static final String COLUMNS = """
            v.id, v.pairing_id, v.visit_date, v.notes, v.problems_found, v.problems_solved, v.funds, v.projects, v.ledger_entry_id,
            v.source, v.recorded_at, v.latitude, v.longitude, v.version, v.created_by, v.created_at, v.updated_at""";
    private static final String FROM = " FROM pairing_visit v JOIN pairing p ON p.id = v.pairing_id JOIN org o ON o.id = p.org_id";

    private static final RowMapper<Visit> VISIT = (rs, i) -> new Visit(rs.getLong("id"), rs.getLong("pairing_id"),
            rs.getObject("visit_date", LocalDate.class), rs.getString("notes"), rs.getInt("problems_found"), rs.getInt("problems_solved"),
            rs.getBigDecimal("funds"), rs.getInt("projects"), (Long) rs.getObject("ledger_entry_id"), VisitSource.valueOf(rs.getString("source")),
            rs.getObject("recorded_at", OffsetDateTime.class), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getInt("version"),
            rs.getLong("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));

    public long insert(NewVisit n) {
        return jdbc.sql("""
                        INSERT INTO pairing_visit (pairing_id, visit_date, notes, problems_found, problems_solved, funds, projects, source,
                                                   recorded_at, latitude, longitude, created_by)
                        VALUES (:pairing, :date, :notes, :found, :solved, :funds, :projects, :source, :recordedAt, :lat, :lng, :user)
                        RETURNING id""")
                .param("pairing", n.pairingId()).param("date", n.visitDate()).param("notes", n.notes()).param("found", n.problemsFound())
                .param("solved", n.problemsSolved()).param("funds", n.funds()).param("projects", n.projects()).param("source", n.source().name())
                .param("recordedAt", n.recordedAt()).param("lat", n.latitude()).param("lng", n.longitude()).param("user", n.userId())
                .query(Long.class).single();
    }

    public boolean update(long id, int version, LocalDate visitDate, String notes, int found, int solved, BigDecimal funds, int projects) {
        return jdbc.sql("""
                        UPDATE pairing_visit SET visit_date = :date, notes = :notes, problems_found = :found, problems_solved = :solved,
                               funds = :funds, projects = :projects, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("date", visitDate).param("notes", notes).param("found", found).param("solved", solved).param("funds", funds)
                .param("projects", projects).param("id", id).param("version", version).update() == 1;
    }

    public void setLedgerEntry(long id, long entryId) {
        jdbc.sql("UPDATE pairing_visit SET ledger_entry_id = :e WHERE id = :id").param("e", entryId).param("id", id).update();
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("DELETE FROM pairing_visit WHERE id = :id AND version = :version").param("id", id).param("version", version).update() == 1;
    }

    public Optional<Visit> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pairing_visit v WHERE v.id = :id").param("id", id).query(VISIT).optional();
    }

    public Page<Visit> search(Filter f, PageRequest page) {
        Where w = where(f);
        long total = jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
        List<Visit> list = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY v.visit_date DESC, v.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(VISIT).list();
        return new Page<>(list, total, page);
    }

    public long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<Visit> consumer) {
        Where w = where(f);
        // a stream holds its connection until closed
        try (var rows = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY v.visit_date, v.id").params(w.params()).query(VISIT).stream()) {
            rows.forEach(consumer);
        }
    }

    private static Where where(Filter f) {
        Where w = new Where();
        f.scope().apply(w);
        w.and("o.path LIKE :orgPath || '%'", "orgPath", f.orgPath());
        w.and("p.unit_org_id = :unit", "unit", f.unitOrgId());
        w.and("v.pairing_id = :pairing", "pairing", f.pairingId());
        w.and("EXISTS (SELECT 1 FROM pairing_visit_person vp WHERE vp.visit_id = v.id AND vp.member_id = :member)", "member", f.memberId());
        w.and("p.kind = :kind", "kind", f.kind() == null ? null : f.kind().name());
        w.and("v.visit_date >= :from", "from", f.from());
        w.and("v.visit_date <= :to", "to", f.to());
        w.and("p.region_code LIKE :region || '%'", "region", f.regionPrefix());
        return w;
    }

    /** Visits of each pairing within [from, to]. */
    public Map<Long, Long> countsByPairing(Collection<Long> pairingIds, LocalDate from, LocalDate to) {
        Map<Long, Long> map = new HashMap<>();
        if (pairingIds.isEmpty()) {
            return map;
        }
        // one array parameter, however many pairings (a province's): no statement with tens of thousands of parameters
        jdbc.sql("""
                        SELECT pairing_id, count(*) FROM pairing_visit
                         WHERE pairing_id = ANY(CAST(:ids AS bigint[])) AND visit_date BETWEEN :from AND :to GROUP BY pairing_id""")
                .param("ids", pairingIds.toArray(new Long[0])).param("from", from).param("to", to)
                .query((rs, n) -> map.put(rs.getLong(1), rs.getLong(2))).list();
        return map;
    }

    /** The last visit day and the number of visits of each pairing. */
    public Map<Long, Object[]> lastVisits(Collection<Long> pairingIds) {
        Map<Long, Object[]> map = new HashMap<>();
        if (pairingIds.isEmpty()) {
            return map;
        }
        jdbc.sql("SELECT pairing_id, max(visit_date), count(*) FROM pairing_visit WHERE pairing_id = ANY(CAST(:ids AS bigint[])) GROUP BY pairing_id")
                .param("ids", pairingIds.toArray(new Long[0]))
                .query((rs, n) -> map.put(rs.getLong(1), new Object[] {rs.getObject(2, LocalDate.class), rs.getLong(3)})).list();
        return map;
    }

    public long countOfPairing(long pairingId) {
        return jdbc.sql("SELECT count(*) FROM pairing_visit WHERE pairing_id = :p").param("p", pairingId).query(Long.class).single();
    }

    /** The first and last visit days of a pairing (null without visits). */
    public LocalDate[] span(long pairingId) {
        return jdbc.sql("SELECT min(visit_date), max(visit_date) FROM pairing_visit WHERE pairing_id = :p").param("p", pairingId)
                .query((rs, i) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).single();
    }

    // ---------------------------------------------------------------- people and photos

    public void replacePeople(long visitId, List<VisitPerson> people) {
        jdbc.sql("DELETE FROM pairing_visit_person WHERE visit_id = :v").param("v", visitId).update();
        for (VisitPerson p : people) {
            jdbc.sql("INSERT INTO pairing_visit_person (visit_id, member_id, user_id, name) VALUES (:v, :m, :u, :n)")
                    .param("v", visitId).param("m", p.memberId()).param("u", p.userId()).param("n", p.name()).update();
        }
    }

    public Map<Long, List<VisitPerson>> people(Collection<Long> visitIds) {
        Map<Long, List<VisitPerson>> map = new LinkedHashMap<>();
        if (!visitIds.isEmpty()) {
            jdbc.sql("SELECT visit_id, member_id, user_id, name FROM pairing_visit_person WHERE visit_id IN (:ids) ORDER BY visit_id, id")
                    .param("ids", visitIds)
                    .query((rs, i) -> map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new VisitPerson((Long) rs.getObject(2), (Long) rs.getObject(3), rs.getString(4)))).list();
        }
        return map;
    }

    public long insertPhoto(long visitId, long fileId, long userId) {
        return jdbc.sql("INSERT INTO pairing_visit_photo (visit_id, file_id, uploaded_by) VALUES (:v, :f, :u) RETURNING id")
                .param("v", visitId).param("f", fileId).param("u", userId).query(Long.class).single();
    }

    public Map<Long, List<VisitPhoto>> photos(Collection<Long> visitIds) {
        Map<Long, List<VisitPhoto>> map = new LinkedHashMap<>();
        if (!visitIds.isEmpty()) {
            jdbc.sql("""
                            SELECT ph.id, ph.visit_id, ph.file_id, f.original_name, f.has_thumbnail
                              FROM pairing_visit_photo ph JOIN stored_file f ON f.id = ph.file_id
                             WHERE ph.visit_id IN (:ids) ORDER BY ph.visit_id, ph.id""")
                    .param("ids", visitIds)
                    .query((rs, i) -> map.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new VisitPhoto(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5)))).list();
        }
        return map;
    }

    public boolean deletePhoto(long visitId, long photoId) {
        return jdbc.sql("DELETE FROM pairing_visit_photo WHERE id = :id AND visit_id = :v").param("id", photoId).param("v", visitId).update() == 1;
    }
}
