package cn.zhutui.consult.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.consult.Meeting;
import cn.zhutui.consult.MeetingFile;
import cn.zhutui.consult.MeetingForm;
import cn.zhutui.consult.MinutesForm;
import cn.zhutui.consult.MinutesState;
import cn.zhutui.consult.Participant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings, their participants with attendance and confirmations, and their files. */
@Repository
public class MeetingRepository {

    public static final String COLUMNS = """
            m.id, m.topic_id, m.platform_id, m.org_id, m.title, m.held_on, m.start_time, m.place, m.host_member_id, m.agenda, m.minutes,
            m.consensus, m.consensus_reached, m.minutes_state, m.sent_at, m.finalized_at, m.version, m.created_by""";
    private static final String FROM = " FROM consult_meeting m JOIN consult_topic t ON t.id = m.topic_id JOIN org o ON o.id = m.org_id"
            + " JOIN region r ON r.code = t.region_code";
    private static final String PARTICIPANT = """
            id, meeting_id, member_id, name, role, affiliation, host, attended, signed_in_at, confirmation, confirmed_at, confirmed_by, sort""";

    private static final Map<String, String> SORTS = Map.of(
            "held", "m.held_on DESC, m.id DESC",
            "held_asc", "m.held_on, m.id",
            "updated", "m.updated_at DESC, m.id DESC");

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A list's filters. toConfirmBy: meetings whose minutes wait for this member's confirmation.
     * minutesLateBefore: meetings held before this day whose minutes are not final.
     */
    public record Filter(ConsultScope scope, String orgPath, Long platformId, Long topicId, MinutesState state, LocalDate from, LocalDate to,
                         String text, Long toConfirmBy, Long hostMemberId, LocalDate minutesLateBefore, String sort) {
    }

    private static Where where(Filter f) {
        Where w = f.scope().apply(new Where(), ConsultScope.Of.MEETING);
        w.and("o.path LIKE :orgPath || '%'", "orgPath", f.orgPath())
                .and("m.platform_id = :platform", "platform", f.platformId())
                .and("m.topic_id = :topic", "topic", f.topicId())
                .and("m.minutes_state = :state", "state", f.state() == null ? null : f.state().name())
                .and("m.held_on >= :from", "from", f.from())
                .and("m.held_on <= :to", "to", f.to())
                .and("(m.title LIKE '%' || :text || '%' ESCAPE '\\' OR t.title LIKE '%' || :text || '%' ESCAPE '\\')", "text", Where.escapeLike(f.text()))
                .and("m.host_member_id = :host", "host", f.hostMemberId())
                .and("m.minutes_state <> 'FINAL' AND m.held_on < :lateBefore", "lateBefore", f.minutesLateBefore());
        if (f.toConfirmBy() != null) {
            w.and("m.minutes_state = 'CONFIRMING' AND EXISTS (SELECT 1 FROM consult_participant c WHERE c.meeting_id = m.id"
                    + " AND c.member_id = :confirmer AND c.attended AND c.confirmation IS NULL)").param("confirmer", f.toConfirmBy());
        }
        return w;
    }

    private static String orderBy(String sort) {
        return sort != null && SORTS.containsKey(sort) ? SORTS.get(sort) : SORTS.get("held");
    }

