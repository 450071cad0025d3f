package cn.zhutui.consult.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.consult.Feedback;
import cn.zhutui.consult.FeedbackForm;
import cn.zhutui.consult.FollowUp;
import cn.zhutui.consult.FollowUpForm;
import cn.zhutui.consult.Outcome;
import cn.zhutui.consult.OutcomeForm;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outcomes, their follow-up notes and the residents' feedback. */
@Repository
public class OutcomeRepository {

    public static final String COLUMNS = """
            x.id, x.meeting_id, x.topic_id, x.org_id, x.action, x.responsible, x.deadline, x.stage, x.done_on, x.done_note, x.solved,
            x.feedback_on, x.published_at, x.published_by, x.public_title, x.public_text, x.version, x.created_by""";
    private static final String FROM = " FROM consult_outcome x JOIN consult_meeting m ON m.id = x.meeting_id"
            + " JOIN consult_topic t ON t.id = x.topic_id JOIN org o ON o.id = x.org_id JOIN region r ON r.code = t.region_code";

    private static final Map<String, String> SORTS = Map.of(
            "deadline", "x.deadline, x.id",
            "deadline_desc", "x.deadline DESC, x.id DESC",
            "held", "m.held_on DESC, x.id",
            "published", "x.published_at DESC NULLS LAST, x.id DESC");

    private final JdbcClient jdbc;

    OutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A list's filters. status: OPEN (not done), OVERDUE (not done, deadline before today), DONE
     * (done, not solved), SOLVED, UNPUBLISHED (agreed in final minutes, not published), PUBLISHED.
     * The period filters the deadlines.
     */
    public record Filter(ConsultScope scope, String orgPath, Long platformId, Long topicId, Long meetingId, String status, LocalDate today,
                         LocalDate deadlineFrom, LocalDate deadlineTo, String regionPath, String text, String sort) {
    }

    private static Where where(Filter f) {
        Where w = f.scope().apply(new Where(), ConsultScope.Of.OUTCOME);
        w.and("o.path LIKE :orgPath || '%'", "orgPath", f.orgPath())
                .and("m.platform_id = :platform", "platform", f.platformId())
                .and("x.topic_id = :topic", "topic", f.topicId())
                .and("x.meeting_id = :meeting", "meeting", f.meetingId())
                .and("x.deadline >= :deadlineFrom", "deadlineFrom", f.deadlineFrom())
                .and("x.deadline <= :deadlineTo", "deadlineTo", f.deadlineTo())
                .and("r.path LIKE :regionPath || '%'", "regionPath", f.regionPath())
                .and("(x.action LIKE '%' || :text || '%' ESCAPE '\\' OR t.title LIKE '%' || :text || '%' ESCAPE '\\'"
                        + " OR x.responsible LIKE '%' || :text || '%' ESCAPE '\\')", "text", Where.escapeLike(f.text()));
        if (f.status() != null) {
            switch (f.status()) {
                case "OPEN" -> w.and("x.done_on IS NULL");
                case "OVERDUE" -> w.and("x.done_on IS NULL AND x.deadline < :today AND m.minutes_state = 'FINAL'").param("today", f.today());
                case "DONE" -> w.and("x.done_on IS NOT NULL AND x.solved IS NOT TRUE");
                case "SOLVED" -> w.and("x.done_on IS NOT NULL AND x.solved");
                case "UNPUBLISHED" -> w.and("x.published_at IS NULL AND m.minutes_state = 'FINAL'");
                case "PUBLISHED" -> w.and("x.published_at IS NOT NULL");
                default -> { }
            }
        }
        return w;
    }

    private static String orderBy(String sort) {
        return sort != null && SORTS.containsKey(sort) ? SORTS.get(sort) : SORTS.get("deadline");
    }

