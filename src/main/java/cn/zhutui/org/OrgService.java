package cn.zhutui.org;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.region.RegionService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org tree, seen through a scope: a user reads and changes only their org's subtree. An org
 * outside the scope answers "not found", as if it did not exist.
 */
@Service
public class OrgService {

    private final OrgRepository repository;
    private final RegionService regions;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    OrgService(OrgRepository repository, RegionService regions, AuditService audit,
               org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
    }

    /** Unscoped lookup, for the security module resolving a user's own org. */
    public Optional<Org> find(long id) {
        return repository.find(id);
    }

    public Org get(DataScope scope, long id) {
        Org org = repository.find(id).orElseThrow(() -> new NotFoundException("org", id));
        if (!scope.coversOrgPath(org.path())) {
            throw new NotFoundException("org", id);
        }
        return org;
    }

    /** The tops of the tree this user sees: their own org (or every root, for the system). */
    public List<Org> roots(DataScope scope) {
        if (scope.isSystem()) {
            return repository.roots();
        }
        return repository.find(scope.orgId()).stream().toList();
    }

    public List<Org> children(DataScope scope, long parentId) {
        get(scope, parentId);
        return repository.children(parentId);
    }

    public Map<Long, Long> childCounts(Collection<Org> orgs) {
        return repository.childCounts(orgs.stream().map(Org::id).toList());
    }

    /** The whole subtree in scope, tree order (for pickers). */
    public List<Org> inScope(DataScope scope) {
        return repository.subtree(scope.orgPath());
    }

    public List<Org> inScope(DataScope scope, OrgKind kind) {
        return repository.subtree(scope.orgPath(), kind);
    }

    public List<Org> subtree(DataScope scope, long rootId) {
        return repository.subtree(get(scope, rootId).path());
    }

    public List<Org> search(DataScope scope, String q, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return repository.search(q.trim(), scope.orgPath(), Math.min(limit, 100));
    }

    public long count(DataScope scope) {
        return repository.count(scope.orgPath());
    }

    /** Orgs by id within scope; ids outside it are silently left out. */
    public List<Org> findAll(DataScope scope, Collection<Long> ids) {
        return repository.findAll(ids).stream().filter(o -> scope.coversOrgPath(o.path())).toList();
    }

    /** The ancestors of an org that the user may see, root first (for breadcrumbs). */
    public List<Org> lineage(DataScope scope, Org org) {
        List<Long> ids = java.util.Arrays.stream(org.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        return repository.findAll(ids).stream().filter(o -> scope.coversOrgPath(o.path())).toList();
    }

    /** Names of orgs by id, unscoped: names are shown on records the user may already see. */
    public Map<Long, String> names(Collection<Long> ids) {
        return repository.findAll(ids).stream().collect(java.util.stream.Collectors.toMap(Org::id, Org::name));
    }

    /**
     * The committee an org reports under: itself if it is a committee, else the nearest committee
     * above it (a county's office, studio or work team reports under the county committee).
     */
    public Org unitOf(Org org) {
        if (org.isCommittee()) {
            return org;
        }
        List<Long> ancestors = ancestorIds(org);
        List<Org> lineage = repository.findAll(ancestors);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            long id = ancestors.get(i);
            Optional<Org> o = lineage.stream().filter(x -> x.id() == id && x.isCommittee()).findFirst();
            if (o.isPresent()) {
                return o.get();
            }
        }
        return org;
    }

    /** The committee above a committee (its parent unit), or empty for the top. */
    public Optional<Org> parentUnit(Org unit) {
        return unit.parentId() == null ? Optional.empty() : repository.find(unit.parentId()).map(this::unitOf);
    }

    /** The committees directly under a committee: the units whose parent unit it is. */
    public List<Org> childUnits(Org unit) {
        return unitTree(unit).children(unit);
    }

    /**
     * Every unit under a committee with the units directly below it, from one read of the subtree:
     * a table's columns and whether each drills further, without a read per column.
     */
    public UnitTree unitTree(Org top) {
        List<Org> committees = repository.subtree(top.path(), OrgKind.COMMITTEE);
        java.util.Set<Long> committeeIds = committees.stream().map(Org::id).collect(java.util.stream.Collectors.toSet());
        Map<Long, List<Org>> children = new java.util.HashMap<>();
        for (Org c : committees) {
            List<Long> above = ancestorIds(c);
            // the nearest committee above it is its parent unit
            for (int i = above.size() - 2; i >= 0; i--) {
                if (committeeIds.contains(above.get(i))) {
                    children.computeIfAbsent(above.get(i), k -> new java.util.ArrayList<>()).add(c);
                    break;
                }
            }
        }
        return new UnitTree(children);
    }

    private static List<Long> ancestorIds(Org org) {
        return java.util.Arrays.stream(org.path().split("/")).filter(x -> !x.isEmpty()).map(Long::valueOf).toList();
    }

    /** The county (or prefecture, province) committee whose region is the given one. */
    public Optional<Org> committeeOfRegion(String regionCode) {
        return repository.findCommitteeOfRegion(regionCode);
    }

