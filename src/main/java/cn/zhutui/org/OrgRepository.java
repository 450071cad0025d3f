package cn.zhutui.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scope arrives as a path prefix bound as a parameter; paths hold only digits and slashes. */
@Repository
class OrgRepository {

    private static final String COLUMNS = "id, parent_id, name, kind, level, region_code, path, sort, remark, version";

    private final JdbcClient jdbc;

    OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Org> find(long id) {
        return cn.zhutui.common.RequestMemo.get("org." + id,
                () -> jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE id = :id").param("id", id).query(Org.class).optional());
    }

    List<Org> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE id IN (:ids) ORDER BY path COLLATE \"C\"")
                .param("ids", ids).query(Org.class).list();
    }

    List<Org> children(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE parent_id = :parent ORDER BY sort, id")
                .param("parent", parentId).query(Org.class).list();
    }

    List<Org> roots() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE parent_id IS NULL ORDER BY sort, id").query(Org.class).list();
    }

    /** Everything under (and including) a path, tree order. */
    List<Org> subtree(String path) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE path LIKE :path || '%' ORDER BY path COLLATE \"C\"")
                .param("path", path).query(Org.class).list();
    }

    List<Org> subtree(String path, OrgKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE path LIKE :path || '%' AND kind = :kind ORDER BY sort, path COLLATE \"C\"")
                .param("path", path).param("kind", kind.name()).query(Org.class).list();
    }

    List<Org> search(String q, String path, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE path LIKE :path || '%' AND name LIKE '%' || :q || '%' ESCAPE '\\' ORDER BY length(path), sort, id LIMIT :limit")
                .param("path", path).param("q", cn.zhutui.common.Where.escapeLike(q)).param("limit", limit).query(Org.class).list();
    }

    Optional<Org> findCommitteeOfRegion(String regionCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE region_code = :code AND kind = 'COMMITTEE' ORDER BY id LIMIT 1")
                .param("code", regionCode).query(Org.class).optional();
    }

    Map<Long, Long> childCounts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT parent_id, count(*) FROM org WHERE parent_id IN (:ids) GROUP BY parent_id")
                .param("ids", ids).query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long count(String path) {
        return jdbc.sql("SELECT count(*) FROM org WHERE path LIKE :path || '%'").param("path", path).query(Long.class).single();
    }

    long insert(Long parentId, String parentPath, OrgForm f) {
        return jdbc.sql("""
                        WITH n AS (SELECT nextval('org_id_seq') AS id)
                        INSERT INTO org (id, parent_id, name, kind, level, region_code, path, sort, remark)
                        SELECT n.id, :parent, :name, :kind, :level, :region, :parentPath || n.id || '/', :sort, :remark FROM n
                        RETURNING id""")
                .param("parent", parentId).param("parentPath", parentPath).param("name", f.getName().trim())
                .param("kind", f.getKind().name()).param("level", f.getLevel().name()).param("region", f.getRegionCode())
                .param("sort", f.getSort()).param("remark", f.getRemark())
                .query(Long.class).single();
    }

    boolean update(long id, OrgForm f) {
        return jdbc.sql("""
                        UPDATE org SET name = :name, kind = :kind, level = :level, region_code = :region, sort = :sort,
                               remark = :remark, version = version + 1, updated_at = now()
                        WHERE id = :id AND version = :version""")
                .param("id", id).param("version", f.getVersion()).param("name", f.getName().trim())
                .param("kind", f.getKind().name()).param("level", f.getLevel().name()).param("region", f.getRegionCode())
                .param("sort", f.getSort()).param("remark", f.getRemark())
                .update() == 1;
    }

    /** Locks orgs (in id order, so two moves cannot deadlock) until the transaction ends. */
    void lock(Collection<Long> ids) {
        jdbc.sql("SELECT id FROM org WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", ids).query(Long.class).list();
    }

    /** Re-roots a subtree: the org gets the new parent, it and its descendants the new path prefix. */
    boolean move(long id, int version, long newParentId, String oldPath, String newPath) {
        boolean moved = jdbc.sql("UPDATE org SET parent_id = :parent, version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                .param("id", id).param("parent", newParentId).param("version", version).update() == 1;
        if (moved) {
            jdbc.sql("UPDATE org SET path = :newPath || substr(path, length(:oldPath) + 1) WHERE path LIKE :oldPath || '%'")
                    .param("oldPath", oldPath).param("newPath", newPath).update();
        }
        return moved;
    }

    int delete(long id, int version) {
        return jdbc.sql("DELETE FROM org WHERE id = :id AND version = :version").param("id", id).param("version", version).update();
    }
}
