package cn.zhutui.pairing.internal;

import cn.zhutui.pairing.DutyItem;
import cn.zhutui.pairing.DutyRecord;
import cn.zhutui.pairing.DutyRhythm;
import cn.zhutui.pairing.DutyTemplate;
import cn.zhutui.pairing.Evidence;
import cn.zhutui.pairing.PairingKind;
import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The duty templates, their items, and the records that tick them with evidence. */
@Repository
public class DutyRepository {

    private final JdbcClient jdbc;

    DutyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Set<Evidence> evidence(Array array) throws SQLException {
        Set<Evidence> set = EnumSet.noneOf(Evidence.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(Evidence::valueOf).forEach(set::add);
        }
        return set;
    }

    private static final RowMapper<DutyItem> ITEM = (rs, i) -> new DutyItem(rs.getLong("id"), rs.getLong("template_id"), rs.getInt("sort"),
            rs.getString("title"), rs.getInt("target"), rs.getBoolean("counts_visits"), evidence(rs.getArray("evidence")),
            rs.getBoolean("retired"), rs.getInt("version"));

    private static final RowMapper<DutyRecord> RECORD = (rs, i) -> new DutyRecord(rs.getLong("id"), rs.getLong("pairing_id"),
            rs.getLong("item_id"), rs.getString("period"), Evidence.valueOf(rs.getString("evidence")), (Long) rs.getObject("visit_id"),
            (Long) rs.getObject("ledger_entry_id"), rs.getString("consultation_ref"), rs.getInt("quantity"), rs.getString("note"),
            rs.getLong("created_by"), rs.getObject("created_at", OffsetDateTime.class));

    private record Head(long id, PairingKind kind, Long orgId, String name, DutyRhythm rhythm, int version) {
    }

    private static final RowMapper<Head> HEAD = (rs, i) -> new Head(rs.getLong("id"), PairingKind.valueOf(rs.getString("kind")),
            (Long) rs.getObject("org_id"), rs.getString("name"), DutyRhythm.valueOf(rs.getString("rhythm")), rs.getInt("version"));

    /** Every template (defaults and the orgs' own), with their items. */
    public List<DutyTemplate> all() {
        List<Head> heads = jdbc.sql("SELECT * FROM pairing_duty_template ORDER BY id").query(HEAD).list();
        Map<Long, List<DutyItem>> items = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM pairing_duty_item ORDER BY template_id, sort, id").query(ITEM).list()
                .forEach(it -> items.computeIfAbsent(it.templateId(), k -> new ArrayList<>()).add(it));
        return heads.stream().map(h -> new DutyTemplate(h.id(), h.kind(), h.orgId(), h.name(), h.rhythm(), h.version(),
                items.getOrDefault(h.id(), List.of()))).toList();
    }

    public Optional<DutyTemplate> template(long id) {
        return all().stream().filter(t -> t.id() == id).findFirst();
    }

    public long insertTemplate(PairingKind kind, long orgId, String name, DutyRhythm rhythm, long userId) {
        return jdbc.sql("INSERT INTO pairing_duty_template (kind, org_id, name, rhythm, updated_by) VALUES (:k, :o, :n, :r, :u) RETURNING id")
                .param("k", kind.name()).param("o", orgId).param("n", name).param("r", rhythm.name()).param("u", userId).query(Long.class).single();
    }

    public boolean updateTemplate(long id, int version, String name, DutyRhythm rhythm, long userId) {
        return jdbc.sql("""
                        UPDATE pairing_duty_template SET name = :n, rhythm = :r, updated_by = :u, updated_at = now(), version = version + 1
                         WHERE id = :id AND version = :v""")
                .param("n", name).param("r", rhythm.name()).param("u", userId).param("id", id).param("v", version).update() == 1;
    }

