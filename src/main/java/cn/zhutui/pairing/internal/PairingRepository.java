package cn.zhutui.pairing.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.pairing.Industry;
import cn.zhutui.pairing.Pairing;
import cn.zhutui.pairing.PairingKind;
import cn.zhutui.pairing.PairingStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pairings' and industries' SQL; scope and filters arrive as bound values through {@link Where}. */
@Repository
public class PairingRepository {

    private final JdbcClient jdbc;

    PairingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewPairing(PairingKind kind, long orgId, long unitOrgId, Long memberId, Long helperOrgId, Long cadreUserId,
                             String cadreName, Long householdId, Long industryId, String regionCode, LocalDate startDate, LocalDate endDate,
                             Long replacesId, String note, long userId, Long importJobId) {
    }

    /**
     * @param orgPath an org subtree; counties a list of target counties; today the day the status is reckoned on
     */
    public record Filter(PairingScope scope, PairingKind kind, String orgPath, Long memberId, Long householdId, PairingStatus status,
                         LocalDate today, String regionPrefix, String text, String sort, Collection<PairingKind> kinds) {
    }

    static final String COLUMNS = """
            p.id, p.kind, p.org_id, p.unit_org_id, p.member_id, p.helper_org_id, p.cadre_user_id, p.cadre_name, p.household_id,
            p.industry_id, p.region_code, p.start_date, p.end_date, p.end_reason, p.replaces_id, p.note, p.version, p.created_at, p.updated_at""";
    private static final String FROM = " FROM pairing p JOIN org o ON o.id = p.org_id LEFT JOIN member hm ON hm.id = p.member_id"
            + " LEFT JOIN org ho ON ho.id = p.helper_org_id";

