package cn.zhutui.region;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RegionRepository {

    private static final String COLUMNS = "code, name, level, parent_code, path";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RegionRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<Region> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code = :code").param("code", code)
                .query(Region.class).optional();
    }

    List<Region> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code IN (:codes) ORDER BY level, code")
                .param("codes", codes).query(Region.class).list();
    }

    List<Region> roots() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE parent_code IS NULL ORDER BY code").query(Region.class).list();
    }

    List<Region> children(String parentCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE parent_code = :parent ORDER BY code")
                .param("parent", parentCode).query(Region.class).list();
    }

    List<Region> atOrBelow(int level, String underPath) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE level >= :level AND path LIKE :path || '%'")
                .param("level", level).param("path", underPath).query(Region.class).list();
    }

    List<Region> atLevel(int level, String underPath) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE level = :level AND path LIKE :path || '%' ORDER BY code")
                .param("level", level).param("path", underPath).query(Region.class).list();
    }

    Map<String, Long> childCounts(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT parent_code, count(*) AS n FROM region WHERE parent_code IN (:codes) GROUP BY parent_code")
                .param("codes", codes)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** By code prefix, or by name anywhere in it; shallower levels first. */
    List<Region> search(String q, String underPath, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM region
                        WHERE (code LIKE :q || '%' ESCAPE '\\' OR name LIKE '%' || :q || '%' ESCAPE '\\')
                          AND path LIKE :path || '%'
                        ORDER BY level, code LIMIT :limit""")
                .param("q", cn.zhutui.common.Where.escapeLike(q)).param("path", underPath == null ? "/" : underPath).param("limit", limit)
                .query(Region.class).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM region").query(Long.class).single();
    }

    Map<String, Region> existing(Collection<String> codes) {
        return findAll(codes).stream().collect(Collectors.toMap(Region::code, r -> r));
    }

    /** Rows must come parents first so the foreign key holds inside the batch. */
    void upsert(List<Region> rows) {
        template.batchUpdate("""
                        INSERT INTO region (code, name, level, parent_code, path) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code,
                            path = EXCLUDED.path, level = EXCLUDED.level, updated_at = now()""",
                rows, 2000, (PreparedStatement ps, Region r) -> {
                    ps.setString(1, r.code());
                    ps.setString(2, r.name());
                    ps.setInt(3, r.level());
                    ps.setString(4, r.parentCode());
                    ps.setString(5, r.path());
                });
    }

    /** A region that moved takes its subtree with it. */
    void movePaths(String oldPath, String newPath) {
        jdbc.sql("UPDATE region SET path = :newPath || substr(path, length(:oldPath) + 1) WHERE path LIKE :oldPath || '%' AND path <> :oldPath")
                .param("oldPath", oldPath).param("newPath", newPath).update();
    }

    List<String> tags(String code) {
        return jdbc.sql("SELECT tag_code FROM region_tag WHERE region_code = :code ORDER BY tag_code")
                .param("code", code).query(String.class).list();
    }

    Map<String, List<String>> tags(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT region_code, tag_code FROM region_tag WHERE region_code IN (:codes) ORDER BY tag_code")
                .param("codes", codes)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    boolean addTag(String code, String tag) {
        return jdbc.sql("INSERT INTO region_tag (region_code, tag_code) VALUES (:code, :tag) ON CONFLICT DO NOTHING")
                .param("code", code).param("tag", tag).update() == 1;
    }

    boolean removeTag(String code, String tag) {
        return jdbc.sql("DELETE FROM region_tag WHERE region_code = :code AND tag_code = :tag")
                .param("code", code).param("tag", tag).update() == 1;
    }

    List<Region> withTag(String tag) {
        return jdbc.sql("SELECT r.code, r.name, r.level, r.parent_code, r.path FROM region r JOIN region_tag t ON t.region_code = r.code WHERE t.tag_code = :tag ORDER BY r.code")
                .param("tag", tag).query(Region.class).list();
    }
}