    public Page<Outcome> search(Filter f, PageRequest page) {
        Where w = where(f);
        long total = jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
        List<Outcome> items = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort()) + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(Outcome.class).list();
        return new Page<>(items, total, page);
    }

    public long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<Outcome> consumer) {
        Where w = where(f);
        try (var stream = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort())).params(w.params())
                .query(Outcome.class).stream()) {
            stream.forEach(consumer);
        }
    }

    public boolean visible(long id, ConsultScope scope) {
        Where w = scope.apply(new Where().and("x.id = :id").param("id", id), ConsultScope.Of.OUTCOME);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single() > 0;
    }

    public Optional<Outcome> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_outcome x WHERE x.id = :id").param("id", id).query(Outcome.class).optional();
    }

    public List<Outcome> ofMeeting(long meetingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_outcome x WHERE x.meeting_id = :m ORDER BY x.id").param("m", meetingId)
                .query(Outcome.class).list();
    }

    public List<Outcome> ofTopic(long topicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_outcome x WHERE x.topic_id = :t ORDER BY x.meeting_id, x.id").param("t", topicId)
                .query(Outcome.class).list();
    }

    public long insert(long meetingId, long topicId, long orgId, OutcomeForm f, long userId) {
        return jdbc.sql("""
                        INSERT INTO consult_outcome (meeting_id, topic_id, org_id, action, responsible, deadline, created_by)
                        VALUES (:m, :t, :org, :action, :responsible, :deadline, :user) RETURNING id""")
                .param("m", meetingId).param("t", topicId).param("org", orgId).param("action", f.getAction().trim())
                .param("responsible", f.getResponsible().trim()).param("deadline", f.getDeadline()).param("user", userId)
                .query(Long.class).single();
    }

    public boolean update(long id, OutcomeForm f) {
        return jdbc.sql("""
                        UPDATE consult_outcome SET action = :action, responsible = :responsible, deadline = :deadline,
                               version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("action", f.getAction().trim()).param("responsible", f.getResponsible().trim()).param("deadline", f.getDeadline())
                .param("id", id).param("version", f.getVersion()).update() == 1;
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("DELETE FROM consult_outcome WHERE id = :id AND version = :version").param("id", id).param("version", version).update() == 1;
    }

    public boolean setDeadline(long id, int version, LocalDate deadline) {
        return jdbc.sql("UPDATE consult_outcome SET deadline = :d, version = version + 1, updated_at = now() WHERE id = :id AND version = :version")
                .param("d", deadline).param("id", id).param("version", version).update() == 1;
    }

    public boolean setDone(long id, int version, LocalDate doneOn, String note) {
        return jdbc.sql("""
                        UPDATE consult_outcome SET done_on = CAST(:on AS date), done_note = :note, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("on", doneOn).param("note", note).param("id", id).param("version", version).update() == 1;
    }

    public void setStage(long id, String stage) {
        jdbc.sql("UPDATE consult_outcome SET stage = :s, version = version + 1, updated_at = now() WHERE id = :id")
                .param("s", stage).param("id", id).update();
    }

    /** The latest feedback's verdict; a "not solved" on a carried-out outcome sends it back to follow-up. */
    public void setFeedback(long id, boolean solved, LocalDate on, boolean reopen) {
        jdbc.sql("""
                        UPDATE consult_outcome SET solved = :solved, feedback_on = :on, version = version + 1, updated_at = now(),
                               done_on = CASE WHEN :reopen THEN NULL ELSE done_on END,
                               done_note = CASE WHEN :reopen THEN NULL ELSE done_note END
                         WHERE id = :id""")
                .param("solved", solved).param("on", on).param("reopen", reopen).param("id", id).update();
    }

    public boolean publish(long id, int version, String title, String text, long userId, java.time.OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE consult_outcome SET published_at = CAST(:at AS timestamptz), published_by = :user, public_title = :title, public_text = :text,
                               version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("user", userId).param("title", title).param("text", text).param("id", id).param("version", version)
                .param("at", at).update() == 1;
    }

    public boolean unpublish(long id, int version) {
        return jdbc.sql("""
                        UPDATE consult_outcome SET published_at = NULL, published_by = NULL, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND published_at IS NOT NULL""")
                .param("id", id).param("version", version).update() == 1;
    }

    // ---------------------------------------------------------------- follow-up and feedback

    public List<FollowUp> followUps(long outcomeId) {
        return jdbc.sql("SELECT id, outcome_id, noted_on, stage, note, file_id, noted_by, noted_at FROM consult_followup WHERE outcome_id = :o ORDER BY noted_on, id")
                .param("o", outcomeId).query(FollowUp.class).list();
    }

    public Optional<FollowUp> followUp(long id) {
        return jdbc.sql("SELECT id, outcome_id, noted_on, stage, note, file_id, noted_by, noted_at FROM consult_followup WHERE id = :id")
                .param("id", id).query(FollowUp.class).optional();
    }

    public long insertFollowUp(long outcomeId, FollowUpForm f, Long fileId, long userId) {
        return jdbc.sql("""
                        INSERT INTO consult_followup (outcome_id, noted_on, stage, note, file_id, noted_by)
                        VALUES (:o, :on, :stage, :note, :file, :user) RETURNING id""")
                .param("o", outcomeId).param("on", f.getNotedOn()).param("stage", PlatformRepository.blank(f.getStage()))
                .param("note", f.getNote().trim()).param("file", fileId).param("user", userId).query(Long.class).single();
    }

    public List<Feedback> feedback(long outcomeId) {
        return jdbc.sql("""
                        SELECT id, outcome_id, received_on, source, satisfaction, solved, note, recorded_by, recorded_at
                          FROM consult_feedback WHERE outcome_id = :o ORDER BY received_on, id""")
                .param("o", outcomeId).query(Feedback.class).list();
    }

    public long insertFeedback(long outcomeId, FeedbackForm f, long userId) {
        return jdbc.sql("""
                        INSERT INTO consult_feedback (outcome_id, received_on, source, satisfaction, solved, note, recorded_by)
                        VALUES (:o, :on, :source, :satisfaction, :solved, :note, :user) RETURNING id""")
                .param("o", outcomeId).param("on", f.getReceivedOn()).param("source", f.getSource().trim())
                .param("satisfaction", f.getSatisfaction()).param("solved", f.getSolved())
                .param("note", PlatformRepository.blank(f.getNote())).param("user", userId).query(Long.class).single();
    }

    // ---------------------------------------------------------------- overdue and public

    /** A committee's overdue outcomes: its id, and each outcome's id, deadline and topic title. */
    public record Late(long orgId, long outcomeId, LocalDate deadline, String topicTitle) {
    }

    public List<Late> overdue(LocalDate today) {
        return jdbc.sql("""
                        SELECT x.org_id, x.id AS outcome_id, x.deadline, t.title AS topic_title
                          FROM consult_outcome x JOIN consult_topic t ON t.id = x.topic_id JOIN consult_meeting m ON m.id = x.meeting_id
                         WHERE x.done_on IS NULL AND x.deadline < :today AND m.minutes_state = 'FINAL'
                         ORDER BY x.org_id, x.deadline, x.id""")
                .param("today", today).query(Late.class).list();
    }

    /** An outcome as the public sees it: what the office wrote for publication, and dates and states. */
    public record Published(long id, String publicTitle, String publicText, java.time.OffsetDateTime publishedAt, LocalDate heldOn,
                            LocalDate deadline, LocalDate doneOn, Boolean solved, String platformName, String regionCode) {
    }

    public Page<Published> published(String orgPath, PageRequest page) {
        String from = " FROM consult_outcome x JOIN consult_meeting m ON m.id = x.meeting_id JOIN consult_platform p ON p.id = m.platform_id"
                + " JOIN consult_topic t ON t.id = x.topic_id JOIN org o ON o.id = x.org_id"
                + " WHERE x.published_at IS NOT NULL AND o.path LIKE :path || '%'";
        long total = jdbc.sql("SELECT count(*)" + from).param("path", orgPath).query(Long.class).single();
        List<Published> items = jdbc.sql("SELECT x.id, x.public_title, x.public_text, x.published_at, m.held_on, x.deadline, x.done_on, x.solved,"
                        + " p.name AS platform_name, t.region_code" + from + " ORDER BY x.published_at DESC, x.id DESC LIMIT :limit OFFSET :offset")
                .param("path", orgPath).param("limit", page.size()).param("offset", page.offset()).query(Published.class).list();
        return new Page<>(items, total, page);
    }

    /** Committees with published outcomes and how many: the public index. */
    public Map<Long, Long> publishedByOrg() {
        return jdbc.sql("SELECT org_id, count(*) FROM consult_outcome WHERE published_at IS NOT NULL GROUP BY org_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Outcomes currently overdue by committee, within a subtree, with deadlines in a range (live: depends on today). */
    public Map<Long, Long> overdueByOrg(String orgPath, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                        SELECT x.org_id, count(*) FROM consult_outcome x JOIN org o ON o.id = x.org_id
                          JOIN consult_meeting m ON m.id = x.meeting_id
                         WHERE x.done_on IS NULL AND x.deadline < :today AND x.deadline >= :from AND x.deadline <= :to
                           AND m.minutes_state = 'FINAL'
                           AND o.path LIKE :path || '%' GROUP BY x.org_id""")
                .param("today", today).param("from", from).param("to", to).param("path", orgPath)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The same by platform level, for one subtree. */
    public Map<String, Long> overdueByLevel(String orgPath, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.sql("""
                        SELECT p.level, count(*) FROM consult_outcome x JOIN org o ON o.id = x.org_id
                          JOIN consult_meeting m ON m.id = x.meeting_id JOIN consult_platform p ON p.id = m.platform_id
                         WHERE x.done_on IS NULL AND x.deadline < :today AND x.deadline >= :from AND x.deadline <= :to
                           AND m.minutes_state = 'FINAL' AND o.path LIKE :path || '%' GROUP BY p.level""")
                .param("today", today).param("from", from).param("to", to).param("path", orgPath)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