    static final RowMapper<Pairing> PAIRING = (rs, i) -> new Pairing(rs.getLong("id"), PairingKind.valueOf(rs.getString("kind")),
            rs.getLong("org_id"), rs.getLong("unit_org_id"), (Long) rs.getObject("member_id"), (Long) rs.getObject("helper_org_id"),
            (Long) rs.getObject("cadre_user_id"), rs.getString("cadre_name"), (Long) rs.getObject("household_id"),
            (Long) rs.getObject("industry_id"), rs.getString("region_code"), rs.getObject("start_date", LocalDate.class),
            rs.getObject("end_date", LocalDate.class), rs.getString("end_reason"), (Long) rs.getObject("replaces_id"), rs.getString("note"),
            rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));

    public long insert(NewPairing n) {
        return jdbc.sql("""
                        INSERT INTO pairing (kind, org_id, unit_org_id, member_id, helper_org_id, cadre_user_id, cadre_name, household_id,
                                             industry_id, region_code, start_date, end_date, end_reason, replaces_id, note, created_by, import_job_id)
                        VALUES (:kind, :org, :unit, :member, :helperOrg, :cadreUser, :cadreName, :household, :industry, :region, :start, :end,
                                NULL, :replaces, :note, :user, :job) RETURNING id""")
                .param("kind", n.kind().name()).param("org", n.orgId()).param("unit", n.unitOrgId()).param("member", n.memberId())
                .param("helperOrg", n.helperOrgId()).param("cadreUser", n.cadreUserId()).param("cadreName", n.cadreName())
                .param("household", n.householdId()).param("industry", n.industryId()).param("region", n.regionCode())
                .param("start", n.startDate()).param("end", n.endDate()).param("replaces", n.replacesId()).param("note", n.note())
                .param("user", n.userId() == 0 ? null : n.userId()).param("job", n.importJobId()).query(Long.class).single();
    }

    public Optional<Pairing> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pairing p WHERE p.id = :id").param("id", id).query(PAIRING).optional();
    }

    public List<Pairing> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM pairing p WHERE p.id IN (:ids) ORDER BY p.id").param("ids", ids).query(PAIRING).list();
    }

    public boolean visible(long id, PairingScope scope) {
        Where w = new Where().and("p.id = :id").param("id", id);
        scope.apply(w);
        return jdbc.sql("SELECT count(*) FROM pairing p JOIN org o ON o.id = p.org_id" + w.sql()).params(w.params())
                .query(Long.class).single() > 0;
    }

    public Page<Pairing> search(Filter f, PageRequest page) {
        Where w = where(f);
        long total = jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
        List<Pairing> list = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + order(f.sort()) + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(PAIRING).list();
        return new Page<>(list, total, page);
    }

    public long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<Pairing> consumer) {
        Where w = where(f);
        // a stream holds its connection until closed
        try (var rows = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + order(f.sort())).params(w.params()).query(PAIRING).stream()) {
            rows.forEach(consumer);
        }
    }

    /** Every pairing of the filter (for oversight pages that work on all of them at once). */
    public List<Pairing> list(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY p.id").params(w.params()).query(PAIRING).list();
    }

    /** Pairings of the filter in effect on some day of [from, to]. */
    public List<Pairing> activeDuring(Filter f, LocalDate from, LocalDate to) {
        Where w = where(f);
        w.and("p.start_date <= :dTo").param("dTo", to);
        w.and("(p.end_date IS NULL OR p.end_date >= :dFrom)").param("dFrom", from);
        return jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY p.id").params(w.params()).query(PAIRING).list();
    }

    private static Where where(Filter f) {
        Where w = new Where();
        f.scope().apply(w);
        w.and("p.kind = :kind", "kind", f.kind() == null ? null : f.kind().name());
        w.and("p.kind IN (:kinds)", "kinds", f.kinds() == null ? null : f.kinds().stream().map(Enum::name).toList());
        w.and("o.path LIKE :orgPath || '%'", "orgPath", f.orgPath());
        w.and("p.member_id = :memberId", "memberId", f.memberId());
        w.and("p.household_id = :householdId", "householdId", f.householdId());
        w.and("p.region_code LIKE :regionPrefix || '%'", "regionPrefix", f.regionPrefix());
        if (f.text() != null && !f.text().isBlank()) {
            w.and("(hm.name LIKE '%' || :text || '%' ESCAPE '\\' OR ho.name LIKE '%' || :text || '%' ESCAPE '\\'"
                    + " OR p.cadre_name LIKE '%' || :text || '%' ESCAPE '\\')").param("text", Where.escapeLike(f.text().trim()));
        }
        if (f.status() != null) {
            switch (f.status()) {
                case ACTIVE -> w.and("p.start_date <= :today AND (p.end_date IS NULL OR p.end_date >= :today)");
                case ENDED -> w.and("p.end_date < :today");
                case PLANNED -> w.and("p.start_date > :today");
            }
            w.param("today", f.today());
        }
        return w;
    }

    private static String order(String sort) {
        return switch (sort == null ? "" : sort) {
            case "start" -> " ORDER BY p.start_date DESC, p.id DESC";
            case "helper" -> " ORDER BY coalesce(hm.name, ho.name, p.cadre_name), p.id";
            default -> " ORDER BY p.id DESC";
        };
    }

    public boolean end(long id, int version, LocalDate endDate, String reason) {
        return jdbc.sql("""
                        UPDATE pairing SET end_date = :end, end_reason = :reason, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("end", endDate).param("reason", reason).param("id", id).param("version", version).update() == 1;
    }

    public boolean update(long id, int version, LocalDate startDate, String note) {
        return jdbc.sql("UPDATE pairing SET start_date = :start, note = :note, version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                .param("start", startDate).param("note", note).param("id", id).param("version", version).update() == 1;
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("DELETE FROM pairing WHERE id = :id AND version = :version").param("id", id).param("version", version).update() == 1;
    }

    /** The unit a pairing's figures count under changes (its org moved in the tree). */
    public void setUnit(Collection<Long> ids, long unitOrgId) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE pairing SET unit_org_id = :unit WHERE id IN (:ids)").param("unit", unitOrgId).param("ids", ids).update();
        }
    }

    /** The pairings (of any scope) organised by orgs whose path starts with this one: those an org move touches. */
    public List<Pairing> organisedUnder(String orgPath) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pairing p JOIN org o ON o.id = p.org_id WHERE o.path LIKE :path || '%'")
                .param("path", orgPath).query(PAIRING).list();
    }

    /** Which pairing replaced each of these (if any). */
    public Map<Long, Long> replacedBy(Collection<Long> ids) {
        Map<Long, Long> map = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT replaces_id, id FROM pairing WHERE replaces_id = ANY(CAST(:ids AS bigint[]))").param("ids", ids.toArray(new Long[0]))
                    .query((rs, i) -> map.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return map;
    }

    /** Another pairing of the same helper and target whose dates overlap [start, end]. */
    public Optional<Long> overlapping(PairingKind kind, Long memberId, Long helperOrgId, Long cadreUserId, String cadreName, Long householdId,
                                      Long industryId, String regionCode, LocalDate start, LocalDate end, Long exceptId) {
        Where w = new Where().and("p.kind = :kind").param("kind", kind.name());
        w.and(memberId == null ? "p.member_id IS NULL" : "p.member_id = :member").param("member", memberId);
        w.and(helperOrgId == null ? "p.helper_org_id IS NULL" : "p.helper_org_id = :helperOrg").param("helperOrg", helperOrgId);
        w.and(cadreUserId == null ? "p.cadre_user_id IS NULL" : "p.cadre_user_id = :cadreUser").param("cadreUser", cadreUserId);
        w.and(cadreName == null ? "p.cadre_name IS NULL" : "p.cadre_name = :cadreName").param("cadreName", cadreName);
        w.and(householdId == null ? "p.household_id IS NULL" : "p.household_id = :household").param("household", householdId);
        w.and(industryId == null ? "p.industry_id IS NULL" : "p.industry_id = :industry").param("industry", industryId);
        w.and("p.region_code = :region").param("region", regionCode);
        w.and("(p.end_date IS NULL OR p.end_date >= :start)").param("start", start);
        if (end != null) {
            w.and("p.start_date <= :end").param("end", end);
        }
        w.and("p.id <> :except").param("except", exceptId == null ? -1L : exceptId);
        return jdbc.sql("SELECT p.id FROM pairing p" + w.sql() + " LIMIT 1").params(w.params()).query(Long.class).optional();
    }

    /** The household pairings of these members in effect on a day: member id → household ids. */
    public Map<Long, List<Long>> householdsOfMembers(Collection<Long> memberIds, LocalDate day) {
        Map<Long, List<Long>> map = new HashMap<>();
        List<Long> list = List.copyOf(memberIds);
        for (int i = 0; i < list.size(); i += 5000) {
            jdbc.sql("""
                            SELECT member_id, household_id FROM pairing
                             WHERE kind = 'MEMBER_HOUSEHOLD' AND member_id IN (:members)
                               AND start_date <= :day AND (end_date IS NULL OR end_date >= :day)""")
                    .param("members", list.subList(i, Math.min(list.size(), i + 5000))).param("day", day)
                    .query((rs, n) -> map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        }
        return map;
    }

    /** The households a member or a cadre is (or was) paired with. */
    public List<Long> householdsOf(Long memberId, Long userId) {
        if (memberId == null && userId == null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT household_id FROM pairing
                         WHERE household_id IS NOT NULL AND (member_id = :member OR cadre_user_id = :user)""")
                .param("member", memberId == null ? -1L : memberId).param("user", userId == null ? -1L : userId).query(Long.class).list();
    }

    /** Pairings of a household in effect on a day. */
    public long importedBy(long jobId) {
        return jdbc.sql("SELECT count(*) FROM pairing WHERE import_job_id = :j").param("j", jobId).query(Long.class).single();
    }

    public long activeOfHousehold(long householdId, LocalDate day) {
        return jdbc.sql("""
                        SELECT count(*) FROM pairing WHERE household_id = :h AND start_date <= :day AND (end_date IS NULL OR end_date >= :day)""")
                .param("h", householdId).param("day", day).query(Long.class).single();
    }

    // ---------------------------------------------------------------- industries

    private static final RowMapper<Industry> INDUSTRY = (rs, i) -> new Industry(rs.getLong("id"), rs.getString("name"),
            rs.getString("county_code"), rs.getLong("org_id"), rs.getString("description"), rs.getBoolean("active"), rs.getInt("version"));

    public long insertIndustry(String name, String countyCode, long orgId, String description) {
        return jdbc.sql("INSERT INTO pairing_industry (name, county_code, org_id, description) VALUES (:n, :c, :o, :d) RETURNING id")
                .param("n", name).param("c", countyCode).param("o", orgId).param("d", description).query(Long.class).single();
    }

    public boolean updateIndustry(long id, int version, String name, String description, boolean active) {
        return jdbc.sql("""
                        UPDATE pairing_industry SET name = :n, description = :d, active = :a, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :v""")
                .param("n", name).param("d", description).param("a", active).param("id", id).param("v", version).update() == 1;
    }

    public Optional<Industry> industry(long id) {
        return jdbc.sql("SELECT * FROM pairing_industry WHERE id = :id").param("id", id).query(INDUSTRY).optional();
    }

    /** Industries registered by orgs of a subtree, or in counties under a region prefix. */
    public List<Industry> industries(String orgPath, String regionPrefix) {
        Where w = new Where();
        w.and("o.path LIKE :path || '%'", "path", orgPath);
        w.and("i.county_code LIKE :region || '%'", "region", regionPrefix);
        return jdbc.sql("SELECT i.* FROM pairing_industry i JOIN org o ON o.id = i.org_id" + w.sql() + " ORDER BY i.county_code, i.name")
                .params(w.params()).query(INDUSTRY).list();
    }

    public Map<Long, String> industryNames(Collection<Long> ids) {
        Map<Long, String> map = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, name FROM pairing_industry WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, i) -> map.put(rs.getLong(1), rs.getString(2))).list();
        }
        return map;
    }
}
