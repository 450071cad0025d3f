package cn.zhutui.consult.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.consult.Topic;
import cn.zhutui.consult.TopicForm;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Topics and their moves through the steps. */
@Repository
public class TopicRepository {

    public static final String COLUMNS = """
            t.id, t.platform_id, t.org_id, t.step_id, t.title, t.description, t.source, t.raised_by, t.raised_member_id, t.raised_on,
            t.region_code, t.affected, t.households, t.accepted_by, t.accepted_on, t.declined_reason, t.step_entered_at, t.solved_on,
            t.version, t.created_by, t.created_at""";
    private static final String FROM = " FROM consult_topic t JOIN org o ON o.id = t.org_id JOIN region r ON r.code = t.region_code"
            + " JOIN consult_step s ON s.id = t.step_id";

    private static final Map<String, String> SORTS = Map.of(
            "raised", "t.raised_on DESC, t.id DESC",
            "raised_asc", "t.raised_on, t.id",
            "updated", "t.updated_at DESC, t.id DESC",
            "step", "s.sort, t.step_entered_at, t.id");

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A list's filters, resolved to paths and dates by the service. state: PENDING, OPEN, SOLVED, DECLINED. */
    public record Filter(ConsultScope scope, String orgPath, Long platformId, Long stepId, String source, String regionPath, String text,
                         String state, LocalDate raisedFrom, LocalDate raisedTo, LocalDate solvedFrom, LocalDate solvedTo, String sort) {
    }

    private static Where where(Filter f) {
        Where w = f.scope().apply(new Where(), ConsultScope.Of.TOPIC);
        w.and("o.path LIKE :orgPath || '%'", "orgPath", f.orgPath())
                .and("t.platform_id = :platform", "platform", f.platformId())
                .and("t.step_id = :step", "step", f.stepId())
                .and("t.source = :source", "source", f.source())
                .and("r.path LIKE :regionPath || '%'", "regionPath", f.regionPath())
                .and("t.title LIKE '%' || :text || '%' ESCAPE '\\'", "text", Where.escapeLike(f.text()))
                .and("t.raised_on >= :raisedFrom", "raisedFrom", f.raisedFrom())
                .and("t.raised_on <= :raisedTo", "raisedTo", f.raisedTo())
                .and("t.solved_on >= :solvedFrom", "solvedFrom", f.solvedFrom())
                .and("t.solved_on <= :solvedTo", "solvedTo", f.solvedTo());
        if (f.state() != null) {
            switch (f.state()) {
                case "PENDING" -> w.and("t.accepted_on IS NULL AND t.declined_reason IS NULL");
                case "DECLINED" -> w.and("t.declined_reason IS NOT NULL");
                case "SOLVED" -> w.and("t.solved_on IS NOT NULL AND t.declined_reason IS NULL");
                case "OPEN" -> w.and("t.accepted_on IS NOT NULL AND t.declined_reason IS NULL AND t.solved_on IS NULL");
                case "ACCEPTED" -> w.and("t.accepted_on IS NOT NULL AND t.declined_reason IS NULL");
                default -> { }
            }
        }
        return w;
    }

    private static String orderBy(String sort) {
        return sort != null && SORTS.containsKey(sort) ? SORTS.get(sort) : SORTS.get("raised");
    }

