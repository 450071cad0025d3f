package cn.zhutui.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    private static final String CAMPAIGN = "SELECT id, org_id, name, full_name, description, start_date, end_date, status, period_type, deadline_days, review_by_parent, template_code, version, participation FROM campaign";

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Campaign> all() {
        return jdbc.sql(CAMPAIGN + " ORDER BY start_date DESC, id DESC").query(Campaign.class).list();
    }

    Optional<Campaign> find(long id) {
        return cn.zhutui.common.RequestMemo.get("campaign." + id,
                () -> jdbc.sql(CAMPAIGN + " WHERE id = :id").param("id", id).query(Campaign.class).optional());
    }

    List<FocusArea> focusAreas(long campaignId) {
        return jdbc.sql("SELECT * FROM focus_area WHERE campaign_id = :c ORDER BY sort, id").param("c", campaignId).query(FocusArea.class).list();
    }

    List<TaskType> taskTypes(long campaignId) {
        return jdbc.sql("""
                        SELECT t.* FROM task_type t JOIN focus_area f ON f.id = t.focus_area_id
                         WHERE t.campaign_id = :c ORDER BY f.sort, f.id, t.sort, t.id""")
                .param("c", campaignId).query(TaskType.class).list();
    }

    List<Indicator> indicators(long campaignId) {
        return jdbc.sql("""
                        SELECT i.* FROM indicator i JOIN task_type t ON t.id = i.task_type_id
                         WHERE t.campaign_id = :c ORDER BY i.sort, i.id""")
                .param("c", campaignId).query(Indicator.class).list();
    }

    Optional<TaskType> taskType(long id) {
        return jdbc.sql("SELECT * FROM task_type WHERE id = :id").param("id", id).query(TaskType.class).optional();
    }

    Optional<Indicator> indicator(long id) {
        return jdbc.sql("SELECT * FROM indicator WHERE id = :id").param("id", id).query(Indicator.class).optional();
    }

    Optional<FocusArea> focusArea(long id) {
        return jdbc.sql("SELECT * FROM focus_area WHERE id = :id").param("id", id).query(FocusArea.class).optional();
    }

    Map<cn.zhutui.common.PeriodType, Integer> rhythm(long campaignId) {
        return jdbc.sql("SELECT period_type, days_after FROM campaign_deadline WHERE campaign_id = :c").param("c", campaignId)
                .query((rs, i) -> Map.entry(cn.zhutui.common.PeriodType.valueOf(rs.getString(1)), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void setRhythm(long campaignId, cn.zhutui.common.PeriodType type, Integer days) {
        jdbc.sql("DELETE FROM campaign_deadline WHERE campaign_id = :c AND period_type = :t").param("c", campaignId).param("t", type.name()).update();
        if (days != null) {
            jdbc.sql("INSERT INTO campaign_deadline (campaign_id, period_type, days_after) VALUES (:c, :t, :d)")
                    .param("c", campaignId).param("t", type.name()).param("d", days).update();
        }
    }

    long insertCampaign(CampaignForm f, String templateCode) {
        return jdbc.sql("""
                        INSERT INTO campaign (org_id, name, full_name, description, start_date, end_date, status, period_type,
                                              deadline_days, review_by_parent, template_code, participation)
                        VALUES (:org, :name, :fullName, :description, :start, :end, :status, :periodType, :deadlineDays,
                                :reviewByParent, :template, :participation) RETURNING id""")
                .params(params(f)).param("template", templateCode).query(Long.class).single();
    }

    boolean updateCampaign(long id, CampaignForm f) {
        return jdbc.sql("""
                        UPDATE campaign SET name = :name, full_name = :fullName, description = :description, start_date = :start,
                               end_date = :end, status = :status, period_type = :periodType, deadline_days = :deadlineDays,
                               review_by_parent = :reviewByParent, participation = :participation, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .params(params(f)).param("id", id).param("version", f.getVersion()).update() == 1;
    }

    long insertFocusArea(long campaignId, String name, int sort) {
        return jdbc.sql("INSERT INTO focus_area (campaign_id, name, sort) VALUES (:c, :name, :sort) RETURNING id")
                .param("c", campaignId).param("name", name).param("sort", sort).query(Long.class).single();
    }

    boolean updateFocusArea(long id, int version, String name, int sort) {
        return jdbc.sql("UPDATE focus_area SET name = :name, sort = :sort, version = version + 1 WHERE id = :id AND version = :version")
                .param("id", id).param("version", version).param("name", name).param("sort", sort).update() == 1;
    }

    long insertTaskType(long campaignId, long focusAreaId, String name, String shortName, String description, int sort) {
        return jdbc.sql("""
                        INSERT INTO task_type (campaign_id, focus_area_id, name, short_name, description, sort)
                        VALUES (:c, :f, :name, :short, :description, :sort) RETURNING id""")
                .param("c", campaignId).param("f", focusAreaId).param("name", name).param("short", shortName)
                .param("description", description).param("sort", sort).query(Long.class).single();
    }

    boolean updateTaskType(long id, int version, String name, String shortName, String description, int sort, boolean retired) {
        return jdbc.sql("""
                        UPDATE task_type SET name = :name, short_name = :short, description = :description, sort = :sort,
                               retired = :retired, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("name", name).param("short", shortName)
                .param("description", description).param("sort", sort).param("retired", retired).update() == 1;
    }

    long insertIndicator(long taskTypeId, String name, String unit, boolean decimals, BigDecimal min, BigDecimal max, int sort) {
        return jdbc.sql("""
                        INSERT INTO indicator (task_type_id, name, unit, decimals, min_value, max_value, sort)
                        VALUES (:t, :name, :unit, :decimals, :min, :max, :sort) RETURNING id""")
                .param("t", taskTypeId).param("name", name).param("unit", unit).param("decimals", decimals)
                .param("min", min).param("max", max).param("sort", sort).query(Long.class).single();
    }

    boolean updateIndicator(long id, int version, String name, String unit, boolean decimals, BigDecimal min, BigDecimal max,
                            int sort, boolean retired) {
        return jdbc.sql("""
                        UPDATE indicator SET name = :name, unit = :unit, decimals = :decimals, min_value = :min, max_value = :max,
                               sort = :sort, retired = :retired, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("name", name).param("unit", unit).param("decimals", decimals)
                .param("min", min).param("max", max).param("sort", sort).param("retired", retired).update() == 1;
    }

    int deleteIndicator(long id, int version) {
        return jdbc.sql("DELETE FROM indicator WHERE id = :id AND version = :version").param("id", id).param("version", version).update();
    }

    List<Participant> participants(long campaignId) {
        return jdbc.sql("SELECT p.org_id, o.path, p.with_subtree FROM campaign_participant p JOIN org o ON o.id = p.org_id WHERE p.campaign_id = :c ORDER BY o.path COLLATE \"C\"")
                .param("c", campaignId).query(Participant.class).list();
    }

    void replaceParticipants(long campaignId, Collection<Long> orgIds, boolean withSubtree) {
        jdbc.sql("DELETE FROM campaign_participant WHERE campaign_id = :c").param("c", campaignId).update();
        for (Long org : orgIds) {
            jdbc.sql("INSERT INTO campaign_participant (campaign_id, org_id, with_subtree) VALUES (:c, :o, :w) ON CONFLICT DO NOTHING")
                    .param("c", campaignId).param("o", org).param("w", withSubtree).update();
        }
    }

    /** Targets of several orgs for a year, by org then indicator. */
    Map<Long, Map<Long, BigDecimal>> targets(long campaignId, Collection<Long> orgIds, int year) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        record T(long orgId, long indicatorId, BigDecimal value) {
        }
        return jdbc.sql("SELECT org_id, indicator_id, value FROM campaign_target WHERE campaign_id = :c AND year = :y AND org_id IN (:orgs)")
                .param("c", campaignId).param("y", year).param("orgs", orgIds).query(T.class).list().stream()
                .collect(Collectors.groupingBy(T::orgId, Collectors.toMap(T::indicatorId, T::value)));
    }

    void setTarget(long campaignId, long orgId, int year, long indicatorId, BigDecimal value) {
        if (value == null) {
            jdbc.sql("DELETE FROM campaign_target WHERE org_id = :o AND year = :y AND indicator_id = :i")
                    .param("o", orgId).param("y", year).param("i", indicatorId).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO campaign_target (campaign_id, org_id, year, indicator_id, value) VALUES (:c, :o, :y, :i, :v)
                        ON CONFLICT (org_id, year, indicator_id) DO UPDATE SET value = EXCLUDED.value""")
                .param("c", campaignId).param("o", orgId).param("y", year).param("i", indicatorId).param("v", value).update();
    }

    private static Map<String, Object> params(CampaignForm f) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("org", f.getOrgId());
        p.put("name", f.getName());
        p.put("fullName", f.getFullName());
        p.put("description", f.getDescription());
        p.put("start", f.getStartDate());
        p.put("end", f.getEndDate());
        p.put("status", f.getStatus().name());
        p.put("periodType", f.getPeriodType().name());
        p.put("deadlineDays", f.getDeadlineDays());
        p.put("reviewByParent", String.join(",", f.getReviewByParent()));
        p.put("participation", f.getParticipation().name());
        return p;
    }
}
