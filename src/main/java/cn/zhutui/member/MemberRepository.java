package cn.zhutui.member;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    private static final String COLUMNS = "m.id, m.name, m.gender, m.ethnicity, m.sector, m.party, m.employer, m.post, m.phone, m.expertise, m.term, m.remark, m.active, m.version";

    static final RowMapper<Member> MAPPER = (rs, i) -> new Member(rs.getLong("id"), rs.getString("name"),
            rs.getString("gender"), rs.getString("ethnicity"), rs.getString("sector"), rs.getString("party"),
            rs.getString("employer"), rs.getString("post"), rs.getString("phone"), strings(rs, "expertise"),
            rs.getString("term"), rs.getString("remark"), rs.getBoolean("active"), rs.getInt("version"));

    /**
     * A member is in scope when one of their memberships is; the filters are bound parameters.
     * :scope is the user's org path, :orgPath the chosen org (exact or subtree).
     */
    private static final String WHERE = """
             WHERE m.active = :active
               AND EXISTS (SELECT 1 FROM member_org mo JOIN org o ON o.id = mo.org_id
                            WHERE mo.member_id = m.id AND o.path LIKE :scope || '%'
                              AND (CAST(:orgPath AS text) IS NULL
                                   OR (:subtree AND o.path LIKE :orgPath || '%') OR o.path = :orgPath))
               AND (CAST(:self AS bigint) IS NULL OR m.id = :self)
               AND (CAST(:sector AS text) IS NULL OR m.sector = :sector)
               AND (CAST(:committee AS bigint) IS NULL
                    OR EXISTS (SELECT 1 FROM member_org c WHERE c.member_id = m.id AND c.org_id = :committee))
               AND (CAST(:name AS text) IS NULL OR m.name LIKE '%' || :name || '%' ESCAPE '\\')
            """;

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String scopePath, Long self, String orgPath, MemberQuery q) {
    }

    Page<Member> search(Filter f, PageRequest page) {
        long total = bind(jdbc.sql("SELECT count(*) FROM member m" + WHERE), f).query(Long.class).single();
        List<Member> items = bind(jdbc.sql("SELECT " + COLUMNS + " FROM member m" + WHERE + " ORDER BY m.name, m.id LIMIT :limit OFFSET :offset"), f)
                .param("limit", page.size()).param("offset", page.offset()).query(MAPPER).list();
        return new Page<>(items, total, page);
    }

    /** For exports: the whole filtered list, streamed row by row. */
    void forEach(Filter f, java.util.function.Consumer<Member> consumer) {
        try (var stream = bind(jdbc.sql("SELECT " + COLUMNS + " FROM member m" + WHERE + " ORDER BY m.name, m.id"), f).query(MAPPER).stream()) {
            stream.forEach(consumer);
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        MemberQuery q = f.q();
        return spec.param("active", q.active()).param("scope", f.scopePath()).param("orgPath", f.orgPath())
                .param("subtree", q.subtree()).param("self", f.self()).param("sector", blank(q.sector()))
                .param("committee", q.committeeId()).param("name", cn.zhutui.common.Where.escapeLike(blank(q.name())));
    }

    Optional<Member> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.id = :id").param("id", id).query(MAPPER).optional();
    }

    List<Member> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM member m WHERE m.id IN (:ids) ORDER BY m.name, m.id").param("ids", ids).query(MAPPER).list();
    }

    List<Membership> memberships(long memberId) {
        return memberships(List.of(memberId)).getOrDefault(memberId, List.of());
    }

    Map<Long, List<Membership>> memberships(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT mo.member_id, mo.org_id, o.name AS org_name, o.kind AS org_kind, o.path AS org_path, mo.position, mo.main
                          FROM member_org mo JOIN org o ON o.id = mo.org_id
                         WHERE mo.member_id IN (:ids) ORDER BY mo.main DESC, o.path""")
                .param("ids", memberIds).query(Membership.class).list().stream()
                .collect(Collectors.groupingBy(Membership::memberId, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    /** Members with this name and phone in this org, other than the one given. */
    boolean duplicateExists(String name, String phone, long orgId, Long exceptId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM member m JOIN member_org mo ON mo.member_id = m.id
                                        WHERE m.name = :name AND m.phone = :phone AND mo.org_id = :org AND m.active
                                          AND (CAST(:except AS bigint) IS NULL OR m.id <> :except))""")
                .param("name", name).param("phone", phone).param("org", orgId).param("except", exceptId)
                .query(Boolean.class).single();
    }

    long insert(MemberForm f) {
        return jdbc.sql("""
                        INSERT INTO member (name, gender, ethnicity, sector, party, employer, post, phone, expertise, term, remark)
                        VALUES (:name, :gender, :ethnicity, :sector, :party, :employer, :post, :phone, :expertise, :term, :remark)
                        RETURNING id""")
                .params(params(f)).param("expertise", f.expertiseList().toArray(String[]::new))
                .query(Long.class).single();
    }

    boolean update(long id, MemberForm f) {
        return jdbc.sql("""
                        UPDATE member SET name = :name, gender = :gender, ethnicity = :ethnicity, sector = :sector,
                               party = :party, employer = :employer, post = :post, phone = :phone, expertise = :expertise,
                               term = :term, remark = :remark, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .params(params(f)).param("expertise", f.expertiseList().toArray(String[]::new))
                .param("id", id).param("version", f.getVersion())
                .update() == 1;
    }

    boolean setActive(long id, int version, boolean active) {
        return jdbc.sql("UPDATE member SET active = :active, version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                .param("id", id).param("version", version).param("active", active).update() == 1;
    }

    void replaceMemberships(long memberId, List<MembershipForm> memberships) {
        jdbc.sql("DELETE FROM member_org WHERE member_id = :id").param("id", memberId).update();
        boolean main = true;
        for (MembershipForm ms : memberships) {
            jdbc.sql("INSERT INTO member_org (member_id, org_id, position, main) VALUES (:m, :o, :p, :main) ON CONFLICT DO NOTHING")
                    .param("m", memberId).param("o", ms.getOrgId()).param("p", ms.getPosition()).param("main", main).update();
            main = false;
        }
    }

    /** Each active membership under an org: the member and the org's child it lies under (null: the org itself). */
    void membershipsUnder(String path, int depth, java.util.function.BiConsumer<Long, Long> consumer) {
        // depth is a number from the org's own path, not user input
        jdbc.sql("""
                        SELECT mo.member_id, nullif(split_part(o.path, '/', %d), '')::bigint AS child
                          FROM member_org mo JOIN org o ON o.id = mo.org_id JOIN member m ON m.id = mo.member_id
                         WHERE o.path LIKE :path || '%%' AND m.active""".formatted(depth + 2))
                .param("path", path).query(rs -> {
                    long child = rs.getLong(2);
                    consumer.accept(rs.getLong(1), rs.wasNull() ? null : child);
                });
    }

    long countInScope(String scopePath) {
        return jdbc.sql("""
                        SELECT count(DISTINCT mo.member_id) FROM member_org mo JOIN org o ON o.id = mo.org_id
                          JOIN member m ON m.id = mo.member_id
                         WHERE o.path LIKE :scope || '%' AND m.active""")
                .param("scope", scopePath).query(Long.class).single();
    }

    private static Map<String, Object> params(MemberForm f) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", f.getName());
        p.put("gender", f.getGender());
        p.put("ethnicity", f.getEthnicity());
        p.put("sector", f.getSector());
        p.put("party", f.getParty());
        p.put("employer", f.getEmployer());
        p.put("post", f.getPost());
        p.put("phone", blank(f.getPhone()));
        p.put("term", f.getTerm());
        p.put("remark", f.getRemark());
        return p;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