    public Page<Topic> search(Filter f, PageRequest page) {
        Where w = where(f);
        long total = jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
        List<Topic> items = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort()) + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(Topic.class).list();
        return new Page<>(items, total, page);
    }

    public long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<Topic> consumer) {
        Where w = where(f);
        try (var stream = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort())).params(w.params())
                .query(Topic.class).stream()) {
            stream.forEach(consumer);
        }
    }

    /** The topics of a filter in one step, oldest in the step first, at most limit (a column of the board). */
    public List<Topic> inStep(Filter f, long stepId, int limit) {
        Where w = where(f).and("t.step_id = :boardStep").param("boardStep", stepId);
        return jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY t.step_entered_at, t.id LIMIT :limit").params(w.params())
                .param("limit", limit).query(Topic.class).list();
    }

    /** How many topics of a filter stand in each step. */
    public Map<Long, Long> countsByStep(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT t.step_id, count(*)" + FROM + w.sql() + " GROUP BY t.step_id").params(w.params())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public boolean visible(long id, ConsultScope scope) {
        Where w = scope.apply(new Where().and("t.id = :id").param("id", id), ConsultScope.Of.TOPIC);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single() > 0;
    }

    public Optional<Topic> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_topic t WHERE t.id = :id").param("id", id).query(Topic.class).optional();
    }

    public List<Topic> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_topic t WHERE t.id IN (:ids)").param("ids", ids).query(Topic.class).list();
    }

    /** Locks topics for a change of their figures, in id order (no deadlock between two such changes). */
    public void lock(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id FROM consult_topic WHERE id IN (:ids) ORDER BY id FOR UPDATE").param("ids", ids).query(Long.class).list();
        }
    }

    public List<Long> idsOfPlatform(long platformId) {
        return jdbc.sql("SELECT id FROM consult_topic WHERE platform_id = :p ORDER BY id").param("p", platformId).query(Long.class).list();
    }

    public long insert(long orgId, long stepId, TopicForm f, Long acceptedBy, LocalDate acceptedOn, long userId, String importKey) {
        return jdbc.sql("""
                        INSERT INTO consult_topic (platform_id, org_id, step_id, title, description, source, raised_by, raised_member_id,
                                                   raised_on, region_code, affected, households, accepted_by, accepted_on, created_by, import_key)
                        VALUES (:platform, :org, :step, :title, :description, :source, :raisedBy, :raisedMember, :raisedOn, :region,
                                :affected, :households, :acceptedBy, :acceptedOn, :user, :importKey) RETURNING id""")
                .param("platform", f.getPlatformId()).param("org", orgId).param("step", stepId).param("title", f.getTitle().trim())
                .param("description", PlatformRepository.blank(f.getDescription())).param("source", f.getSource())
                .param("raisedBy", PlatformRepository.blank(f.getRaisedBy())).param("raisedMember", f.getRaisedMemberId())
                .param("raisedOn", f.getRaisedOn()).param("region", f.getRegionCode())
                .param("affected", PlatformRepository.blank(f.getAffected())).param("households", f.getHouseholds())
                .param("acceptedBy", acceptedBy).param("acceptedOn", acceptedOn).param("user", userId).param("importKey", importKey)
                .query(Long.class).single();
    }

    public boolean update(long id, TopicForm f) {
        return jdbc.sql("""
                        UPDATE consult_topic SET platform_id = :platform, title = :title, description = :description, source = :source,
                               raised_by = :raisedBy, raised_member_id = :raisedMember, raised_on = :raisedOn, region_code = :region,
                               affected = :affected, households = :households, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("platform", f.getPlatformId()).param("title", f.getTitle().trim())
                .param("description", PlatformRepository.blank(f.getDescription())).param("source", f.getSource())
                .param("raisedBy", PlatformRepository.blank(f.getRaisedBy())).param("raisedMember", f.getRaisedMemberId())
                .param("raisedOn", f.getRaisedOn()).param("region", f.getRegionCode())
                .param("affected", PlatformRepository.blank(f.getAffected())).param("households", f.getHouseholds())
                .param("id", id).param("version", f.getVersion()).update() == 1;
    }

    public boolean accept(long id, int version, long userId, LocalDate on) {
        return jdbc.sql("""
                        UPDATE consult_topic SET accepted_by = :user, accepted_on = :on, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND accepted_on IS NULL AND declined_reason IS NULL""")
                .param("user", userId).param("on", on).param("id", id).param("version", version).update() == 1;
    }

    public boolean decline(long id, int version, String reason) {
        return jdbc.sql("""
                        UPDATE consult_topic SET declined_reason = :reason, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND accepted_on IS NULL AND declined_reason IS NULL""")
                .param("reason", reason).param("id", id).param("version", version).update() == 1;
    }

    public boolean moveTo(long id, int version, long stepId, java.time.OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE consult_topic SET step_id = :step, step_entered_at = CAST(:at AS timestamptz), version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("step", stepId).param("at", at).param("id", id).param("version", version).update() == 1;
    }

    /** Where a topic entered its first step, when (a loader entering the past gives the day). */
    public void entered(long id, java.time.OffsetDateTime at) {
        jdbc.sql("UPDATE consult_topic SET step_entered_at = CAST(:at AS timestamptz) WHERE id = :id").param("at", at).param("id", id).update();
    }

    public void insertMove(long topicId, Long fromStepId, long toStepId, int distance, String reason, long userId, java.time.OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO consult_topic_move (topic_id, from_step_id, to_step_id, distance, reason, moved_by, moved_at)
                        VALUES (:topic, :from, :to, :distance, :reason, :user, CAST(:at AS timestamptz))""")
                .param("topic", topicId).param("from", fromStepId).param("to", toStepId).param("distance", distance)
                .param("reason", reason).param("user", userId).param("at", at).update();
    }

    /** The last day something happened to a topic: raised, a meeting held, an outcome carried out, feedback received. */
    public LocalDate lastActivity(long id) {
        return jdbc.sql("""
                        SELECT greatest(t.raised_on,
                                        (SELECT max(m.held_on) FROM consult_meeting m WHERE m.topic_id = t.id),
                                        (SELECT max(greatest(x.done_on, x.feedback_on)) FROM consult_outcome x WHERE x.topic_id = t.id))
                          FROM consult_topic t WHERE t.id = :id""")
                .param("id", id).query(LocalDate.class).single();
    }

    public record Move(long id, Long fromStepId, long toStepId, int distance, String reason, long movedBy, java.time.OffsetDateTime movedAt) {
    }

    public List<Move> moves(long topicId) {
        return jdbc.sql("SELECT id, from_step_id, to_step_id, distance, reason, moved_by, moved_at FROM consult_topic_move WHERE topic_id = :t ORDER BY moved_at, id")
                .param("t", topicId).query(Move.class).list();
    }

    /** Sets (or clears) the day the topic's problem was solved; answers whether it changed. */
    public boolean setSolved(long id, LocalDate solvedOn) {
        return jdbc.sql("UPDATE consult_topic SET solved_on = CAST(:on AS date), updated_at = now() WHERE id = :id AND solved_on IS DISTINCT FROM CAST(:on AS date)")
                .param("on", solvedOn).param("id", id).update() == 1;
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("DELETE FROM consult_topic WHERE id = :id AND version = :version").param("id", id).param("version", version).update() == 1;
    }

    public boolean exists(long platformId, String importKey) {
        return jdbc.sql("SELECT count(*) FROM consult_topic WHERE platform_id = :p AND import_key = :k").param("p", platformId)
                .param("k", importKey).query(Long.class).single() > 0;
    }

    /** Meetings, outcomes, open outcomes and overdue outcomes of each topic. */
    public Map<Long, long[]> counts(Collection<Long> topicIds, LocalDate today) {
        if (topicIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT t.id,
                               (SELECT count(*) FROM consult_meeting m WHERE m.topic_id = t.id),
                               (SELECT count(*) FROM consult_outcome x WHERE x.topic_id = t.id),
                               (SELECT count(*) FROM consult_outcome x WHERE x.topic_id = t.id AND x.done_on IS NULL),
                               (SELECT count(*) FROM consult_outcome x JOIN consult_meeting m ON m.id = x.meeting_id
                                 WHERE x.topic_id = t.id AND x.done_on IS NULL AND x.deadline < :today AND m.minutes_state = 'FINAL')
                          FROM consult_topic t WHERE t.id IN (:ids)""")
                .param("ids", topicIds).param("today", today)
                .query((rs, n) -> Map.entry(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
