package cn.zhutui.household.internal;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import cn.zhutui.household.Goal;
import cn.zhutui.household.GoalAssessment;
import cn.zhutui.household.GoalStatus;
import cn.zhutui.household.Household;
import cn.zhutui.household.HouseholdStatus;
import cn.zhutui.household.Income;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's SQL. Personal data goes in and out only as ciphertext; scope arrives as bound values. */
@Repository
public class HouseholdRepository {

    private final JdbcClient jdbc;

    HouseholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A household with the ciphertexts the service decrypts (or masks) itself. */
    public record Row(Household household, byte[] phoneCipher, byte[] headIdCipher) {
    }

    /** A person's membership with the person's details and the ID ciphertext. */
    public record MemberRow(long membershipId, long householdId, long personId, String name, String relation, String gender,
                            LocalDate birthDate, String labour, String health, String schooling, LocalDate joinedOn, LocalDate leftOn,
                            String leftReason, byte[] idCipher, int personVersion) {
        public boolean head() {
            return "HEAD".equals(relation);
        }
    }

    /** Who can be reached: a region code prefix ("" = everywhere), and households reached through one's own work. */
    public record Reach(String regionPrefix, Collection<Long> own) {
        public boolean nothing() {
            return regionPrefix == null && (own == null || own.isEmpty());
        }
    }

    /** The list's filters, resolved by the service. */
    public record Filter(Reach reach, String regionPrefix, String tag, String name, List<Long> householdIds, HouseholdStatus status,
                         boolean pendingReview, String sort) {
    }

    private static final String COLUMNS = """
            h.id, h.region_code, h.address, h.head_person_id, p.name AS head_name, h.tags, h.status, h.archived_on, h.archive_reason,
            h.duplicate_of, h.phone_cipher, p.id_cipher AS head_id_cipher, h.version, h.created_at, h.updated_at""";
    private static final String FROM = " FROM household h LEFT JOIN household_person p ON p.id = h.head_person_id";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(new Household(rs.getLong("id"), rs.getString("region_code"),
            rs.getString("address"), (Long) rs.getObject("head_person_id"), rs.getString("head_name"), strings(rs.getArray("tags")),
            HouseholdStatus.valueOf(rs.getString("status")), rs.getObject("archived_on", LocalDate.class), rs.getString("archive_reason"),
            (Long) rs.getObject("duplicate_of"), rs.getBytes("phone_cipher") != null, rs.getInt("version"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)),
            rs.getBytes("phone_cipher"), rs.getBytes("head_id_cipher"));

    private static final RowMapper<MemberRow> MEMBER = (rs, i) -> new MemberRow(rs.getLong("membership_id"), rs.getLong("household_id"),
            rs.getLong("person_id"), rs.getString("name"), rs.getString("relation"), rs.getString("gender"),
            rs.getObject("birth_date", LocalDate.class), rs.getString("labour"), rs.getString("health"), rs.getString("schooling"),
            rs.getObject("joined_on", LocalDate.class), rs.getObject("left_on", LocalDate.class), rs.getString("left_reason"),
            rs.getBytes("id_cipher"), rs.getInt("person_version"));

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    // ---------------------------------------------------------------- households

    public long insert(String regionCode, String address, byte[] phoneCipher, List<String> tags, long userId, Long importJobId) {
        return jdbc.sql("""
                        INSERT INTO household (region_code, address, phone_cipher, tags, created_by, import_job_id)
                        VALUES (:region, :address, :phone, CAST(:tags AS varchar(20)[]), :user, :job) RETURNING id""")
                .param("region", regionCode).param("address", address).param("phone", phoneCipher)
                .param("tags", tagsLiteral(tags)).param("user", userId == 0 ? null : userId).param("job", importJobId)
                .query(Long.class).single();
    }

    public void setHead(long householdId, long personId) {
        jdbc.sql("UPDATE household SET head_person_id = :p, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("p", personId).param("id", householdId).update();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE h.id = :id").param("id", id).query(ROW).optional();
    }