    public Page<Meeting> search(Filter f, PageRequest page) {
        Where w = where(f);
        long total = jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
        List<Meeting> items = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort()) + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(Meeting.class).list();
        return new Page<>(items, total, page);
    }

    public long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<Meeting> consumer) {
        Where w = where(f);
        try (var stream = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort())).params(w.params())
                .query(Meeting.class).stream()) {
            stream.forEach(consumer);
        }
    }

    public boolean visible(long id, ConsultScope scope) {
        Where w = scope.apply(new Where().and("m.id = :id").param("id", id), ConsultScope.Of.MEETING);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single() > 0;
    }

    public Optional<Meeting> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_meeting m WHERE m.id = :id").param("id", id).query(Meeting.class).optional();
    }

    public List<Meeting> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_meeting m WHERE m.id IN (:ids)").param("ids", ids).query(Meeting.class).list();
    }

    public List<Meeting> ofTopic(long topicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consult_meeting m WHERE m.topic_id = :t ORDER BY m.held_on, m.id").param("t", topicId)
                .query(Meeting.class).list();
    }

    public long insert(long topicId, long platformId, long orgId, MeetingForm f, long userId) {
        return jdbc.sql("""
                        INSERT INTO consult_meeting (topic_id, platform_id, org_id, title, held_on, start_time, place, host_member_id, agenda, created_by)
                        VALUES (:topic, :platform, :org, :title, :heldOn, :start, :place, :host, :agenda, :user) RETURNING id""")
                .param("topic", topicId).param("platform", platformId).param("org", orgId).param("title", f.getTitle().trim())
                .param("heldOn", f.getHeldOn()).param("start", f.getStartTime()).param("place", f.getPlace().trim())
                .param("host", f.getHostMemberId()).param("agenda", PlatformRepository.blank(f.getAgenda())).param("user", userId)
                .query(Long.class).single();
    }

    public boolean update(long id, MeetingForm f) {
        return jdbc.sql("""
                        UPDATE consult_meeting SET title = :title, held_on = :heldOn, start_time = :start, place = :place, host_member_id = :host,
                               agenda = :agenda, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND minutes_state = 'DRAFT'""")
                .param("title", f.getTitle().trim()).param("heldOn", f.getHeldOn()).param("start", f.getStartTime())
                .param("place", f.getPlace().trim()).param("host", f.getHostMemberId()).param("agenda", PlatformRepository.blank(f.getAgenda()))
                .param("id", id).param("version", f.getVersion()).update() == 1;
    }

    public boolean saveMinutes(long id, MinutesForm f) {
        return jdbc.sql("""
                        UPDATE consult_meeting SET minutes = :minutes, consensus = :consensus, consensus_reached = :reached,
                               version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND minutes_state = 'DRAFT'""")
                .param("minutes", PlatformRepository.blank(f.getMinutes())).param("consensus", PlatformRepository.blank(f.getConsensus()))
                .param("reached", f.getConsensusReached()).param("id", id).param("version", f.getVersion()).update() == 1;
    }

    /** Moves the minutes from one state to another, if the meeting is still at the version the user saw. */
    public boolean moveMinutes(long id, int version, MinutesState from, MinutesState to, Long userId) {
        return moveMinutes(id, version, from, to, userId, java.time.OffsetDateTime.now());
    }

    /** The same, at a given moment (a loader entering past meetings gives the day it happened). */
    public boolean moveMinutes(long id, int version, MinutesState from, MinutesState to, Long userId, java.time.OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE consult_meeting SET minutes_state = :to, version = version + 1, updated_at = now(),
                               sent_at = CASE WHEN :to = 'CONFIRMING' THEN CAST(:at AS timestamptz) ELSE sent_at END,
                               finalized_at = CASE WHEN :to = 'FINAL' THEN CAST(:at AS timestamptz) ELSE finalized_at END,
                               finalized_by = CASE WHEN :to = 'FINAL' THEN :user ELSE finalized_by END
                         WHERE id = :id AND version = :version AND minutes_state = :from""")
                .param("to", to.name()).param("from", from.name()).param("user", userId).param("id", id).param("version", version)
                .param("at", at).update() == 1;
    }

    /** Touches the meeting (a change of its participants): its version moves, so a stale form is refused. */
    public void touch(long id) {
        jdbc.sql("UPDATE consult_meeting SET version = version + 1, updated_at = now() WHERE id = :id").param("id", id).update();
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("DELETE FROM consult_meeting WHERE id = :id AND version = :version AND minutes_state = 'DRAFT'")
                .param("id", id).param("version", version).update() == 1;
    }

    // ---------------------------------------------------------------- participants

    public List<Participant> participants(long meetingId) {
        return jdbc.sql("SELECT " + PARTICIPANT + " FROM consult_participant WHERE meeting_id = :m ORDER BY host DESC, sort, id")
                .param("m", meetingId).query(Participant.class).list();
    }

    public Map<Long, List<Participant>> participants(Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + PARTICIPANT + " FROM consult_participant WHERE meeting_id IN (:ids) ORDER BY host DESC, sort, id")
                .param("ids", meetingIds).query(Participant.class).list().stream()
                .collect(Collectors.groupingBy(Participant::meetingId, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    public Optional<Participant> participant(long id) {
        return jdbc.sql("SELECT " + PARTICIPANT + " FROM consult_participant WHERE id = :id").param("id", id).query(Participant.class).optional();
    }

    public long insertParticipant(long meetingId, Long memberId, String name, String role, String affiliation, boolean host) {
        int sort = jdbc.sql("SELECT coalesce(max(sort), 0) + 1 FROM consult_participant WHERE meeting_id = :m").param("m", meetingId)
                .query(Integer.class).single();
        return jdbc.sql("""
                        INSERT INTO consult_participant (meeting_id, member_id, name, role, affiliation, host, sort)
                        VALUES (:m, :member, :name, :role, :affiliation, :host, :sort) RETURNING id""")
                .param("m", meetingId).param("member", memberId).param("name", name).param("role", role)
                .param("affiliation", PlatformRepository.blank(affiliation)).param("host", host).param("sort", sort)
                .query(Long.class).single();
    }

    public void deleteParticipant(long id) {
        jdbc.sql("DELETE FROM consult_participant WHERE id = :id").param("id", id).update();
    }

    /** Makes the given member the host (and only them): the host's row is kept first. */
    public void setHost(long meetingId, long memberId) {
        jdbc.sql("UPDATE consult_participant SET host = (member_id IS NOT DISTINCT FROM :member) WHERE meeting_id = :m")
                .param("member", memberId).param("m", meetingId).update();
    }

    public void setAttendance(long id, Boolean attended) {
        jdbc.sql("UPDATE consult_participant SET attended = :a, signed_in_at = CASE WHEN :a THEN now() ELSE NULL END WHERE id = :id")
                .param("a", attended).param("id", id).update();
    }

    public boolean confirm(long id, String how, long userId) {
        return jdbc.sql("""
                        UPDATE consult_participant SET confirmation = :how, confirmed_at = now(), confirmed_by = :user
                         WHERE id = :id AND confirmation IS NULL AND attended""")
                .param("how", how).param("user", userId).param("id", id).update() == 1;
    }

    public void clearConfirmations(long meetingId) {
        jdbc.sql("UPDATE consult_participant SET confirmation = NULL, confirmed_at = NULL, confirmed_by = NULL WHERE meeting_id = :m")
                .param("m", meetingId).update();
    }

    // ---------------------------------------------------------------- files

    public List<MeetingFile> files(long meetingId) {
        return jdbc.sql("""
                        SELECT f.id, f.meeting_id, f.file_id, f.caption, s.original_name, s.content_type, s.has_thumbnail, f.uploaded_by, f.uploaded_at
                          FROM consult_meeting_file f JOIN stored_file s ON s.id = f.file_id
                         WHERE f.meeting_id = :m ORDER BY f.uploaded_at, f.id""")
                .param("m", meetingId).query(MeetingFile.class).list();
    }

    public long insertFile(long meetingId, long fileId, String caption, long userId) {
        return jdbc.sql("INSERT INTO consult_meeting_file (meeting_id, file_id, caption, uploaded_by) VALUES (:m, :f, :c, :u) RETURNING id")
                .param("m", meetingId).param("f", fileId).param("c", PlatformRepository.blank(caption)).param("u", userId)
                .query(Long.class).single();
    }

    public boolean deleteFile(long meetingId, long id) {
        return jdbc.sql("DELETE FROM consult_meeting_file WHERE id = :id AND meeting_id = :m").param("id", id).param("m", meetingId).update() == 1;
    }

    /** Participants, those present and outcomes of each meeting. */
    public Map<Long, long[]> counts(Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT m.id,
                               (SELECT count(*) FROM consult_participant p WHERE p.meeting_id = m.id),
                               (SELECT count(*) FROM consult_participant p WHERE p.meeting_id = m.id AND p.attended),
                               (SELECT count(*) FROM consult_outcome x WHERE x.meeting_id = m.id)
                          FROM consult_meeting m WHERE m.id IN (:ids)""")
                .param("ids", meetingIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
