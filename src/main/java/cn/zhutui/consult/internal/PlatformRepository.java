package cn.zhutui.consult.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.consult.CouncilSeat;
import cn.zhutui.consult.Platform;
import cn.zhutui.consult.PlatformForm;
import cn.zhutui.consult.SeatForm;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Platforms and their councils. */
@Repository
public class PlatformRepository {

    private static final String COLUMNS = "p.id, p.org_id, p.name, p.level, p.region_code, p.venue, p.description, p.established_on, p.active, p.version";
    private static final String FROM = " FROM consult_platform p JOIN org o ON o.id = p.org_id JOIN region r ON r.code = p.region_code";

    private final JdbcClient jdbc;

    PlatformRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A list's filters: the committee subtree, the level, the place subtree, a name, active only. */
    public record Filter(ConsultScope scope, String orgPath, String level, String regionPath, String text, Boolean active) {
    }

    private static Where where(Filter f) {
        Where w = f.scope().apply(new Where(), ConsultScope.Of.PLATFORM);
        return w.and("o.path LIKE :orgPath || '%'", "orgPath", f.orgPath())
                .and("p.level = :level", "level", f.level())
                .and("r.path LIKE :regionPath || '%'", "regionPath", f.regionPath())
                .and("p.name LIKE '%' || :text || '%' ESCAPE '\\'", "text", Where.escapeLike(f.text()))
                .and("p.active = :active", "active", f.active());
    }

    public Page<Platform> search(Filter f, PageRequest page) {
        Where w = where(f);
        long total = jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
        List<Platform> items = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY r.path, p.name LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(Platform.class).list();
        return new Page<>(items, total, page);
    }

    public List<Platform> all(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY r.path, p.name").params(w.params()).query(Platform.class).list();
    }

    public boolean visible(long id, ConsultScope scope) {
        Where w = scope.apply(new Where().and("p.id = :id").param("id", id), ConsultScope.Of.PLATFORM);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single() > 0;
    }

    public Optional<Platform> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_platform p WHERE p.id = :id").param("id", id).query(Platform.class).optional();
    }

    public List<Platform> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_platform p WHERE p.id IN (:ids)").param("ids", ids).query(Platform.class).list();
    }

    /** The platforms of a committee, active first (for pickers). */
    public List<Platform> ofOrg(long orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_platform p JOIN region r ON r.code = p.region_code WHERE p.org_id = :org"
                + " ORDER BY p.active DESC, r.path, p.name").param("org", orgId).query(Platform.class).list();
    }

    public Optional<Platform> byName(long orgId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_platform p WHERE p.org_id = :org AND p.name = :name")
                .param("org", orgId).param("name", name).query(Platform.class).optional();
    }

    public long insert(long orgId, PlatformForm f, long userId) {
        return jdbc.sql("""
                        INSERT INTO consult_platform (org_id, name, level, region_code, venue, description, established_on, active, created_by)
                        VALUES (:org, :name, :level, :region, :venue, :description, :established, :active, :user) RETURNING id""")
                .param("org", orgId).param("name", f.getName().trim()).param("level", f.getLevel()).param("region", f.getRegionCode())
                .param("venue", blank(f.getVenue())).param("description", blank(f.getDescription()))
                .param("established", f.getEstablishedOn()).param("active", f.isActive()).param("user", userId)
                .query(Long.class).single();
    }

    public boolean update(long id, PlatformForm f) {
        return jdbc.sql("""
                        UPDATE consult_platform SET name = :name, level = :level, region_code = :region, venue = :venue,
                               description = :description, established_on = :established, active = :active,
                               version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("name", f.getName().trim()).param("level", f.getLevel()).param("region", f.getRegionCode())
                .param("venue", blank(f.getVenue())).param("description", blank(f.getDescription()))
                .param("established", f.getEstablishedOn()).param("active", f.isActive())
                .param("id", id).param("version", f.getVersion()).update() == 1;
    }

    /** Topics, meetings and outcomes per platform (the list shows them). */
    public Map<Long, long[]> counts(Collection<Long> platformIds) {
        if (platformIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT p.id,
                               (SELECT count(*) FROM consult_topic t WHERE t.platform_id = p.id AND t.declined_reason IS NULL) AS topics,
                               (SELECT count(*) FROM consult_meeting m WHERE m.platform_id = p.id) AS meetings,
                               (SELECT count(*) FROM consult_topic t WHERE t.platform_id = p.id AND t.solved_on IS NOT NULL) AS solved
                          FROM consult_platform p WHERE p.id IN (:ids)""")
                .param("ids", platformIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // ---------------------------------------------------------------- council

    public List<CouncilSeat> seats(long platformId) {
        return jdbc.sql("""
                        SELECT id, platform_id, member_id, name, identity, role, affiliation, since, until
                          FROM consult_council_seat WHERE platform_id = :p ORDER BY until NULLS FIRST, sort, id""")
                .param("p", platformId).query(CouncilSeat.class).list();
    }

    public Optional<CouncilSeat> seat(long id) {
        return jdbc.sql("SELECT id, platform_id, member_id, name, identity, role, affiliation, since, until FROM consult_council_seat WHERE id = :id")
                .param("id", id).query(CouncilSeat.class).optional();
    }

    public long insertSeat(long platformId, SeatForm f, String name, LocalDate since) {
        int sort = jdbc.sql("SELECT coalesce(max(sort), 0) + 1 FROM consult_council_seat WHERE platform_id = :p").param("p", platformId)
                .query(Integer.class).single();
        return jdbc.sql("""
                        INSERT INTO consult_council_seat (platform_id, member_id, name, identity, role, affiliation, since, sort)
                        VALUES (:p, :member, :name, :identity, :role, :affiliation, :since, :sort) RETURNING id""")
                .param("p", platformId).param("member", f.getMemberId()).param("name", name).param("identity", f.getIdentity())
                .param("role", f.getRole()).param("affiliation", blank(f.getAffiliation())).param("since", since).param("sort", sort)
                .query(Long.class).single();
    }

    public boolean endSeat(long id, LocalDate until) {
        return jdbc.sql("UPDATE consult_council_seat SET until = :until WHERE id = :id AND until IS NULL")
                .param("until", until).param("id", id).update() == 1;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
