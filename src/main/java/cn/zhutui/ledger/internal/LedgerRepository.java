package cn.zhutui.ledger.internal;

import cn.zhutui.ledger.LedgerEntry;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntryFlag;
import cn.zhutui.ledger.Evidence;
import cn.zhutui.ledger.EntrySource;

import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Where;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LedgerRepository {

    public static final String COLUMNS = """
            e.id, e.campaign_id, e.task_type_id, e.org_id, e.unit_org_id, e.title, e.description, e.start_date, e.end_date,
            e.region_code, e.households, e.persons, e.partner, e.status, e.return_reason, e.source, e.latitude, e.longitude,
            e.captured_at, e.created_by, e.submitted_at, e.reviewed_at, e.reviewed_by, e.version, e.created_at, e.updated_at""";

    private static final String FROM = " FROM ledger_entry e JOIN org o ON o.id = e.org_id JOIN region r ON r.code = e.region_code";
    /** Lists count their rows up to here; beyond, the pager says "more than". */
    public static final int COUNT_CAP = 10_000;

    /** The orders a list may be sorted in; anything else falls back to the first. */
    private static final Map<String, String> SORTS = Map.of(
            "date", "e.start_date DESC, e.id DESC",
            "date_asc", "e.start_date, e.id",
            "updated", "e.updated_at DESC, e.id DESC",
            "status", "e.status, e.start_date DESC, e.id DESC");

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    LedgerRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * The write path's statements are simple and run hundreds of times a second: within this
     * transaction PostgreSQL may keep their generic plans. Connections otherwise plan every statement
     * for its values (EmbeddedDatabaseConfig.SESSION_SETTINGS), which the statistics need but which
     * cost a create+submit as much planning as executing.
     */
    public void preferGenericPlans() {
        jdbc.sql("SET LOCAL plan_cache_mode = auto").update();
    }

    /**
     * A bulk write with generic plans, the transaction's own plan mode back afterwards: PostgreSQL
     * checks every new row's foreign keys with prepared statements of its own, and under the
     * connections' custom plans it planned them anew for each row.
     */
    public <T> T withGenericPlans(java.util.function.Supplier<T> write) {
        String mode = jdbc.sql("SELECT current_setting('plan_cache_mode')").query(String.class).single();
        preferGenericPlans();
        try {
            return write.get();
        } finally {
            jdbc.sql("SELECT set_config('plan_cache_mode', :mode, true)").param("mode", mode).query(String.class).single();
        }
    }

    /** The filters of a list, resolved to paths and dates by the service. */
    public record Filter(EntryScope scope, Long campaignId, Long taskTypeId, String orgPath, Long memberId, String regionPath,
                  LocalDate from, LocalDate to, EntryStatus status, boolean flaggedOnly, String text,
                  Collection<Long> unitOrgIds, Long excludeCreator, String sort, Collection<String> counties,
                  LedgerQuery.Counted counted, Mine mine) {

        /** The user's own entries: recorded by them, or naming their member record. */
        public record Mine(long userId, Long memberId) {
        }

        public Filter(EntryScope scope, Long campaignId, Long taskTypeId, String orgPath, Long memberId, String regionPath,
                      LocalDate from, LocalDate to, EntryStatus status, boolean flaggedOnly, String text,
                      Collection<Long> unitOrgIds, Long excludeCreator, String sort, Collection<String> counties,
                      LedgerQuery.Counted counted) {
            this(scope, campaignId, taskTypeId, orgPath, memberId, regionPath, from, to, status, flaggedOnly, text, unitOrgIds,
                    excludeCreator, sort, counties, counted, null);
        }

        Filter(EntryScope scope, Long campaignId, Long taskTypeId, String orgPath, Long memberId, String regionPath,
               LocalDate from, LocalDate to, EntryStatus status, boolean flaggedOnly, String text,
               Collection<Long> unitOrgIds, Long excludeCreator, String sort) {
            this(scope, campaignId, taskTypeId, orgPath, memberId, regionPath, from, to, status, flaggedOnly, text, unitOrgIds,
                    excludeCreator, sort, null, null);
        }
    }

    private static String orderBy(String sort) {
        return sort != null && SORTS.containsKey(sort) ? SORTS.get(sort) : SORTS.get("date");
    }

    private static Where where(Filter f) {
        EntryScope s = f.scope();
        Where w = new Where();
        if (s.reachesNothing()) {
            w.and("false");
        } else if (s.orgPath() != null) {
            w.and("o.path LIKE :scopeOrg || '%'").param("scopeOrg", s.orgPath());
        } else {
            // a cadre's region, a member's own entries, or either for someone who is both
            java.util.List<String> any = new java.util.ArrayList<>();
            if (s.regionPath() != null) {
                any.add("r.path LIKE :scopeRegion || '%'");
                w.param("scopeRegion", s.regionPath());
            }
            if (s.ownUserId() != null) {
                any.add("e.created_by = :ownUser OR EXISTS (SELECT 1 FROM ledger_entry_member om WHERE om.entry_id = e.id AND om.member_id = :ownMember)");
                w.param("ownUser", s.ownUserId()).param("ownMember", s.ownMemberId() == null ? -1L : s.ownMemberId());
            }
            w.and("(" + String.join(" OR ", any) + ")");
        }
        w.and("e.campaign_id = :campaign", "campaign", f.campaignId())
                .and("e.task_type_id = :taskType", "taskType", f.taskTypeId())
                .and("o.path LIKE :orgPath || '%'", "orgPath", f.orgPath())
                .and("r.path LIKE :regionPath || '%'", "regionPath", f.regionPath())
                .and("EXISTS (SELECT 1 FROM ledger_entry_member fm WHERE fm.entry_id = e.id AND fm.member_id = :member)", "member", f.memberId())
                .and("e.start_date >= :from", "from", f.from())
                .and("e.start_date <= :to", "to", f.to())
                .and("e.status = :status", "status", f.status() == null ? null : f.status().name())
                .and("e.title LIKE '%' || :text || '%' ESCAPE '\\'", "text", Where.escapeLike(f.text()))
                // two characters or more: first the entries holding all the pairs, from the title index (V60)
                .and("text_bigrams(e.title) @> text_bigrams(:bigramText)", "bigramText",
                        f.text() == null || f.text().strip().length() < 2 ? null : f.text().strip())
                .and("e.unit_org_id IN (:units)", "units", f.unitOrgIds())
                .and("NOT EXISTS (SELECT 1 FROM ledger_entry_editor ed WHERE ed.entry_id = e.id AND ed.user_id = :excludeEditor)",
                        "excludeEditor", f.excludeCreator())
                .and("left(e.region_code, 6) IN (:counties)", "counties", f.counties());
        if (f.counted() != null) {
            w.and(f.counted() == LedgerQuery.Counted.APPROVED ? "e.status = 'APPROVED'" : "e.status IN ('APPROVED', 'SUBMITTED')");
        }
        if (f.flaggedOnly()) {
            w.and("EXISTS (SELECT 1 FROM ledger_flag fl WHERE fl.entry_id = e.id)");
        }
        if (f.mine() != null && f.mine().memberId() == null) {
            // a user who is no member: what they recorded, from the creator's index (a clerk may have imported thousands)
            w.and("e.created_by = :mineUser").param("mineUser", f.mine().userId());
        } else if (f.mine() != null) {
            w.and("(e.created_by = :mineUser OR EXISTS (SELECT 1 FROM ledger_entry_member mm WHERE mm.entry_id = e.id AND mm.member_id = :mineMember))")
                    .param("mineUser", f.mine().userId()).param("mineMember", f.mine().memberId());
        }
        return w;
    }

    public Page<LedgerEntry> search(Filter f, PageRequest page) {
        Where w = where(f);
        // counting a whole province's ledger costs more than the page itself: count up to a cap
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1" + FROM + w.sql() + " LIMIT :countCap) c").params(w.params())
                .param("countCap", COUNT_CAP + 1).query(Long.class).single();
        List<LedgerEntry> items = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort())
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset())
                .query(LedgerEntry.class).list();
        return total > COUNT_CAP ? new Page<>(items, COUNT_CAP, page.page(), page.size(), true) : new Page<>(items, total, page);
    }

    /** The sums of the matching entries: households, persons, and each indicator's values. */
    public record Sums(long households, long persons, Map<Long, BigDecimal> values) {
    }

    public Sums sums(Filter f) {
        Where w = where(f);
        var heads = jdbc.sql("SELECT coalesce(sum(e.households), 0), coalesce(sum(e.persons), 0)" + FROM + w.sql()).params(w.params())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        Map<Long, BigDecimal> values = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT v.indicator_id, sum(v.value)" + FROM + " JOIN ledger_value v ON v.entry_id = e.id" + w.sql() + " GROUP BY 1")
                .params(w.params()).query((rs, i) -> values.put(rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return new Sums(heads[0], heads[1], values);
    }

    /** How many entries match, counted up to a limit (limit + 1 means "more"). */
    public long count(Filter f, int limit) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*) FROM (SELECT 1" + FROM + w.sql() + " LIMIT :limit) c").params(w.params())
                .param("limit", limit + 1).query(Long.class).single();
    }

    public void forEach(Filter f, Consumer<LedgerEntry> consumer) {
        Where w = where(f);
        try (var stream = jdbc.sql("SELECT " + COLUMNS + FROM + w.sql() + " ORDER BY " + orderBy(f.sort()))
                .params(w.params()).query(LedgerEntry.class).stream()) {
            stream.forEach(consumer);
        }
    }

    /** Ids of the filtered entries (for bulk review), at most limit. */
    public List<Long> ids(Filter f, int limit) {
        Where w = where(f);
        return jdbc.sql("SELECT e.id" + FROM + w.sql() + " ORDER BY e.id LIMIT :limit").params(w.params()).param("limit", limit)
                .query(Long.class).list();
    }

    public Optional<LedgerEntry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_entry e WHERE e.id = :id").param("id", id).query(LedgerEntry.class).optional();
    }

    public boolean visible(long id, EntryScope scope) {
        Where w = where(new Filter(scope, null, null, null, null, null, null, null, null, false, null, null, null, null)).and("e.id = :id").param("id", id);
        return jdbc.sql("SELECT count(*)" + FROM + w.sql()).params(w.params()).query(Long.class).single() > 0;
    }

    public Map<Long, List<Long>> members(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT entry_id, member_id FROM ledger_entry_member WHERE entry_id IN (:ids) ORDER BY member_id")
                .param("ids", entryIds).query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    public Map<Long, Map<Long, BigDecimal>> values(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT entry_id, indicator_id, value FROM ledger_value WHERE entry_id IN (:ids)")
                .param("ids", entryIds).query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)}).list().stream()
                .collect(Collectors.groupingBy(r -> (Long) r[0], Collectors.toMap(r -> (Long) r[1], r -> ((BigDecimal) r[2]).stripTrailingZeros(),
                        (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    public Map<Long, List<EntryFlag>> flags(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT entry_id, kind, other_entry_id FROM ledger_flag WHERE entry_id IN (:ids) ORDER BY kind, other_entry_id")
                .param("ids", entryIds).query(EntryFlag.class).list().stream()
                .collect(Collectors.groupingBy(EntryFlag::entryId));
    }

    public List<Evidence> evidence(long entryId) {
        return jdbc.sql("""
                        SELECT v.id, v.entry_id, v.file_id, v.sha256, f.original_name, f.content_type, f.size, f.has_thumbnail,
                               v.uploaded_by, v.uploaded_at
                          FROM ledger_evidence v JOIN stored_file f ON f.id = v.file_id
                         WHERE v.entry_id = :id ORDER BY v.id""")
                .param("id", entryId).query(Evidence.class).list();
    }

    /** The evidence of several entries, by entry. */
    public Map<Long, List<Evidence>> evidence(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT v.id, v.entry_id, v.file_id, v.sha256, f.original_name, f.content_type, f.size, f.has_thumbnail,
                               v.uploaded_by, v.uploaded_at
                          FROM ledger_evidence v JOIN stored_file f ON f.id = v.file_id
                         WHERE v.entry_id IN (:ids) ORDER BY v.id""")
                .param("ids", entryIds).query(Evidence.class).list().stream()
                .collect(Collectors.groupingBy(Evidence::entryId, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    public Map<Long, Long> evidenceCounts(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT entry_id, count(*) FROM ledger_evidence WHERE entry_id IN (:ids) GROUP BY entry_id")
                .param("ids", entryIds).query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public record NewEntry(long campaignId, long taskTypeId, long orgId, long unitOrgId, EntryForm form, EntryStatus status,
                    EntrySource source, long createdBy, String workKey, String importKey, Long importJobId) {
    }

    public long insert(NewEntry n) {
        EntryForm f = n.form();
        return jdbc.sql("""
                        INSERT INTO ledger_entry (campaign_id, task_type_id, org_id, unit_org_id, title, description, start_date,
                               end_date, region_code, households, persons, partner, status, source, work_key, import_key,
                               import_job_id, latitude, longitude, captured_at, created_by, submitted_at)
                        VALUES (:campaign, :taskType, :org, :unit, :title, :description, :start, :end, :region, :households,
                                :persons, :partner, :status, :source, :workKey, :importKey, :job, :lat, :lng, :captured, :createdBy,
                                CASE WHEN :status = 'SUBMITTED' THEN now() END)
                        RETURNING id""")
                .params(fields(f)).param("campaign", n.campaignId()).param("taskType", n.taskTypeId()).param("org", n.orgId())
                .param("unit", n.unitOrgId()).param("status", n.status().name()).param("source", n.source().name())
                .param("workKey", n.workKey()).param("importKey", n.importKey()).param("job", n.importJobId())
                .param("createdBy", n.createdBy())
                .query(Long.class).single();
    }

    /** An entry of a bulk insert with its members and values. */
    public record BatchEntry(NewEntry entry, List<Long> memberIds, Map<Long, BigDecimal> values) {
    }

    /**
     * Inserts many entries in a few round trips (ids taken from the sequence up front); used by
     * the spreadsheet import and the demo. Returns the new ids in order.
     */
    /**
     * Saves a batch of new entries (an import's thousand rows) with one statement per table: each
     * column goes as an array and is unnested, so a batch is planned once and binds twenty values,
     * not twenty per row.
     */
    public List<Long> insertBatch(List<BatchEntry> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        int n = batch.size();
        List<Long> ids = jdbc.sql("SELECT nextval('ledger_entry_id_seq') FROM generate_series(1, :n)").param("n", n)
                .query(Long.class).list();
        Long[] campaign = new Long[n], taskType = new Long[n], org = new Long[n], unit = new Long[n], importJob = new Long[n],
                createdBy = new Long[n];
        String[] title = new String[n], description = new String[n], region = new String[n], partner = new String[n],
                status = new String[n], source = new String[n], workKey = new String[n], importKey = new String[n];
        // dates go as ISO text (the driver sends no date arrays) and are cast back by the statement
        String[] start = new String[n], end = new String[n];
        Integer[] households = new Integer[n], persons = new Integer[n];
        Boolean[] submitted = new Boolean[n];
        List<Long> memberEntries = new java.util.ArrayList<>(), memberIds = new java.util.ArrayList<>();
        List<Long> valueEntries = new java.util.ArrayList<>(), valueIndicators = new java.util.ArrayList<>();
        List<BigDecimal> values = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewEntry e = batch.get(i).entry();
            EntryForm f = e.form();
            long id = ids.get(i);
            campaign[i] = e.campaignId();
            taskType[i] = e.taskTypeId();
            org[i] = e.orgId();
            unit[i] = e.unitOrgId();
            title[i] = f.getTitle();
            description[i] = f.getDescription();
            start[i] = f.getStartDate() == null ? null : f.getStartDate().toString();
            end[i] = f.effectiveEndDate() == null ? null : f.effectiveEndDate().toString();
            region[i] = f.getRegionCode();
            households[i] = f.getHouseholds();
            persons[i] = f.getPersons();
            partner[i] = f.getPartner();
            status[i] = e.status().name();
            source[i] = e.source().name();
            workKey[i] = e.workKey();
            importKey[i] = e.importKey();
            importJob[i] = e.importJobId();
            createdBy[i] = e.createdBy();
            submitted[i] = e.status() != EntryStatus.DRAFT;
            for (Long m : batch.get(i).memberIds()) {
                memberEntries.add(id);
                memberIds.add(m);
            }
            batch.get(i).values().forEach((indicator, v) -> {
                valueEntries.add(id);
                valueIndicators.add(indicator);
                values.add(v);
            });
        }
        jdbc.sql("""
                INSERT INTO ledger_entry (id, campaign_id, task_type_id, org_id, unit_org_id, title, description, start_date,
                       end_date, region_code, households, persons, partner, status, source, work_key, import_key,
                       import_job_id, created_by, submitted_at)
                SELECT r.id, r.campaign_id, r.task_type_id, r.org_id, r.unit_org_id, r.title, r.description, r.start_date,
                       r.end_date, r.region_code, r.households, r.persons, r.partner, r.status, r.source, r.work_key, r.import_key,
                       r.import_job_id, r.created_by, CASE WHEN r.submitted THEN now() END
                  FROM unnest(CAST(:id AS bigint[]), CAST(:campaign AS bigint[]), CAST(:taskType AS bigint[]), CAST(:org AS bigint[]),
                              CAST(:unit AS bigint[]), CAST(:title AS text[]), CAST(:description AS text[]), CAST(:start AS date[]),
                              CAST(:end AS date[]), CAST(:region AS text[]), CAST(:households AS int[]), CAST(:persons AS int[]),
                              CAST(:partner AS text[]), CAST(:status AS text[]), CAST(:source AS text[]), CAST(:workKey AS text[]),
                              CAST(:importKey AS text[]), CAST(:importJob AS bigint[]), CAST(:createdBy AS bigint[]),
                              CAST(:submitted AS boolean[]))
                       AS r(id, campaign_id, task_type_id, org_id, unit_org_id, title, description, start_date, end_date,
                            region_code, households, persons, partner, status, source, work_key, import_key, import_job_id,
                            created_by, submitted)""")
                .param("id", ids.toArray(new Long[0])).param("campaign", campaign).param("taskType", taskType).param("org", org)
                .param("unit", unit).param("title", title).param("description", description).param("start", start)
                .param("end", end).param("region", region).param("households", households).param("persons", persons)
                .param("partner", partner).param("status", status).param("source", source).param("workKey", workKey)
                .param("importKey", importKey).param("importJob", importJob).param("createdBy", createdBy)
                .param("submitted", submitted).update();
        jdbc.sql("INSERT INTO ledger_entry_member (entry_id, member_id) SELECT * FROM unnest(CAST(:entries AS bigint[]), CAST(:members AS bigint[]))")
                .param("entries", memberEntries.toArray(new Long[0])).param("members", memberIds.toArray(new Long[0])).update();
        jdbc.sql("INSERT INTO ledger_entry_editor (entry_id, user_id) SELECT * FROM unnest(CAST(:entries AS bigint[]), CAST(:users AS bigint[]))")
                .param("entries", ids.toArray(new Long[0])).param("users", createdBy).update();
        jdbc.sql("INSERT INTO ledger_value (entry_id, indicator_id, value)"
                        + " SELECT * FROM unnest(CAST(:entries AS bigint[]), CAST(:indicators AS bigint[]), CAST(:values AS numeric[]))")
                .param("entries", valueEntries.toArray(new Long[0])).param("indicators", valueIndicators.toArray(new Long[0]))
                .param("values", values.toArray(new BigDecimal[0])).update();
        return ids;
    }

    /** The entries one import job saved. */
    public List<Long> idsOfImport(long importJobId) {
        return jdbc.sql("SELECT id FROM ledger_entry WHERE import_job_id = :job ORDER BY id").param("job", importJobId).query(Long.class).list();
    }

    /** Which of these import keys the campaign already has (a file uploaded again). */
    public java.util.Set<String> existingImportKeys(long campaignId, Collection<String> keys) {
        java.util.Set<String> found = new java.util.HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += 5000) {
            found.addAll(jdbc.sql("SELECT import_key FROM ledger_entry WHERE campaign_id = :c AND import_key IN (:keys)")
                    .param("c", campaignId).param("keys", all.subList(i, Math.min(all.size(), i + 5000))).query(String.class).list());
        }
        return found;
    }

    /** Changes an editable entry; false if someone else changed it first or it is no longer editable. */
    public boolean update(long id, long taskTypeId, long orgId, long unitOrgId, EntryForm f, String workKey) {
        return jdbc.sql("""
                        UPDATE ledger_entry SET task_type_id = :taskType, org_id = :org, unit_org_id = :unit, title = :title,
                               description = :description, start_date = :start, end_date = :end, region_code = :region,
                               households = :households, persons = :persons, partner = :partner, work_key = :workKey,
                               latitude = COALESCE(:lat, latitude), longitude = COALESCE(:lng, longitude),
                               captured_at = COALESCE(:captured, captured_at), version = version + 1, updated_at = now()
                         WHERE id = :id AND version = :version AND status IN ('DRAFT', 'RETURNED')""")
                .params(fields(f)).param("id", id).param("version", f.getVersion()).param("taskType", taskTypeId)
                .param("org", orgId).param("unit", unitOrgId).param("workKey", workKey)
                .update() == 1;
    }

    /** Moves an entry from one of the given statuses to another; false on a stale version or a wrong status. */
    public boolean transition(long id, int version, Collection<EntryStatus> from, EntryStatus to, Long reviewer, String reason) {
        return jdbc.sql("""
                        UPDATE ledger_entry SET status = :to, version = version + 1, updated_at = now(),
                               return_reason = CASE WHEN :to = 'RETURNED' THEN :reason WHEN :to = 'APPROVED' THEN NULL ELSE return_reason END,
                               submitted_at = CASE WHEN :to = 'SUBMITTED' THEN now() ELSE submitted_at END,
                               reviewed_at = CASE WHEN :to IN ('APPROVED', 'RETURNED') AND CAST(:reviewer AS bigint) IS NOT NULL THEN now() ELSE reviewed_at END,
                               reviewed_by = CASE WHEN :to IN ('APPROVED', 'RETURNED') AND CAST(:reviewer AS bigint) IS NOT NULL THEN :reviewer ELSE reviewed_by END
                         WHERE id = :id AND version = :version AND status IN (:from)""")
                .param("id", id).param("version", version).param("to", to.name())
                .param("from", from.stream().map(Enum::name).toList()).param("reviewer", reviewer).param("reason", reason)
                .update() == 1;
    }

    public void replaceMembers(long id, Collection<Long> memberIds) {
        jdbc.sql("DELETE FROM ledger_entry_member WHERE entry_id = :id").param("id", id).update();
        for (Long m : memberIds) {
            jdbc.sql("INSERT INTO ledger_entry_member (entry_id, member_id) VALUES (:id, :m)").param("id", id).param("m", m).update();
        }
    }

    /** A new entry's members and figures, each in one statement. */
    public void insertMembersAndValues(long id, Collection<Long> memberIds, Map<Long, BigDecimal> values) {
        if (!memberIds.isEmpty()) {
            jdbc.sql("INSERT INTO ledger_entry_member (entry_id, member_id) SELECT :id, unnest(CAST(:members AS bigint[]))")
                    .param("id", id).param("members", memberIds.toArray(new Long[0])).update();
        }
        if (!values.isEmpty()) {
            jdbc.sql("INSERT INTO ledger_value (entry_id, indicator_id, value)"
                            + " SELECT :id, unnest(CAST(:indicators AS bigint[])), unnest(CAST(:values AS numeric[]))")
                    .param("id", id).param("indicators", values.keySet().toArray(new Long[0]))
                    .param("values", values.values().toArray(new BigDecimal[0])).update();
        }
    }

    public void replaceValues(long id, Map<Long, BigDecimal> values) {
        jdbc.sql("DELETE FROM ledger_value WHERE entry_id = :id").param("id", id).update();
        values.forEach((indicator, value) -> jdbc.sql("INSERT INTO ledger_value (entry_id, indicator_id, value) VALUES (:id, :i, :v)")
                .param("id", id).param("i", indicator).param("v", value).update());
    }

    public int delete(long id, int version) {
        return jdbc.sql("DELETE FROM ledger_entry WHERE id = :id AND version = :version AND status IN ('DRAFT', 'RETURNED')")
                .param("id", id).param("version", version).update();
    }

    /** Entries of a unit in a period, by status (for the submission page). */
    public Map<String, Long> statusCounts(long campaignId, long unitOrgId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT status, count(*) FROM ledger_entry
                         WHERE campaign_id = :c AND unit_org_id = :u AND start_date BETWEEN :from AND :to GROUP BY status""")
                .param("c", campaignId).param("u", unitOrgId).param("from", from).param("to", to)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** An entry whose reporting unit is no longer right after the org tree changed. */
    public record UnitChange(long entryId, long campaignId, EntryStatus status, LocalDate startDate, long oldUnit, long newUnit) {
    }

    /**
     * The entries of the orgs under a path whose unit differs from the nearest committee at or
     * above their org now (the org itself, when none is).
     */
    public List<UnitChange> unitChanges(String path) {
        return jdbc.sql("""
                        SELECT e.id AS entry_id, e.campaign_id, e.status, e.start_date, e.unit_org_id AS old_unit, u.unit AS new_unit
                          FROM ledger_entry e
                          JOIN (SELECT o.id, coalesce((SELECT c.id FROM org c WHERE c.kind = 'COMMITTEE' AND o.path LIKE c.path || '%'
                                                        ORDER BY length(c.path) DESC LIMIT 1), o.id) AS unit
                                  FROM org o WHERE o.path LIKE :path || '%') u ON u.id = e.org_id
                         WHERE e.unit_org_id <> u.unit ORDER BY e.id""")
                .param("path", path).query(UnitChange.class).list();
    }

    public void setUnits(List<UnitChange> changes) {
        template.batchUpdate("UPDATE ledger_entry SET unit_org_id = ?, version = version + 1, updated_at = now() WHERE id = ?",
                changes.stream().map(c -> new Object[] {c.newUnit(), c.entryId()}).toList());
    }

    /** Notes one more author of an entry (who created, changed or submitted it): never its reviewer. */
    public void addEditor(long entryId, long userId) {
        jdbc.sql("INSERT INTO ledger_entry_editor (entry_id, user_id) VALUES (:e, :u) ON CONFLICT DO NOTHING")
                .param("e", entryId).param("u", userId).update();
    }

    public boolean isEditor(long entryId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_entry_editor WHERE entry_id = :e AND user_id = :u)")
                .param("e", entryId).param("u", userId).query(Boolean.class).single();
    }

    public long insertEvidence(long entryId, long fileId, String sha256, long userId) {
        return jdbc.sql("INSERT INTO ledger_evidence (entry_id, file_id, sha256, uploaded_by) VALUES (:e, :f, :sha, :u) RETURNING id")
                .param("e", entryId).param("f", fileId).param("sha", sha256).param("u", userId).query(Long.class).single();
    }

    public int deleteEvidence(long entryId, long evidenceId) {
        return jdbc.sql("DELETE FROM ledger_evidence WHERE id = :id AND entry_id = :e").param("id", evidenceId).param("e", entryId).update();
    }

    public void touch(long id) {
        jdbc.sql("UPDATE ledger_entry SET version = version + 1, updated_at = now() WHERE id = :id").param("id", id).update();
    }

    /**
     * Recomputes the duplicate flags of the given entries (both directions): the same work key
     * with a member in common, or a photo in common.
     */
    public void recomputeFlags(Collection<Long> all) {
        List<Long> list = List.copyOf(all);
        for (int i = 0; i < list.size(); i += 5000) {
            recomputeFlagsChunk(list.subList(i, Math.min(list.size(), i + 5000)));
        }
    }

    /** The look-alikes by work of a new entry (which has no flags or evidence yet). */
    public void flagSameWork(long id) {
        sameWork(List.of(id));
    }

    private void recomputeFlagsChunk(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM ledger_flag WHERE entry_id IN (:ids) OR other_entry_id IN (:ids)").param("ids", ids).update();
        sameWork(ids);
        samePhoto(ids);
    }

    private void sameWork(Collection<Long> ids) {
        // at most a few look-alikes per entry: a file of near-identical rows must not pair up quadratically
        jdbc.sql("""
                        INSERT INTO ledger_flag (entry_id, kind, other_entry_id)
                        SELECT DISTINCT p.a, 'SAME_WORK', p.b FROM (
                            SELECT a.id AS a, b.id AS b FROM ledger_entry a
                            CROSS JOIN LATERAL (
                                SELECT o.id FROM ledger_entry o
                                 WHERE o.work_key = a.work_key AND o.id <> a.id
                                   AND EXISTS (SELECT 1 FROM ledger_entry_member ma JOIN ledger_entry_member mb ON mb.member_id = ma.member_id
                                                WHERE ma.entry_id = a.id AND mb.entry_id = o.id)
                                 ORDER BY o.id LIMIT 5) b
                             WHERE a.id IN (:ids)
                        ) x CROSS JOIN LATERAL (VALUES (x.a, x.b), (x.b, x.a)) AS p(a, b)
                        ON CONFLICT DO NOTHING""")
                .param("ids", ids).update();
    }

    private void samePhoto(Collection<Long> ids) {
        jdbc.sql("""
                        INSERT INTO ledger_flag (entry_id, kind, other_entry_id)
                        SELECT DISTINCT p.a, 'SAME_PHOTO', p.b FROM (
                            SELECT va.entry_id AS a, vb.entry_id AS b FROM ledger_evidence va
                            CROSS JOIN LATERAL (
                                SELECT o.entry_id FROM ledger_evidence o
                                 WHERE o.sha256 = va.sha256 AND o.entry_id <> va.entry_id ORDER BY o.entry_id LIMIT 5) vb
                             WHERE va.entry_id IN (:ids)
                        ) x CROSS JOIN LATERAL (VALUES (x.a, x.b), (x.b, x.a)) AS p(a, b)
                        ON CONFLICT DO NOTHING""")
                .param("ids", ids).update();
    }

    public boolean indicatorInUse(long indicatorId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_value WHERE indicator_id = :i)").param("i", indicatorId).query(Boolean.class).single();
    }

    public boolean taskTypeInUse(long taskTypeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_entry WHERE task_type_id = :t)").param("t", taskTypeId).query(Boolean.class).single();
    }

    private static Map<String, Object> fields(EntryForm f) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("title", f.getTitle());
        p.put("description", f.getDescription());
        p.put("start", f.getStartDate());
        p.put("end", f.effectiveEndDate());
        p.put("region", f.getRegionCode());
        p.put("households", f.getHouseholds());
        p.put("persons", f.getPersons());
        p.put("partner", f.getPartner());
        p.put("lat", f.getLatitude());
        p.put("lng", f.getLongitude());
        p.put("captured", f.getCapturedAt());
        return p;
    }
}