    public List<Row> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE h.id IN (:ids) ORDER BY h.id").param("ids", ids).query(ROW).list();
    }

    /** Locks a household for a change of its members (one head at any time needs one writer at a time). */
    public void lock(long id) {
        jdbc.sql("SELECT id FROM household WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
    }

    public boolean update(long id, int version, String regionCode, String address, byte[] phoneCipher, List<String> tags) {
        return jdbc.sql("""
                        UPDATE household SET region_code = :region, address = :address, phone_cipher = :phone,
                               tags = CAST(:tags AS varchar(20)[]), version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("region", regionCode).param("address", address).param("phone", phoneCipher).param("tags", tagsLiteral(tags))
                .param("id", id).param("version", version).update() == 1;
    }

    public void setTags(long id, List<String> tags) {
        jdbc.sql("UPDATE household SET tags = CAST(:tags AS varchar(20)[]), version = version + 1, updated_at = now() WHERE id = :id")
                .param("tags", tagsLiteral(tags)).param("id", id).update();
    }

    public boolean archive(long id, int version, LocalDate on, String reason, Long duplicateOf) {
        return jdbc.sql("""
                        UPDATE household SET status = 'ARCHIVED', archived_on = :on, archive_reason = :reason, duplicate_of = :dup,
                               version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND status = 'ACTIVE'""")
                .param("on", on).param("reason", reason).param("dup", duplicateOf).param("id", id).param("version", version).update() == 1;
    }

    public long importedBy(long jobId) {
        return jdbc.sql("SELECT count(*) FROM household WHERE import_job_id = :j").param("j", jobId).query(Long.class).single();
    }

    public boolean reachable(long id, Reach reach) {
        if (reach.nothing()) {
            return false;
        }
        Where w = new Where().and("h.id = :id").param("id", id);
        reachCondition(w, reach);
        return jdbc.sql("SELECT count(*) FROM household h" + w.sql()).params(w.params()).query(Long.class).single() > 0;
    }

    public Page<Row> search(Filter f, PageRequest page) {
        Where w = where(f);
        long total = jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + order(f.sort()) + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(ROW).list();
        return new Page<>(rows, total, page);
    }

    public long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<Row> consumer) {
        Where w = where(f);
        // a stream holds its connection until closed
        try (var rows = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + order(f.sort())).params(w.params()).query(ROW).stream()) {
            rows.forEach(consumer);
        }
    }

    private static Where where(Filter f) {
        Where w = new Where();
        reachCondition(w, f.reach());
        w.and("h.region_code LIKE :prefix || '%'", "prefix", f.regionPrefix());
        w.and("h.tags @> ARRAY[CAST(:tag AS varchar(20))]", "tag", f.tag());
        w.and("p.name LIKE '%' || :name || '%' ESCAPE '\\'", "name", f.name() == null ? null : Where.escapeLike(f.name().trim()));
        w.and("h.id IN (:hids)", "hids", f.householdIds());
        w.and("h.status = :status", "status", f.status() == null ? null : f.status().name());
        if (f.pendingReview()) {
            w.and("EXISTS (SELECT 1 FROM household_duplicate d WHERE d.household_id = h.id AND d.status = 'PENDING')");
        }
        return w;
    }

    private static void reachCondition(Where w, Reach reach) {
        if (reach.nothing()) {
            w.and("false");
        } else if (reach.own() == null || reach.own().isEmpty()) {
            w.and("h.region_code LIKE :reach || '%'").param("reach", reach.regionPrefix());
        } else if (reach.regionPrefix() == null) {
            w.and("h.id IN (:own)").param("own", reach.own());
        } else {
            w.and("(h.region_code LIKE :reach || '%' OR h.id IN (:own))").param("reach", reach.regionPrefix()).param("own", reach.own());
        }
    }

    private static String order(String sort) {
        return switch (sort == null ? "" : sort) {
            case "name" -> " ORDER BY p.name, h.id";
            case "updated" -> " ORDER BY h.updated_at DESC, h.id DESC";
            case "newest" -> " ORDER BY h.id DESC";
            default -> " ORDER BY h.region_code, p.name, h.id";
        };
    }

    /** "{TUOPIN,SHIFAN}" — tags are dictionary codes (letters and underscores), checked before they get here. */
    private static String tagsLiteral(List<String> tags) {
        return "{" + String.join(",", tags) + "}";
    }

    // ---------------------------------------------------------------- people and memberships

    public long insertPerson(String name, byte[] idCipher, byte[] idHash, String gender, LocalDate birthDate, String labour, String health,
                             String schooling) {
        return jdbc.sql("""
                        INSERT INTO household_person (name, id_cipher, id_hash, gender, birth_date, labour, health, schooling)
                        VALUES (:name, :c, :h, :gender, :birth, :labour, :health, :schooling) RETURNING id""")
                .param("name", name).param("c", idCipher).param("h", idHash).param("gender", gender).param("birth", birthDate)
                .param("labour", labour).param("health", health).param("schooling", schooling).query(Long.class).single();
    }

    public boolean updatePerson(long id, int version, String name, byte[] idCipher, byte[] idHash, String gender, LocalDate birthDate,
                                String labour, String health, String schooling) {
        return jdbc.sql("""
                        UPDATE household_person SET name = :name, id_cipher = :c, id_hash = :h, gender = :gender, birth_date = :birth,
                               labour = :labour, health = :health, schooling = :schooling, version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .param("name", name).param("c", idCipher).param("h", idHash).param("gender", gender).param("birth", birthDate)
                .param("labour", labour).param("health", health).param("schooling", schooling).param("id", id).param("version", version)
                .update() == 1;
    }

    public Optional<byte[]> personIdCipher(long personId) {
        return jdbc.sql("SELECT id_cipher FROM household_person WHERE id = :id").param("id", personId)
                .query((rs, i) -> rs.getBytes(1)).optional().filter(b -> b != null);
    }

    /** The person with this ID number's keyed hash, if registered. */
    public Optional<Long> personByHash(byte[] hash) {
        return jdbc.sql("SELECT id FROM household_person WHERE id_hash = :h").param("h", hash).query(Long.class).optional();
    }

    /** Of many hashes, those already registered, with the household the person belongs to now (or last). */
    public Map<String, Long> householdsByHash(Collection<byte[]> hashes) {
        Map<String, Long> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        List<byte[]> list = List.copyOf(hashes);
        for (int i = 0; i < list.size(); i += 1000) {
            List<byte[]> chunk = list.subList(i, Math.min(list.size(), i + 1000));
            jdbc.sql("""
                            SELECT DISTINCT ON (p.id) p.id_hash, m.household_id
                              FROM household_person p LEFT JOIN household_membership m ON m.person_id = p.id
                             WHERE p.id_hash IN (:hashes)
                             ORDER BY p.id, m.left_on DESC NULLS FIRST, m.id DESC""")
                    .param("hashes", chunk)
                    .query((rs, n) -> {
                        found.put(java.util.HexFormat.of().formatHex(rs.getBytes(1)), (Long) rs.getObject(2));
                        return null;
                    }).list();
        }
        return found;
    }

    /** How many people belong to each of these households now. */
    public Map<Long, Integer> sizes(Collection<Long> householdIds) {
        Map<Long, Integer> sizes = new HashMap<>();
        List<Long> all = List.copyOf(householdIds);
        for (int i = 0; i < all.size(); i += 5000) {
            jdbc.sql("SELECT household_id, count(*) FROM household_membership WHERE household_id = ANY(:ids) AND left_on IS NULL GROUP BY 1")
                    .param("ids", all.subList(i, Math.min(all.size(), i + 5000)).toArray(new Long[0]))
                    .query((rs, n) -> sizes.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return sizes;
    }

    /** Active households in reach and under a region prefix whose income per head of a year is under a line. */
    public List<Income> incomesBelow(Reach reach, String regionPrefix, int year, BigDecimal line) {
        Where w = new Where();
        reachCondition(w, reach);
        w.and("h.region_code LIKE :prefix || '%'").param("prefix", regionPrefix == null ? "" : regionPrefix);
        w.and("h.status = 'ACTIVE'").and("i.year = :year").param("year", year).and("i.per_head < :line").param("line", line);
        return jdbc.sql("SELECT i.household_id, i.year, i.per_head FROM household_income i JOIN household h ON h.id = i.household_id"
                        + w.sql() + " ORDER BY i.household_id")
                .params(w.params()).query((rs, n) -> new Income(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3))).list();
    }

    /** Households any membership (past or present) of these persons belongs to. */
    public List<Long> householdsOfPerson(long personId) {
        return jdbc.sql("SELECT DISTINCT household_id FROM household_membership WHERE person_id = :p ORDER BY 1")
                .param("p", personId).query(Long.class).list();
    }

    public long insertMembership(long householdId, long personId, String relation, LocalDate joinedOn, long userId) {
        return jdbc.sql("""
                        INSERT INTO household_membership (household_id, person_id, relation, joined_on, created_by)
                        VALUES (:h, :p, :r, :on, :u) RETURNING id""")
                .param("h", householdId).param("p", personId).param("r", relation).param("on", joinedOn)
                .param("u", userId == 0 ? null : userId).query(Long.class).single();
    }

    /** Closes a current membership; false if it was already closed. */
    public boolean closeMembership(long membershipId, LocalDate leftOn, String reason, long userId) {
        return jdbc.sql("""
                        UPDATE household_membership SET left_on = :on, left_reason = :reason, closed_by = :u, closed_at = now()
                         WHERE id = :id AND left_on IS NULL""")
                .param("on", leftOn).param("reason", reason).param("u", userId == 0 ? null : userId).param("id", membershipId).update() == 1;
    }

    private static final String MEMBER_COLUMNS = """
            SELECT m.id AS membership_id, m.household_id, m.person_id, p.name, m.relation, p.gender, p.birth_date, p.labour, p.health,
                   p.schooling, m.joined_on, m.left_on, m.left_reason, p.id_cipher, p.version AS person_version
              FROM household_membership m JOIN household_person p ON p.id = m.person_id""";

    /** Every membership of a household, past and present, in the order they began. */
    public List<MemberRow> memberships(long householdId) {
        return jdbc.sql(MEMBER_COLUMNS + " WHERE m.household_id = :h ORDER BY m.joined_on, m.id").param("h", householdId).query(MEMBER).list();
    }

    /** The current members of many households, by household. */
    public Map<Long, List<MemberRow>> currentMembers(Collection<Long> householdIds) {
        Map<Long, List<MemberRow>> byHousehold = new LinkedHashMap<>();
        if (householdIds.isEmpty()) {
            return byHousehold;
        }
        jdbc.sql(MEMBER_COLUMNS + " WHERE m.household_id IN (:h) AND m.left_on IS NULL ORDER BY m.household_id, (m.relation = 'HEAD') DESC, m.joined_on, m.id")
                .param("h", householdIds).query(MEMBER).list()
                .forEach(r -> byHousehold.computeIfAbsent(r.householdId(), k -> new ArrayList<>()).add(r));
        return byHousehold;
    }

    public Optional<MemberRow> membership(long membershipId) {
        return jdbc.sql(MEMBER_COLUMNS + " WHERE m.id = :id").param("id", membershipId).query(MEMBER).optional();
    }

    /** The current membership of a person, in whichever household. */
    public Optional<MemberRow> currentMembershipOf(long personId) {
        return jdbc.sql(MEMBER_COLUMNS + " WHERE m.person_id = :p AND m.left_on IS NULL").param("p", personId).query(MEMBER).optional();
    }

    /**
     * People now belonging to another household of the same village with the same name and birth
     * date as this person (another person record: someone registered twice, or two namesakes).
     */
    public List<MemberRow> namesakes(long personId, String name, LocalDate birthDate, String regionCode, long householdId) {
        if (birthDate == null) {
            return List.of();
        }
        return jdbc.sql(MEMBER_COLUMNS + " " + """
                         JOIN household h ON h.id = m.household_id
                         WHERE p.name = :name AND p.birth_date = :birth AND h.region_code = :region AND m.left_on IS NULL
                           AND p.id <> :person AND m.household_id <> :household AND h.status = 'ACTIVE'""")
                .param("name", name).param("birth", birthDate).param("region", regionCode).param("person", personId)
                .param("household", householdId).query(MEMBER).list();
    }

    // ---------------------------------------------------------------- likely duplicates

    public void insertDuplicate(long householdId, long personId, long otherHouseholdId, long otherPersonId) {
        jdbc.sql("""
                        INSERT INTO household_duplicate (household_id, person_id, other_household_id, other_person_id)
                        VALUES (:h, :p, :oh, :op) ON CONFLICT (person_id, other_person_id) DO NOTHING""")
                .param("h", householdId).param("p", personId).param("oh", otherHouseholdId).param("op", otherPersonId).update();
    }

    public record DuplicateRow(long id, long householdId, long personId, String name, LocalDate birthDate, byte[] idCipher, String headName,
                               long otherHouseholdId, long otherPersonId, byte[] otherIdCipher, String otherHeadName, String regionCode,
                               String status, OffsetDateTime createdAt, int version) {
    }

    private static final String DUPLICATE_SELECT = """
            SELECT d.id, d.household_id, d.person_id, p.name, p.birth_date, p.id_cipher, hp.name AS head_name,
                   d.other_household_id, d.other_person_id, op.id_cipher AS other_id_cipher, ohp.name AS other_head_name, h.region_code,
                   d.status, d.created_at, d.version
              FROM household_duplicate d
              JOIN household h ON h.id = d.household_id
              JOIN household_person p ON p.id = d.person_id
              LEFT JOIN household_person hp ON hp.id = h.head_person_id
              JOIN household oh ON oh.id = d.other_household_id
              JOIN household_person op ON op.id = d.other_person_id
              LEFT JOIN household_person ohp ON ohp.id = oh.head_person_id""";

    private static final RowMapper<DuplicateRow> DUPLICATE = (rs, i) -> new DuplicateRow(rs.getLong("id"), rs.getLong("household_id"),
            rs.getLong("person_id"), rs.getString("name"), rs.getObject("birth_date", LocalDate.class), rs.getBytes("id_cipher"),
            rs.getString("head_name"), rs.getLong("other_household_id"), rs.getLong("other_person_id"), rs.getBytes("other_id_cipher"),
            rs.getString("other_head_name"), rs.getString("region_code"), rs.getString("status"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));

    public Page<DuplicateRow> duplicates(Reach reach, String status, PageRequest page) {
        Where w = new Where();
        reachCondition(w, reach);
        w.and("d.status = :status", "status", status);
        long total = jdbc.sql("SELECT count(*) FROM household_duplicate d JOIN household h ON h.id = d.household_id" + w.sql())
                .params(w.params()).query(Long.class).single();
        List<DuplicateRow> rows = jdbc.sql(DUPLICATE_SELECT + w.sql() + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(DUPLICATE).list();
        return new Page<>(rows, total, page);
    }

    public List<DuplicateRow> duplicatesOf(long householdId) {
        return jdbc.sql(DUPLICATE_SELECT + " WHERE d.household_id = :h OR d.other_household_id = :h ORDER BY d.id")
                .param("h", householdId).query(DUPLICATE).list();
    }

    public Optional<DuplicateRow> duplicate(long id) {
        return jdbc.sql(DUPLICATE_SELECT + " WHERE d.id = :id").param("id", id).query(DUPLICATE).optional();
    }

    public long pendingDuplicates(long householdId) {
        return jdbc.sql("SELECT count(*) FROM household_duplicate WHERE household_id = :h AND status = 'PENDING'")
                .param("h", householdId).query(Long.class).single();
    }

    public boolean decideDuplicate(long id, int version, String status, String note, long userId) {
        return jdbc.sql("""
                        UPDATE household_duplicate SET status = :s, note = :note, decided_by = :u, decided_at = now(), version = version + 1
                         WHERE id = :id AND version = :version AND status = 'PENDING'""")
                .param("s", status).param("note", note).param("u", userId).param("id", id).param("version", version).update() == 1;
    }

    // ---------------------------------------------------------------- income and goals

    public void upsertIncome(long householdId, int year, BigDecimal perHead, long userId) {
        jdbc.sql("""
                        INSERT INTO household_income (household_id, year, per_head, recorded_by) VALUES (:h, :y, :v, :u)
                        ON CONFLICT (household_id, year) DO UPDATE SET per_head = EXCLUDED.per_head, recorded_by = EXCLUDED.recorded_by,
                                                                       recorded_at = now()""")
                .param("h", householdId).param("y", year).param("v", perHead).param("u", userId == 0 ? null : userId).update();
    }

    public List<Income> incomes(long householdId) {
        return jdbc.sql("SELECT household_id, year, per_head FROM household_income WHERE household_id = :h ORDER BY year DESC")
                .param("h", householdId).query(Income.class).list();
    }

    /** The latest income of each household. */
    public Map<Long, Income> latestIncomes(Collection<Long> householdIds) {
        Map<Long, Income> map = new HashMap<>();
        if (householdIds.isEmpty()) {
            return map;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (household_id) household_id, year, per_head FROM household_income
                         WHERE household_id IN (:h) ORDER BY household_id, year DESC""")
                .param("h", householdIds).query(Income.class).list().forEach(i -> map.put(i.householdId(), i));
        return map;
    }

    private static final RowMapper<GoalAssessment> GOAL = (rs, i) -> new GoalAssessment(rs.getLong("household_id"), rs.getString("period"),
            GoalAssessment.of(GoalStatus.valueOf(rs.getString("income")), GoalStatus.valueOf(rs.getString("environment")),
                    GoalStatus.valueOf(rs.getString("spirit")), GoalStatus.valueOf(rs.getString("security"))),
            rs.getString("note"), (Long) rs.getObject("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class), rs.getInt("version"));

    public List<GoalAssessment> goals(long householdId) {
        return jdbc.sql("SELECT * FROM household_goal WHERE household_id = :h ORDER BY period DESC").param("h", householdId).query(GOAL).list();
    }

    public Optional<GoalAssessment> goal(long householdId, String period) {
        return jdbc.sql("SELECT * FROM household_goal WHERE household_id = :h AND period = :p")
                .param("h", householdId).param("p", period).query(GOAL).optional();
    }

    /** Inserts the quarter's assessment, or updates it if the version matches; false on a stale version. */
    public boolean saveGoal(GoalAssessment g, Integer expectedVersion, long userId) {
        String sql = """
                INSERT INTO household_goal (household_id, period, income, environment, spirit, security, note, recorded_by)
                VALUES (:h, :p, :income, :env, :spirit, :security, :note, :u)
                ON CONFLICT (household_id, period) DO UPDATE SET income = EXCLUDED.income, environment = EXCLUDED.environment,
                       spirit = EXCLUDED.spirit, security = EXCLUDED.security, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by,
                       recorded_at = now(), version = household_goal.version + 1""" + (expectedVersion == null ? "" : """

                 WHERE household_goal.version = :version""");
        var spec = jdbc.sql(sql).param("h", g.householdId()).param("p", g.period())
                .param("income", g.status(Goal.INCOME).name()).param("env", g.status(Goal.ENVIRONMENT).name())
                .param("spirit", g.status(Goal.SPIRIT).name()).param("security", g.status(Goal.SECURITY).name())
                .param("note", g.note()).param("u", userId == 0 ? null : userId);
        if (expectedVersion != null) {
            spec = spec.param("version", expectedVersion);
        }
        return spec.update() == 1;
    }

    /**
     * The households in reach whose assessment of the period is lower in some goal than their latest
     * earlier one: the assessment and that earlier one, compared in the database.
     */
    public List<GoalAssessment[]> regressedPairs(Reach reach, String period) {
        Where w = new Where().and("g.period = :p").param("p", period);
        reachCondition(w, reach);
        String rank = "CASE %s WHEN 'MET' THEN 2 WHEN 'PARTLY' THEN 1 ELSE 0 END";
        String lower = String.join(" OR ", java.util.stream.Stream.of("income", "environment", "spirit", "security")
                .map(c -> rank.formatted("g." + c) + " < " + rank.formatted("b." + c)).toList());
        List<GoalAssessment[]> pairs = new ArrayList<>();
        jdbc.sql("SELECT g.household_id, g.period, g.income, g.environment, g.spirit, g.security, g.note, g.recorded_by, g.recorded_at,"
                        + " g.version, b.period AS b_period, b.income AS b_income, b.environment AS b_environment, b.spirit AS b_spirit,"
                        + " b.security AS b_security FROM household_goal g JOIN household h ON h.id = g.household_id"
                        + " JOIN LATERAL (SELECT * FROM household_goal x WHERE x.household_id = g.household_id AND x.period < g.period"
                        + " ORDER BY x.period DESC LIMIT 1) b ON true" + w.sql() + " AND (" + lower + ") ORDER BY g.household_id")
                .params(w.params())
                .query((rs, i) -> pairs.add(new GoalAssessment[] {GOAL.mapRow(rs, i), new GoalAssessment(rs.getLong("household_id"),
                        rs.getString("b_period"), GoalAssessment.of(GoalStatus.valueOf(rs.getString("b_income")),
                        GoalStatus.valueOf(rs.getString("b_environment")), GoalStatus.valueOf(rs.getString("b_spirit")),
                        GoalStatus.valueOf(rs.getString("b_security"))), null, null, null, 0)})).list();
        return pairs;
    }

    /**
     * For each household with an assessment in the period, that assessment and the latest earlier
     * one (the quarter before, or the last one made before it).
     */
    public List<GoalAssessment[]> goalPairs(Collection<Long> householdIds, String period) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        List<GoalAssessment[]> pairs = new ArrayList<>();
        List<Long> list = List.copyOf(householdIds);
        for (int i = 0; i < list.size(); i += 5000) {
            List<Long> chunk = list.subList(i, Math.min(list.size(), i + 5000));
            Map<Long, GoalAssessment> now = new HashMap<>();
            jdbc.sql("SELECT * FROM household_goal WHERE period = :p AND household_id IN (:h)").param("p", period).param("h", chunk)
                    .query(GOAL).list().forEach(g -> now.put(g.householdId(), g));
            if (now.isEmpty()) {
                continue;
            }
            jdbc.sql("""
                            SELECT DISTINCT ON (household_id) * FROM household_goal
                             WHERE period < :p AND household_id IN (:h) ORDER BY household_id, period DESC""")
                    .param("p", period).param("h", chunk).query(GOAL).list()
                    .forEach(before -> {
                        GoalAssessment current = now.get(before.householdId());
                        if (current != null) {
                            pairs.add(new GoalAssessment[] {current, before});
                        }
                    });
        }
        return pairs;
    }
}
