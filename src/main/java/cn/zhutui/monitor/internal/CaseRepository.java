package cn.zhutui.monitor.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.monitor.Channel;
import cn.zhutui.monitor.Clue;
import cn.zhutui.monitor.FollowUp;
import cn.zhutui.monitor.Measure;
import cn.zhutui.monitor.MeasureStatus;
import cn.zhutui.monitor.MeasureType;
import cn.zhutui.monitor.MonitorCase;
import cn.zhutui.monitor.MonitorKind;
import cn.zhutui.monitor.Purpose;
import cn.zhutui.monitor.Review;
import cn.zhutui.monitor.ReviewLevel;
import cn.zhutui.monitor.RiskReason;
import cn.zhutui.monitor.Stage;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases', clues', reviews', plans' and follow-ups' SQL; scope and filters arrive as bound values through {@link Where}. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- mapping

    static final RowMapper<MonitorCase> CASE = (rs, i) -> new MonitorCase(rs.getLong("id"), rs.getLong("household_id"),
            rs.getString("head_name"), rs.getString("region_code"), rs.getString("township_code"), rs.getString("county_code"),
            kind(rs.getString("kind")), reasons(rs.getArray("reasons")), RiskReason.valueOf(rs.getString("main_reason")),
            Stage.valueOf(rs.getString("stage")), rs.getObject("first_clue_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
            rs.getInt("persons"), rs.getObject("visited_on", LocalDate.class), rs.getString("visitors"), rs.getString("findings"),
            rs.getBigDecimal("income_per_head"), rs.getBigDecimal("expense"), (Boolean) rs.getObject("has_labour"),
            rs.getObject("consent_on", LocalDate.class), (Long) rs.getObject("consent_file_id"), (Long) rs.getObject("notice_id"),
            rs.getString("objection"), rs.getObject("decided_on", LocalDate.class), rs.getObject("included_on", LocalDate.class),
            rs.getObject("eliminated_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class), rs.getString("closed_reason"),
            rs.getObject("elim_proposed_on", LocalDate.class), rs.getInt("reopened"), (Long) rs.getObject("responsible_user_id"),
            rs.getInt("version"), (Long) rs.getObject("created_by"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class));

    static final RowMapper<Clue> CLUE = (rs, i) -> new Clue(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("household_id"),
            Channel.valueOf(rs.getString("channel")), reasons(rs.getArray("reasons")), rs.getString("description"), rs.getBigDecimal("amount"),
            rs.getObject("reported_on", LocalDate.class), rs.getString("reporter"), rs.getBoolean("on_behalf"), rs.getString("department"),
            (Long) rs.getObject("screening_id"), (Integer) rs.getObject("source_row"), rs.getString("source_file"), rs.getString("rule"),
            (Integer) rs.getObject("rule_year"), rs.getBigDecimal("figure"), rs.getBigDecimal("line"), rs.getBoolean("opened_case"),
            (Long) rs.getObject("created_by"), rs.getObject("created_at", OffsetDateTime.class));

    static final RowMapper<Review> REVIEW = (rs, i) -> new Review(rs.getLong("id"), rs.getLong("case_id"),
            Purpose.valueOf(rs.getString("purpose")), ReviewLevel.valueOf(rs.getString("level")), rs.getObject("decided_on", LocalDate.class),
            rs.getBoolean("agreed"), (Integer) rs.getObject("participants"), rs.getString("note"), (Long) rs.getObject("notice_id"),
            rs.getLong("decided_by"), rs.getObject("created_at", OffsetDateTime.class));

    static final RowMapper<Measure> MEASURE = (rs, i) -> new Measure(rs.getLong("id"), rs.getLong("case_id"),
            MeasureType.valueOf(rs.getString("type")), rs.getString("description"), rs.getString("responsible_unit"),
            rs.getString("responsible_person"), rs.getObject("planned_on", LocalDate.class), rs.getObject("done_on", LocalDate.class),
            rs.getBigDecimal("amount"), MeasureStatus.valueOf(rs.getString("status")), rs.getInt("version"));

    static final RowMapper<FollowUp> FOLLOW_UP = (rs, i) -> new FollowUp(rs.getLong("id"), rs.getLong("case_id"),
            rs.getObject("visited_on", LocalDate.class), rs.getString("visitors"), rs.getString("notes"), rs.getBigDecimal("income_per_head"),
            rs.getBoolean("rigid_costs_solved"), rs.getBoolean("school_ok"), rs.getBoolean("medical_ok"), rs.getBoolean("housing_ok"),
            rs.getBoolean("water_ok"), (Long) rs.getObject("pairing_visit_id"), (Long) rs.getObject("created_by"));

    private static MonitorKind kind(String s) {
        return s == null || s.isEmpty() ? null : MonitorKind.valueOf(s);
    }

    static List<RiskReason> reasons(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).map(RiskReason::valueOf).toList();
    }

    static String[] codes(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }

    // ---------------------------------------------------------------- cases

    /** A case to open: its household, where it lives, its first clue's day and reasons. */
    public record NewCase(long householdId, String headName, String regionCode, List<RiskReason> reasons, LocalDate firstClueOn,
                          LocalDate deadline, int persons, Long responsibleUserId, Long createdBy) {
    }

    /** Opens cases in one statement per 2,000; returns their ids in the order given. */
    public List<Long> insertCases(List<NewCase> cases) {
        List<Long> ids = new ArrayList<>(cases.size());
        for (int from = 0; from < cases.size(); from += 2000) {
            List<NewCase> chunk = cases.subList(from, Math.min(cases.size(), from + 2000));
            int n = chunk.size();
            Long[] households = new Long[n];
            String[] names = new String[n];
            String[] regions = new String[n];
            String[] reasons = new String[n];
            String[] mains = new String[n];
            String[] first = new String[n];
            String[] deadlines = new String[n];
            Integer[] persons = new Integer[n];
            Long[] responsible = new Long[n];
            Long[] creators = new Long[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                NewCase c = chunk.get(i);
                households[i] = c.householdId();
                names[i] = c.headName();
                regions[i] = c.regionCode();
                reasons[i] = "{" + String.join(",", codes(c.reasons())) + "}";
                mains[i] = c.reasons().get(0).name();
                first[i] = c.firstClueOn().toString();
                deadlines[i] = c.deadline().toString();
                persons[i] = c.persons();
                responsible[i] = c.responsibleUserId();
                creators[i] = c.createdBy();
                order[i] = i;
            }
            ids.addAll(jdbc.sql("""
                            WITH input AS (
                                SELECT * FROM unnest(CAST(:households AS bigint[]), CAST(:names AS varchar[]), CAST(:regions AS varchar[]),
                                                     CAST(:reasons AS varchar[]), CAST(:mains AS varchar[]), CAST(:first AS date[]),
                                                     CAST(:deadlines AS date[]), CAST(:persons AS int[]), CAST(:responsible AS bigint[]),
                                                     CAST(:creators AS bigint[]), CAST(:ord AS int[]))
                                       AS t(household_id, head_name, region_code, reasons, main_reason, first_clue_on, deadline, persons,
                                            responsible_user_id, created_by, ord)),
                            made AS (
                                INSERT INTO monitor_case (household_id, head_name, region_code, township_code, county_code, reasons, main_reason,
                                                          stage, first_clue_on, deadline, persons, responsible_user_id, created_by)
                                SELECT household_id, head_name, region_code, left(region_code, 9), left(region_code, 6),
                                       CAST(reasons AS varchar(20)[]), main_reason, 'CLUE', first_clue_on, deadline, persons,
                                       responsible_user_id, created_by
                                  FROM input ORDER BY ord
                                RETURNING id, household_id)
                            SELECT m.id FROM made m JOIN input i ON i.household_id = m.household_id ORDER BY i.ord""")
                    .param("households", households).param("names", names).param("regions", regions).param("reasons", reasons)
                    .param("mains", mains).param("first", first).param("deadlines", deadlines).param("persons", persons)
                    .param("responsible", responsible).param("creators", creators).param("ord", order)
                    .query(Long.class).list());
        }
        return ids;
    }

    /**
     * Serialises the raising of clues (one at a time, to the end of the transaction), so two
     * clues of one household arriving together never open two cases.
     */
    public void lockRaising() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('monitor:raise'))").query(Object.class).list();
    }

    public Optional<MonitorCase> find(long id) {
        return jdbc.sql("SELECT * FROM monitor_case WHERE id = :id").param("id", id).query(CASE).optional();
    }

    /** The case, locked for a change of its step (one writer at a time). */
    public Optional<MonitorCase> lock(long id) {
        return jdbc.sql("SELECT * FROM monitor_case WHERE id = :id FOR UPDATE").param("id", id).query(CASE).optional();
    }

    public List<MonitorCase> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM monitor_case WHERE id = ANY(:ids) ORDER BY id").param("ids", ids.toArray(new Long[0])).query(CASE).list();
    }

    /** The open case of each of these households (at most one each). */
    public Map<Long, MonitorCase> openCasesOf(Collection<Long> householdIds) {
        Map<Long, MonitorCase> map = new HashMap<>();
        List<Long> all = List.copyOf(householdIds);
        for (int i = 0; i < all.size(); i += 5000) {
            jdbc.sql("SELECT * FROM monitor_case WHERE household_id = ANY(:h) AND stage NOT IN ('ELIMINATED', 'REJECTED')")
                    .param("h", all.subList(i, Math.min(all.size(), i + 5000)).toArray(new Long[0])).query(CASE).list()
                    .forEach(c -> map.put(c.householdId(), c));
        }
        return map;
    }

    public List<MonitorCase> casesOfHousehold(long householdId) {
        return jdbc.sql("SELECT * FROM monitor_case WHERE household_id = :h ORDER BY id DESC").param("h", householdId).query(CASE).list();
    }

    /** The changes a step makes to a case (null fields are left as they are, except where the step clears them). */
    public static final class Change {
        final Map<String, Object> values = new java.util.LinkedHashMap<>();

        public Change set(String column, Object value) {
            if (!column.matches("[a-z_]+")) {
                throw new IllegalArgumentException(column);
            }
            values.put(column, value instanceof Enum<?> e ? e.name() : value);
            return this;
        }
    }

    /** Writes a step's changes if the case still has the version the user saw; false when someone else changed it first. */
    public boolean update(long id, int version, Change change) {
        StringBuilder sql = new StringBuilder("UPDATE monitor_case SET version = version + 1, updated_at = now()");
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<String, Object> e : change.values.entrySet()) {
            String column = e.getKey();
            Object value = e.getValue();
            if (value instanceof List<?> list) {
                sql.append(", ").append(column).append(" = CAST(:").append(column).append(" AS varchar(20)[])");
                value = "{" + String.join(",", list.stream().map(v -> v instanceof Enum<?> en ? en.name() : String.valueOf(v)).toList()) + "}";
            } else if ("elim_checks".equals(column)) {
                sql.append(", ").append(column).append(" = CAST(:").append(column).append(" AS jsonb)");
            } else {
                sql.append(", ").append(column).append(" = :").append(column);
            }
            params.put(column, value);
        }
        sql.append(" WHERE id = :id AND version = :version");
        return jdbc.sql(sql.toString()).params(params).param("id", id).param("version", version).update() == 1;
    }

    /** The list's filters, resolved by the service: a region prefix (scope and choice together) and the rest as chosen. */
    public record Filter(String reach, String regionPrefix, Collection<Stage> stages, MonitorKind kind, RiskReason reason, String name,
                         Boolean overdue, LocalDate today, Integer warnDays, Long householdId, Long responsibleUserId, Long noticeId,
                         String sort, LocalDate noFollowUpSince) {
    }

    private static Where where(Filter f) {
        Where w = new Where();
        if (f.reach() == null) {
            w.and("false");
        } else {
            w.and("c.region_code LIKE :reach || '%'").param("reach", f.reach());
        }
        w.and("c.region_code LIKE :prefix || '%'", "prefix", f.regionPrefix());
        if (f.stages() != null && !f.stages().isEmpty()) {
            w.and("c.stage = ANY(:stages)").param("stages", codes(f.stages()));
        }
        w.and("c.kind = :kind", "kind", f.kind() == null ? null : f.kind().name());
        w.and("c.reasons @> ARRAY[CAST(:reason AS varchar(20))]", "reason", f.reason() == null ? null : f.reason().name());
        w.and("c.head_name LIKE '%' || :name || '%' ESCAPE '\\'", "name", f.name() == null || f.name().isBlank() ? null
                : Where.escapeLike(f.name().trim()));
        w.and("c.household_id = :household", "household", f.householdId());
        w.and("c.responsible_user_id = :responsible", "responsible", f.responsibleUserId());
        w.and("c.notice_id = :notice", "notice", f.noticeId());
        if (Boolean.TRUE.equals(f.overdue())) {
            w.and("c.stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND c.deadline < :today").param("today", f.today());
        } else if (f.warnDays() != null) {
            w.and("c.stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND c.deadline >= :today AND c.deadline < :soon")
                    .param("today", f.today()).param("soon", f.today().plusDays(f.warnDays()));
        }
        return w;
    }

    private static Where followUps(Where w, Filter f) {
        if (f.noFollowUpSince() != null) {
            w.and("c.included_on < :since AND NOT EXISTS (SELECT 1 FROM monitor_followup x WHERE x.case_id = c.id AND x.visited_on >= :since)")
                    .param("since", f.noFollowUpSince());
        }
        return w;
    }

    private static String order(String sort) {
        return switch (sort == null ? "" : sort) {
            case "deadline" -> " ORDER BY c.deadline, c.id";
            case "name" -> " ORDER BY c.head_name, c.id";
            case "region" -> " ORDER BY c.region_code, c.id DESC";
            default -> " ORDER BY c.id DESC";
        };
    }

    public Page<MonitorCase> search(Filter f, PageRequest page) {
        Where w = followUps(where(f), f);
        long total = jdbc.sql("SELECT count(*) FROM monitor_case c" + w.sql()).params(w.params()).query(Long.class).single();
        // The clock's filters (overdue, due soon) match few cases, which the clock's index finds. Taking stage and
        // deadline for independent, the planner expects many and walks the whole table newest first to meet twenty:
        // the fewer cases run late, the longer (a county with none overdue: every case of the province). Found
        // first in a subquery (OFFSET 0 keeps it apart), they are sorted for the page.
        boolean clocked = Boolean.TRUE.equals(f.overdue()) || f.warnDays() != null;
        String from = clocked ? "(SELECT * FROM monitor_case c" + w.sql() + " OFFSET 0) c" : "monitor_case c" + w.sql();
        List<MonitorCase> rows = total == 0 ? List.of() : jdbc.sql("SELECT c.* FROM " + from + order(f.sort())
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(CASE).list();
        return new Page<>(rows, total, page);
    }

    public long count(Filter f) {
        Where w = followUps(where(f), f);
        return jdbc.sql("SELECT count(*) FROM monitor_case c" + w.sql()).params(w.params()).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<MonitorCase> consumer) {
        Where w = followUps(where(f), f);
        try (var rows = jdbc.sql("SELECT c.* FROM monitor_case c" + w.sql() + order(f.sort())).params(w.params()).query(CASE).stream()) {
            rows.forEach(consumer);
        }
    }

    /** The cases still being identified whose deadline falls in [from, to], with their region: for the clock's notices. */
    public List<MonitorCase> clockedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT * FROM monitor_case
                         WHERE stage IN ('CLUE', 'VILLAGE', 'NOTICE', 'TOWNSHIP', 'COUNTY') AND deadline BETWEEN :from AND :to
                         ORDER BY region_code, deadline, id""")
                .param("from", from).param("to", to).query(CASE).list();
    }

    /** Households of the open cases a user is responsible for. */
    public List<Long> householdsOfResponsible(long userId) {
        return jdbc.sql("SELECT household_id FROM monitor_case WHERE responsible_user_id = :u AND stage NOT IN ('ELIMINATED', 'REJECTED')")
                .param("u", userId).query(Long.class).list();
    }

    // ---------------------------------------------------------------- clues

    /** A clue to keep: its case, household and source. */
    public record NewClue(long caseId, long householdId, Channel channel, List<RiskReason> reasons, String description, BigDecimal amount,
                          LocalDate reportedOn, String reporter, boolean onBehalf, String department, Long screeningId, Integer sourceRow,
                          String sourceFile, String rule, Integer ruleYear, BigDecimal figure, BigDecimal line, boolean openedCase,
                          Long createdBy) {
    }

    /** Keeps clues in one statement per 2,000; an automatic rule's clue already raised for its household and year is skipped. Returns ids (null where skipped). */
    public List<Long> insertClues(List<NewClue> clues) {
        List<Long> ids = new ArrayList<>(clues.size());
        for (int from = 0; from < clues.size(); from += 2000) {
            List<NewClue> chunk = clues.subList(from, Math.min(clues.size(), from + 2000));
            int n = chunk.size();
            Object[][] cols = new Object[19][n];
            for (int i = 0; i < n; i++) {
                NewClue c = chunk.get(i);
                cols[0][i] = c.caseId();
                cols[1][i] = c.householdId();
                cols[2][i] = c.channel().name();
                cols[3][i] = "{" + String.join(",", codes(c.reasons())) + "}";
                cols[4][i] = c.description();
                cols[5][i] = c.amount();
                cols[6][i] = c.reportedOn();
                cols[7][i] = c.reporter();
                cols[8][i] = c.onBehalf();
                cols[9][i] = c.department();
                cols[10][i] = c.screeningId();
                cols[11][i] = c.sourceRow();
                cols[12][i] = c.sourceFile();
                cols[13][i] = c.rule();
                cols[14][i] = c.ruleYear();
                cols[15][i] = c.figure();
                cols[16][i] = c.line();
                cols[17][i] = c.openedCase();
                cols[18][i] = c.createdBy();
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Map<Integer, Long> made = new HashMap<>();
            jdbc.sql("""
                            WITH input AS (
                                SELECT * FROM unnest(CAST(:c0 AS bigint[]), CAST(:c1 AS bigint[]), CAST(:c2 AS varchar[]), CAST(:c3 AS varchar[]),
                                                     CAST(:c4 AS varchar[]), CAST(:c5 AS numeric[]), CAST(:c6 AS date[]), CAST(:c7 AS varchar[]),
                                                     CAST(:c8 AS boolean[]), CAST(:c9 AS varchar[]), CAST(:c10 AS bigint[]), CAST(:c11 AS int[]),
                                                     CAST(:c12 AS varchar[]), CAST(:c13 AS varchar[]), CAST(:c14 AS int[]), CAST(:c15 AS numeric[]),
                                                     CAST(:c16 AS numeric[]), CAST(:c17 AS boolean[]), CAST(:c18 AS bigint[]), CAST(:ord AS int[]))
                                       AS t(case_id, household_id, channel, reasons, description, amount, reported_on, reporter, on_behalf,
                                            department, screening_id, source_row, source_file, rule, rule_year, figure, line, opened_case,
                                            created_by, ord))
                            INSERT INTO monitor_clue (case_id, household_id, channel, reasons, description, amount, reported_on, reporter,
                                                      on_behalf, department, screening_id, source_row, source_file, rule, rule_year, figure,
                                                      line, opened_case, created_by)
                            SELECT case_id, household_id, channel, CAST(reasons AS varchar(20)[]), description, amount, reported_on, reporter,
                                   on_behalf, department, screening_id, source_row, source_file, rule, rule_year, figure, line, opened_case,
                                   created_by
                              FROM input ORDER BY ord
                            ON CONFLICT (household_id, rule, rule_year) WHERE rule IS NOT NULL DO NOTHING
                            RETURNING id, case_id, household_id, rule""")
                    .params(params(cols)).param("ord", order)
                    .query((rs, i) -> {
                        made.put(i, rs.getLong(1));
                        return null;
                    }).list();
            // RETURNING follows the insert order; skipped rows (automatic duplicates) leave gaps, found by household and rule
            if (made.size() == n) {
                for (int i = 0; i < n; i++) {
                    ids.add(made.get(i));
                }
            } else {
                ids.addAll(matchSkipped(chunk));
            }
        }
        return ids;
    }

    private static Map<String, Object> params(Object[][] cols) {
        Map<String, Object> p = new HashMap<>();
        // the driver sends Long[], Integer[], Boolean[] and String[] as arrays; dates and amounts go as text, cast in the SQL
        Class<?>[] types = {Long.class, Long.class, String.class, String.class, String.class, String.class, String.class, String.class,
                Boolean.class, String.class, Long.class, Integer.class, String.class, String.class, Integer.class, String.class,
                String.class, Boolean.class, Long.class};
        for (int c = 0; c < cols.length; c++) {
            Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(types[c], cols[c].length);
            for (int i = 0; i < cols[c].length; i++) {
                Object v = cols[c][i];
                typed[i] = v instanceof BigDecimal b ? b.toPlainString() : v instanceof LocalDate d ? d.toString() : v;
            }
            p.put("c" + c, typed);
        }
        return p;
    }

    /** After an insert that skipped some automatic clues: the ids of those kept, null for the skipped. */
    private List<Long> matchSkipped(List<NewClue> chunk) {
        List<Long> ids = new ArrayList<>();
        for (NewClue c : chunk) {
            ids.add(jdbc.sql("SELECT id FROM monitor_clue WHERE case_id = :c AND household_id = :h AND channel = :ch AND reported_on = :d"
                            + (c.rule() == null ? "" : " AND rule = :r AND rule_year = :y") + " ORDER BY id DESC LIMIT 1")
                    .param("c", c.caseId()).param("h", c.householdId()).param("ch", c.channel().name()).param("d", c.reportedOn())
                    .params(c.rule() == null ? Map.of() : Map.of("r", c.rule(), "y", c.ruleYear()))
                    .query(Long.class).optional().orElse(null));
        }
        return ids;
    }

    public List<Clue> clues(long caseId) {
        return jdbc.sql("SELECT * FROM monitor_clue WHERE case_id = :c ORDER BY reported_on, id").param("c", caseId).query(CLUE).list();
    }

    /** Households that already had an automatic clue of this rule for this year of data. */
    public java.util.Set<Long> ruleRaised(String rule, int year, Collection<Long> householdIds) {
        java.util.Set<Long> set = new java.util.HashSet<>();
        List<Long> all = List.copyOf(householdIds);
        for (int i = 0; i < all.size(); i += 5000) {
            set.addAll(jdbc.sql("SELECT household_id FROM monitor_clue WHERE rule = :r AND rule_year = :y AND household_id = ANY(:h)")
                    .param("r", rule).param("y", year).param("h", all.subList(i, Math.min(all.size(), i + 5000)).toArray(new Long[0]))
                    .query(Long.class).list());
        }
        return set;
    }

    // ---------------------------------------------------------------- reviews and notices

    public long insertReview(long caseId, Purpose purpose, ReviewLevel level, LocalDate on, boolean agreed, Integer participants, String note,
                             Long noticeId, long userId) {
        return jdbc.sql("""
                        INSERT INTO monitor_review (case_id, purpose, level, decided_on, agreed, participants, note, notice_id, decided_by)
                        VALUES (:c, :p, :l, :on, :a, :n, :note, :notice, :u) RETURNING id""")
                .param("c", caseId).param("p", purpose.name()).param("l", level.name()).param("on", on).param("a", agreed)
                .param("n", participants).param("note", note).param("notice", noticeId).param("u", userId).query(Long.class).single();
    }

    public List<Review> reviews(long caseId) {
        return jdbc.sql("SELECT * FROM monitor_review WHERE case_id = :c ORDER BY id").param("c", caseId).query(REVIEW).list();
    }

    public record NoticeRow(long id, String villageCode, Purpose purpose, LocalDate startOn, LocalDate endOn, String place) {
    }

    private static final RowMapper<NoticeRow> NOTICE = (rs, i) -> new NoticeRow(rs.getLong("id"), rs.getString("village_code"),
            Purpose.valueOf(rs.getString("purpose")), rs.getObject("start_on", LocalDate.class), rs.getObject("end_on", LocalDate.class),
            rs.getString("place"));

    /** The notice of a village for this purpose and these days (a review session's), made if there is none yet. */
    public long noticeFor(String villageCode, Purpose purpose, LocalDate start, LocalDate end, String place, long userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('monitor_notice:' || :v))").param("v", villageCode).query(Object.class).list();
        return jdbc.sql("""
                        SELECT id FROM monitor_notice WHERE village_code = :v AND purpose = :p AND start_on = :s AND end_on = :e AND place = :place
                         ORDER BY id LIMIT 1""")
                .param("v", villageCode).param("p", purpose.name()).param("s", start).param("e", end).param("place", place)
                .query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                                INSERT INTO monitor_notice (village_code, purpose, start_on, end_on, place, created_by)
                                VALUES (:v, :p, :s, :e, :place, :u) RETURNING id""")
                        .param("v", villageCode).param("p", purpose.name()).param("s", start).param("e", end).param("place", place)
                        .param("u", userId).query(Long.class).single());
    }

    public Optional<NoticeRow> notice(long id) {
        return jdbc.sql("SELECT * FROM monitor_notice WHERE id = :id").param("id", id).query(NOTICE).optional();
    }

    /** The cases a notice lists: those reviewed with it (still on it or already past it). */
    public List<MonitorCase> casesOfNotice(long noticeId) {
        return jdbc.sql("""
                        SELECT c.* FROM monitor_case c
                         WHERE c.id IN (SELECT case_id FROM monitor_review WHERE notice_id = :n) ORDER BY c.head_name, c.id""")
                .param("n", noticeId).query(CASE).list();
    }

    // ---------------------------------------------------------------- plan and follow-ups

    public long insertMeasure(long caseId, MeasureType type, String description, String unit, String person, LocalDate plannedOn,
                              BigDecimal amount, MeasureStatus status, LocalDate doneOn, long userId) {
        return jdbc.sql("""
                        INSERT INTO monitor_measure (case_id, type, description, responsible_unit, responsible_person, planned_on, amount,
                                                     status, done_on, created_by)
                        VALUES (:c, :t, :d, :unit, :person, :planned, :amount, :status, :done, :u) RETURNING id""")
                .param("c", caseId).param("t", type.name()).param("d", description).param("unit", unit).param("person", person)
                .param("planned", plannedOn).param("amount", amount).param("status", status.name()).param("done", doneOn).param("u", userId)
                .query(Long.class).single();
    }

    public boolean updateMeasure(long id, int version, MeasureStatus status, LocalDate doneOn, String description, String unit,
                                 String person, LocalDate plannedOn, BigDecimal amount) {
        return jdbc.sql("""
                        UPDATE monitor_measure SET status = :status, done_on = :done, description = :d, responsible_unit = :unit,
                               responsible_person = :person, planned_on = :planned, amount = :amount, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("status", status.name()).param("done", doneOn).param("d", description).param("unit", unit).param("person", person)
                .param("planned", plannedOn).param("amount", amount).param("id", id).param("version", version).update() == 1;
    }

    public Optional<Measure> measure(long id) {
        return jdbc.sql("SELECT * FROM monitor_measure WHERE id = :id").param("id", id).query(MEASURE).optional();
    }

    public List<Measure> measures(long caseId) {
        return jdbc.sql("SELECT * FROM monitor_measure WHERE case_id = :c ORDER BY id").param("c", caseId).query(MEASURE).list();
    }

    public long insertFollowUp(long caseId, LocalDate on, String visitors, String notes, BigDecimal income, boolean rigid, boolean school,
                               boolean medical, boolean housing, boolean water, Long pairingVisitId, long userId) {
        return jdbc.sql("""
                        INSERT INTO monitor_followup (case_id, visited_on, visitors, notes, income_per_head, rigid_costs_solved, school_ok,
                                                      medical_ok, housing_ok, water_ok, pairing_visit_id, created_by)
                        VALUES (:c, :on, :v, :n, :i, :r, :s, :m, :h, :w, :pv, :u) RETURNING id""")
                .param("c", caseId).param("on", on).param("v", visitors).param("n", notes).param("i", income).param("r", rigid)
                .param("s", school).param("m", medical).param("h", housing).param("w", water).param("pv", pairingVisitId).param("u", userId)
                .query(Long.class).single();
    }

    public List<FollowUp> followUps(long caseId) {
        return jdbc.sql("SELECT * FROM monitor_followup WHERE case_id = :c ORDER BY visited_on, id").param("c", caseId).query(FOLLOW_UP).list();
    }

    /** Open cases in a region with no follow-up since a day (the included ones only): for the workbench. */
    public long withoutFollowUpSince(String reach, LocalDate since) {
        if (reach == null) {
            return 0;
        }
        return jdbc.sql("""
                        SELECT count(*) FROM monitor_case c
                         WHERE c.region_code LIKE :reach || '%' AND c.stage = 'MONITORED' AND c.included_on < :since
                           AND NOT EXISTS (SELECT 1 FROM monitor_followup f WHERE f.case_id = c.id AND f.visited_on >= :since)""")
                .param("reach", reach).param("since", since).query(Long.class).single();
    }

    // ---------------------------------------------------------------- employment

    public record Employment(long personId, long householdId, boolean employed, String note, LocalDate recordedOn) {
    }

    public void saveEmployment(long personId, long householdId, boolean employed, String note, LocalDate on, long userId) {
        jdbc.sql("""
                        INSERT INTO monitor_employment (person_id, household_id, employed, note, recorded_on, recorded_by)
                        VALUES (:p, :h, :e, :n, :on, :u)
                        ON CONFLICT (person_id) DO UPDATE SET household_id = EXCLUDED.household_id, employed = EXCLUDED.employed,
                               note = EXCLUDED.note, recorded_on = EXCLUDED.recorded_on, recorded_by = EXCLUDED.recorded_by, updated_at = now()""")
                .param("p", personId).param("h", householdId).param("e", employed).param("n", note).param("on", on)
                .param("u", userId == 0 ? null : userId).update();
    }

    public Map<Long, Employment> employment(long householdId) {
        Map<Long, Employment> map = new HashMap<>();
        jdbc.sql("SELECT * FROM monitor_employment WHERE household_id = :h").param("h", householdId)
                .query((rs, i) -> employmentRow(rs)).list().forEach(e -> map.put(e.personId(), e));
        return map;
    }

    private static Employment employmentRow(ResultSet rs) throws SQLException {
        return new Employment(rs.getLong("person_id"), rs.getLong("household_id"), rs.getBoolean("employed"), rs.getString("note"),
                rs.getObject("recorded_on", LocalDate.class));
    }

    /** Households where someone was recorded without work and nobody with work: candidates of the 零就业 check. */
    public List<Long> withoutWork() {
        return jdbc.sql("""
                        SELECT household_id FROM monitor_employment GROUP BY household_id
                        HAVING bool_or(NOT employed) AND NOT bool_or(employed) ORDER BY household_id""")
                .query(Long.class).list();
    }

    public Map<Long, Map<Long, Employment>> employmentOf(Collection<Long> householdIds) {
        Map<Long, Map<Long, Employment>> map = new HashMap<>();
        if (householdIds.isEmpty()) {
            return map;
        }
        jdbc.sql("SELECT * FROM monitor_employment WHERE household_id = ANY(:h)").param("h", householdIds.toArray(new Long[0]))
                .query((rs, i) -> employmentRow(rs)).list()
                .forEach(e -> map.computeIfAbsent(e.householdId(), k -> new HashMap<>()).put(e.personId(), e));
        return map;
    }
}