    @Transactional
    public long create(DataScope scope, OrgForm form) {
        scope.require(Permission.ORG_EDIT);
        if (form.getParentId() == null && !scope.isSystem()) {
            throw BusinessException.onField("parentId", "validation.required");
        }
        String parentPath = "/";
        if (form.getParentId() != null) {
            Org parent = get(scope, form.getParentId());
            parentPath = parent.path();
            checkLevel(parent, form.getLevel());
        }
        checkRegion(form.getParentId(), form);
        try {
            long id = repository.insert(form.getParentId(), parentPath, form);
            audit.record(scope, "CREATE", "org", id, form.getName(), null, repository.find(id).orElseThrow());
            return id;
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "org.name.duplicate", form.getName());
        }
    }

    @Transactional
    public void update(DataScope scope, long id, OrgForm form) {
        scope.require(Permission.ORG_EDIT);
        Org before = get(scope, id);
        checkRegion(before.parentId(), form);
        boolean kindOrLevel = before.kind() != form.getKind() || before.level() != form.getLevel();
        if (kindOrLevel && !scope.isSystem() && scope.orgPath().startsWith(before.path())) {
            // a unit escaping review by raising its own level: only the level above may change it
            throw BusinessException.onField(before.kind() != form.getKind() ? "kind" : "level", "org.ownKindLevel");
        }
        if (before.parentId() != null) {
            checkLevel(repository.find(before.parentId()).orElseThrow(), form.getLevel());
        }
        try {
            if (!repository.update(id, form)) {
                throw new ConflictException("org", id);
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("name", "org.name.duplicate", form.getName());
        }
        Org after = repository.find(id).orElseThrow();
        audit.record(scope, "UPDATE", "org", id, form.getName(), before, after);
        if (before.kind() != after.kind()) {
            events.publishEvent(new OrgTreeChanged(scope, id, after.path()));
        }
    }

    /** An org works at its parent's level or below it: a county's group is never a province's. */
    private static void checkLevel(Org parent, OrgLevel level) {
        if (level != null && level.ordinal() < parent.level().ordinal()) {
            throw BusinessException.onField("level", "org.levelAboveParent", parent.name());
        }
    }

    /** Moves an org, with everything under it, below another org of the same scope. */
    @Transactional
    public void move(DataScope scope, long id, int version, long newParentId) {
        scope.require(Permission.ORG_EDIT);
        // a concurrent move of the parent (or of this org) must not leave stale paths or a cycle
        repository.lock(List.of(id, newParentId));
        Org org = get(scope, id);
        Org parent = get(scope, newParentId);
        if (org.id() == scope.orgId() || org.parentId() == null) {
            throw new ForbiddenException();
        }
        if (parent.path().startsWith(org.path())) {
            throw BusinessException.onField("parentId", "org.move.intoItself");
        }
        if (org.level().ordinal() < parent.level().ordinal()) {
            throw BusinessException.onField("parentId", "org.levelAboveParent", parent.name());
        }
        String newPath = parent.path() + org.id() + "/";
        try {
            if (!repository.move(id, version, newParentId, org.path(), newPath)) {
                throw new ConflictException("org", id);
            }
        } catch (DuplicateKeyException e) {
            throw BusinessException.onField("parentId", "org.name.duplicate", org.name());
        }
        audit.record(scope, "MOVE", "org", id, org.name(), Map.of("parentId", org.parentId()), Map.of("parentId", newParentId));
        events.publishEvent(new OrgTreeChanged(scope, id, newPath));
    }

    /** Deletes an empty org; one with children, members, users or records is refused. */
    @Transactional
    public void delete(DataScope scope, long id, int version) {
        scope.require(Permission.ORG_EDIT);
        Org org = get(scope, id);
        if (org.id() == scope.orgId()) {
            throw new ForbiddenException();
        }
        if (!repository.children(id).isEmpty()) {
            throw new BusinessException("org.delete.hasChildren");
        }
        try {
            if (repository.delete(id, version) != 1) {
                throw new ConflictException("org", id);
            }
        } catch (DataIntegrityViolationException e) {
            throw new BusinessException("org.delete.inUse");
        }
        audit.record(scope, "DELETE", "org", id, org.name(), org, null);
    }

    /**
     * An org's region lies within the region of the org above it (the nearest one that has a
     * region): a county office cannot claim another county, and so cannot reach its data.
     */
    private void checkRegion(Long parentId, OrgForm form) {
        if (form.getRegionCode() == null) {
            return;
        }
        var region = regions.find(form.getRegionCode())
                .orElseThrow(() -> BusinessException.onField("regionCode", "region.unknown", form.getRegionCode()));
        if (parentId == null) {
            return;
        }
        effectiveRegion(repository.find(parentId).orElseThrow()).flatMap(regions::find).ifPresent(bound -> {
            if (!bound.contains(region)) {
                throw BusinessException.onField("regionCode", "org.region.outside", bound.name());
            }
        });
    }

    /** The region an org works in: its own, or that of the nearest org above it that has one. */
    public Optional<String> effectiveRegion(Org org) {
        if (org.regionCode() != null) {
            return Optional.of(org.regionCode());
        }
        List<Long> ancestors = ancestorIds(org);
        List<Org> lineage = repository.findAll(ancestors);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            long id = ancestors.get(i);
            Optional<String> code = lineage.stream().filter(x -> x.id() == id && x.regionCode() != null).map(Org::regionCode).findFirst();
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }
}
