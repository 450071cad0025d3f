package cn.zhutui.consult.internal;

import cn.zhutui.consult.Step;
import cn.zhutui.consult.StepForm;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The steps of the committees' procedures, and the default they start from (org_id NULL). */
@Repository
public class StepRepository {

    private static final String COLUMNS = "id, org_id, name, name_en, sort, requirement, enabled, version";
    /** The first key of the advisory lock that makes one committee's copy of the default at a time. */
    private static final int COPY_LOCK = 0x7a74_6373;

    private final JdbcClient jdbc;

    StepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every step of a committee, retired ones included, in order. */
    public List<Step> ofOrg(long orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_step WHERE org_id = :org ORDER BY sort, id").param("org", orgId)
                .query(Step.class).list();
    }

    public List<Step> defaults() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_step WHERE org_id IS NULL ORDER BY sort, id").query(Step.class).list();
    }

    public Optional<Step> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_step WHERE id = :id").param("id", id).query(Step.class).optional();
    }

    public List<Step> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_step WHERE id IN (:ids)").param("ids", ids).query(Step.class).list();
    }

    /** Gives a committee its own copy of the default procedure, once (concurrent callers wait for the first). */
    public void copyDefaults(long orgId) {
        jdbc.sql("SELECT count(pg_advisory_xact_lock(:k, :org))").param("k", COPY_LOCK).param("org", (int) orgId).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO consult_step (org_id, name, name_en, sort, requirement, enabled)
                        SELECT :org, name, name_en, sort, requirement, enabled FROM consult_step d
                         WHERE d.org_id IS NULL AND NOT EXISTS (SELECT 1 FROM consult_step s WHERE s.org_id = :org)""")
                .param("org", orgId).update();
    }

    public long insert(long orgId, StepForm f) {
        int sort = jdbc.sql("SELECT coalesce(max(sort), 0) + 10 FROM consult_step WHERE org_id = :org").param("org", orgId)
                .query(Integer.class).single();
        return jdbc.sql("INSERT INTO consult_step (org_id, name, name_en, sort, requirement, enabled) VALUES (:org, :name, :en, :sort, :req, true) RETURNING id")
                .param("org", orgId).param("name", f.getName().trim()).param("en", PlatformRepository.blank(f.getNameEn()))
                .param("sort", sort).param("req", f.getRequirement().name()).query(Long.class).single();
    }

    public boolean update(long id, StepForm f) {
        return jdbc.sql("""
                        UPDATE consult_step SET name = :name, name_en = :en, requirement = :req, enabled = :enabled, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("name", f.getName().trim()).param("en", PlatformRepository.blank(f.getNameEn())).param("req", f.getRequirement().name())
                .param("enabled", f.isEnabled()).param("id", id).param("version", f.getVersion()).update() == 1;
    }

    /** Swaps the places of two steps of one committee. */
    public void swap(Step a, Step b) {
        jdbc.sql("UPDATE consult_step SET sort = CASE id WHEN :a THEN :sb ELSE :sa END, version = version + 1 WHERE id IN (:a, :b)")
                .param("a", a.id()).param("b", b.id()).param("sa", a.sort()).param("sb", b.sort()).update();
    }

    /** How many topics (not declined) stand in a step. */
    public long topicsAt(long stepId) {
        return jdbc.sql("SELECT count(*) FROM consult_topic WHERE step_id = :s AND declined_reason IS NULL").param("s", stepId)
                .query(Long.class).single();
    }
}