    public long insertItem(long templateId, int sort, String title, int target, boolean countsVisits, Collection<Evidence> evidence) {
        return jdbc.sql("""
                        INSERT INTO pairing_duty_item (template_id, sort, title, target, counts_visits, evidence)
                        VALUES (:t, :s, :title, :target, :cv, CAST(:ev AS varchar(20)[])) RETURNING id""")
                .param("t", templateId).param("s", sort).param("title", title).param("target", target).param("cv", countsVisits)
                .param("ev", literal(evidence)).query(Long.class).single();
    }

    public boolean updateItem(long id, int version, int sort, String title, int target, boolean countsVisits, Collection<Evidence> evidence,
                              boolean retired) {
        return jdbc.sql("""
                        UPDATE pairing_duty_item SET sort = :s, title = :title, target = :target, counts_visits = :cv,
                               evidence = CAST(:ev AS varchar(20)[]), retired = :retired, version = version + 1
                         WHERE id = :id AND version = :v""")
                .param("s", sort).param("title", title).param("target", target).param("cv", countsVisits).param("ev", literal(evidence))
                .param("retired", retired).param("id", id).param("v", version).update() == 1;
    }

    public boolean itemInUse(long itemId) {
        return jdbc.sql("SELECT count(*) FROM pairing_duty_record WHERE item_id = :i").param("i", itemId).query(Long.class).single() > 0;
    }

    public boolean deleteItem(long itemId) {
        return jdbc.sql("DELETE FROM pairing_duty_item WHERE id = :i").param("i", itemId).update() == 1;
    }

    private static String literal(Collection<Evidence> evidence) {
        return "{" + String.join(",", evidence.stream().map(Enum::name).toList()) + "}";
    }

    // ---------------------------------------------------------------- records

    public long insertRecord(long pairingId, long itemId, String period, Evidence evidence, Long visitId, Long ledgerEntryId,
                             String consultationRef, int quantity, String note, long userId) {
        return jdbc.sql("""
                        INSERT INTO pairing_duty_record (pairing_id, item_id, period, evidence, visit_id, ledger_entry_id, consultation_ref,
                                                         quantity, note, created_by)
                        VALUES (:p, :i, :period, :ev, :visit, :ledger, :consult, :q, :note, :u) RETURNING id""")
                .param("p", pairingId).param("i", itemId).param("period", period).param("ev", evidence.name()).param("visit", visitId)
                .param("ledger", ledgerEntryId).param("consult", consultationRef).param("q", quantity).param("note", note).param("u", userId)
                .query(Long.class).single();
    }

    public Optional<DutyRecord> record(long id) {
        return jdbc.sql("SELECT * FROM pairing_duty_record WHERE id = :id").param("id", id).query(RECORD).optional();
    }

    public boolean deleteRecord(long id) {
        return jdbc.sql("DELETE FROM pairing_duty_record WHERE id = :id").param("id", id).update() == 1;
    }

    /** The records of these pairings in one period (a quarter or a year id). */
    public List<DutyRecord> records(Collection<Long> pairingIds, Collection<String> periods) {
        if (pairingIds.isEmpty() || periods.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM pairing_duty_record WHERE pairing_id = ANY(CAST(:ids AS bigint[])) AND period IN (:periods) ORDER BY id")
                .param("ids", pairingIds.toArray(new Long[0])).param("periods", periods).query(RECORD).list();
    }

    public List<DutyRecord> recordsOfPairing(long pairingId) {
        return jdbc.sql("SELECT * FROM pairing_duty_record WHERE pairing_id = :p ORDER BY period DESC, id").param("p", pairingId).query(RECORD).list();
    }

    public List<DutyRecord> recordsOfVisits(Collection<Long> visitIds) {
        if (visitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM pairing_duty_record WHERE visit_id IN (:ids) ORDER BY id").param("ids", visitIds).query(RECORD).list();
    }

    public long recordsOfPairingCount(long pairingId) {
        return jdbc.sql("SELECT count(*) FROM pairing_duty_record WHERE pairing_id = :p").param("p", pairingId).query(Long.class).single();
    }
}
