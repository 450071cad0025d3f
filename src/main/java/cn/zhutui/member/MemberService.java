package cn.zhutui.member;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Masking;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.dict.DictService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member registry through a scope: office users see the members of their org subtree, a
 * member user only their own record. Writes check the scope of every org a member is put in.
 */
@Service
public class MemberService {

    private final MemberRepository repository;
    private final OrgService orgs;
    private final DictService dict;
    private final AuditService audit;

    MemberService(MemberRepository repository, OrgService orgs, DictService dict, AuditService audit) {
        this.repository = repository;
        this.orgs = orgs;
        this.dict = dict;
        this.audit = audit;
    }

    public Page<MemberListItem> search(DataScope scope, MemberQuery q, PageRequest page) {
        Page<Member> members = repository.search(filter(scope, q), page);
        Map<Long, List<Membership>> memberships = repository.memberships(members.items().stream().map(Member::id).toList());
        return members.map(m -> new MemberListItem(m, memberships.getOrDefault(m.id(), List.of())));
    }

    /** Streams the whole filtered list (for exports), in pages of memberships to avoid N+1. */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, MemberQuery q, Consumer<MemberListItem> consumer) {
        List<Member> batch = new java.util.ArrayList<>();
        Consumer<List<Member>> flush = list -> {
            Map<Long, List<Membership>> ms = repository.memberships(list.stream().map(Member::id).toList());
            list.forEach(m -> consumer.accept(new MemberListItem(m, ms.getOrDefault(m.id(), List.of()))));
            list.clear();
        };
        repository.forEach(filter(scope, q), m -> {
            batch.add(m);
            if (batch.size() == 500) {
                flush.accept(batch);
            }
        });
        flush.accept(batch);
    }

    private MemberRepository.Filter filter(DataScope scope, MemberQuery q) {
        Long self = null;
        if (scope.ownRecordsOnly()) {
            self = scope.memberId();
        } else {
            scope.require(Permission.MEMBER_VIEW);
        }
        String orgPath = q.orgId() == null ? null : orgs.get(scope, q.orgId()).path();
        return new MemberRepository.Filter(scope.orgPath(), self, orgPath, q);
    }

    /**
     * The active members with a membership under an org (for participation): their ids, and
     * their counts by the org directly below it that they belong to (a member in several counts
     * in each; the key is that org's id).
     */
    public MembersUnder membersUnder(DataScope scope, long orgId) {
        var org = orgs.get(scope, orgId);
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        Map<Long, java.util.Set<Long>> byChild = new java.util.HashMap<>();
        repository.membershipsUnder(org.path(), org.depth(), (member, child) -> {
            ids.add(member);
            if (child != null) {
                byChild.computeIfAbsent(child, k -> new java.util.HashSet<>()).add(member);
            }
        });
        Map<Long, Long> counts = new java.util.HashMap<>();
        byChild.forEach((child, members) -> counts.put(child, (long) members.size()));
        return new MembersUnder(List.copyOf(ids), counts);
    }

    /** Id and name of every active member in scope, for imports and pickers that resolve many at once. */
    public Map<Long, String> namesInScope(DataScope scope) {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        repository.forEach(filter(scope, MemberQuery.all()), m -> names.put(m.id(), m.name()));
        return names;
    }

    public Member get(DataScope scope, long id) {
        Member member = repository.find(id).orElseThrow(() -> new NotFoundException("member", id));
        if (!visible(scope, id)) {
            throw new NotFoundException("member", id);
        }
        return member;
    }

    /** Unscoped: resolves the names of members already shown on a scoped record. */
    public List<Member> findAll(java.util.Collection<Long> ids) {
        return repository.findAll(ids);
    }

    public Optional<Member> find(long id) {
        return repository.find(id);
    }

    public List<Membership> memberships(DataScope scope, long id) {
        get(scope, id);
        return repository.memberships(id);
    }

    public Map<Long, List<Membership>> memberships(java.util.Collection<Long> memberIds) {
        return repository.memberships(memberIds);
    }

    public boolean visible(DataScope scope, long memberId) {
        if (scope.ownRecordsOnly()) {
            return scope.memberId() == memberId;
        }
        if (!scope.can(Permission.MEMBER_VIEW) && !java.util.Objects.equals(scope.memberId(), memberId)) {
            return false;
        }
        return repository.memberships(memberId).stream().anyMatch(ms -> scope.coversOrgPath(ms.orgPath()))
                || java.util.Objects.equals(scope.memberId(), memberId);
    }

    public long count(DataScope scope) {
        return repository.countInScope(scope.orgPath());
    }

    /** The phone as shown: masked unless the user's role needs it. */
    public String displayPhone(DataScope scope, Member m) {
        return scope.can(Permission.PII_VIEW) ? m.phone() : Masking.phone(m.phone());
    }

    /** The edit form shows the phone unmasked (to change it): opening it is a view of personal data, logged. */
    public void recordFormView(DataScope scope, Member m) {
        if (m.phone() != null && !m.phone().isBlank()) {
            audit.record(scope, "VIEW_PII", "member", m.id(), "phone (edit form)", null, null);
        }
    }

    /** The full phone number, for a user allowed to see it; every reveal is logged. */
    @Transactional
    public String revealPhone(DataScope scope, long id) {
        scope.require(Permission.PII_VIEW);
        Member m = get(scope, id);
        audit.record(scope, "VIEW_PII", "member", id, "phone", null, null);
        return m.phone();
    }

    @Transactional
    public long create(DataScope scope, MemberForm form) {
        scope.require(Permission.MEMBER_EDIT);
        validate(scope, form, null);
        long id = repository.insert(form);
        repository.replaceMemberships(id, form.chosenMemberships());
        audit.record(scope, "CREATE", "member", id, form.getName(), null, snapshot(id));
        return id;
    }

    @Transactional
    public void update(DataScope scope, long id, MemberForm form) {
        scope.require(Permission.MEMBER_EDIT);
        Member current = get(scope, id);
        Map<String, Object> before = snapshot(id);
        validate(scope, form, id);
        // Memberships outside the editor's scope are kept as they are: a county cannot drop a
        // member from the province's committees.
        List<Membership> outside = repository.memberships(id).stream().filter(ms -> !scope.coversOrgPath(ms.orgPath())).toList();
        List<MembershipForm> kept = outside.stream().map(ms -> new MembershipForm(ms.orgId(), ms.position())).toList();
        boolean mainOutside = outside.stream().anyMatch(Membership::main);
        if (!repository.update(id, form)) {
            throw new ConflictException("member", current.id());
        }
        // the first membership is the main one: it stays where it was if the editor cannot see it
        List<MembershipForm> all = new java.util.ArrayList<>();
        if (mainOutside) {
            outside.stream().filter(Membership::main).forEach(ms -> all.add(new MembershipForm(ms.orgId(), ms.position())));
            all.addAll(form.chosenMemberships());
            outside.stream().filter(ms -> !ms.main()).forEach(ms -> all.add(new MembershipForm(ms.orgId(), ms.position())));
        } else {
            all.addAll(form.chosenMemberships());
            all.addAll(kept);
        }
        repository.replaceMemberships(id, all);
        audit.record(scope, "UPDATE", "member", id, form.getName(), before, snapshot(id));
    }

    @Transactional
    public void setActive(DataScope scope, long id, int version, boolean active) {
        scope.require(Permission.MEMBER_EDIT);
        Member m = get(scope, id);
        if (!repository.setActive(id, version, active)) {
            throw new ConflictException("member", id);
        }
        audit.record(scope, active ? "ACTIVATE" : "DEACTIVATE", "member", id, m.name(), Map.of("active", m.active()), Map.of("active", active));
    }

    /** The checks shared by the form and the roster import. */
    void validate(DataScope scope, MemberForm form, Long exceptId) {
        checkDict("gender", form.getGender(), null);
        checkDict("ethnicity", form.getEthnicity(), "ethnicity");
        checkDict("sector", form.getSector(), "sector");
        checkDict("party", form.getParty(), "party");
        checkDict("term", form.getTerm(), "term");
        List<MembershipForm> chosen = form.chosenMemberships();
        if (chosen.isEmpty()) {
            throw BusinessException.onField("memberships", "member.membership.required");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < chosen.size(); i++) {
            MembershipForm ms = chosen.get(i);
            Org org = orgs.get(scope, ms.getOrgId());
            if (!seen.add(org.id())) {
                throw BusinessException.onField("memberships[" + i + "].orgId", "member.membership.twice", org.name());
            }
            if (!dict.isValid("position", ms.getPosition())) {
                throw BusinessException.onField("memberships[" + i + "].position", "dict.invalid", ms.getPosition());
            }
            if (form.getPhone() != null && !form.getPhone().isBlank()
                    && repository.duplicateExists(form.getName(), form.getPhone(), org.id(), exceptId)) {
                throw BusinessException.onField("name", "member.duplicate", form.getName(), org.name());
            }
        }
    }

    private void checkDict(String type, String code, String field) {
        if (code == null) {
            return;
        }
        if ("gender".equals(type)) {
            if (!code.equals("M") && !code.equals("F")) {
                throw BusinessException.onField("gender", "dict.invalid", code);
            }
            return;
        }
        if (!dict.isValid(type, code)) {
            throw BusinessException.onField(field, "dict.invalid", code);
        }
    }

    private Map<String, Object> snapshot(long id) {
        Member m = repository.find(id).orElseThrow();
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("name", m.name());
        s.put("gender", m.gender());
        s.put("ethnicity", m.ethnicity());
        s.put("sector", m.sector());
        s.put("party", m.party());
        s.put("employer", m.employer());
        s.put("post", m.post());
        s.put("phone", m.phone());
        s.put("expertise", String.join("、", m.expertise()));
        s.put("term", m.term());
        s.put("memberships", repository.memberships(id).stream().map(ms -> ms.orgName() + ":" + ms.position()).toList());
        return s;
    }
}
