package cn.zhutui.consult.internal;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.consult.HistoryLine;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may do what to a consultation record. Reading follows the scope (ConsultScope); running the
 * work — platforms, procedure, topics, meetings, outcomes — belongs to the office of the committee
 * that runs the platform: a county's staff run their county's, while the prefecture and the
 * province above only see it. Cadres raise topics and follow outcomes up in their own region.
 */
@Component
public class ConsultAccess {

    private final OrgService orgs;
    private final RegionService regions;
    private final UserService users;
    private final AuditService audit;
    private final Clock clock;

    ConsultAccess(OrgService orgs, RegionService regions, UserService users, AuditService audit, Clock clock) {
        this.orgs = orgs;
        this.regions = regions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in the users' time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The users' time zone. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** The committee the user works for: their org's, or the nearest one above it. */
    public Org unit(DataScope scope) {
        return orgs.unitOf(orgs.find(scope.orgId()).orElseThrow());
    }

    /** Runs the consultation work of this committee: holds the permission and works for it. */
    public boolean manages(DataScope scope, long orgId) {
        return scope.can(Permission.CONSULT_MANAGE) && (scope.isSystem() || isOffice(scope) && unit(scope).id() == orgId);
    }

    public void requireManage(DataScope scope, long orgId) {
        if (!manages(scope, orgId)) {
            throw new ForbiddenException();
        }
    }

    public boolean publishes(DataScope scope, long orgId) {
        return scope.can(Permission.CONSULT_PUBLISH) && (scope.isSystem() || isOffice(scope) && unit(scope).id() == orgId);
    }

    /** Follows up (notes, feedback): the committee's office, or a cadre whose region holds the place. */
    public boolean followsUp(DataScope scope, long orgId, String regionCode) {
        if (!scope.can(Permission.CONSULT_FOLLOW_UP)) {
            return false;
        }
        return manages(scope, orgId) || inCadreRegion(scope, regionCode);
    }

    /** A cadre raises topics in their region. */
    public boolean inCadreRegion(DataScope scope, String regionCode) {
        return scope.has(Role.CADRE) && scope.regionPath() != null
                && regions.find(regionCode).map(r -> r.path().startsWith(scope.regionPath())).orElse(false);
    }

    private static boolean isOffice(DataScope scope) {
        return scope.has(Role.ADMIN) || scope.has(Role.STAFF) || scope.has(Role.REVIEWER) || scope.has(Role.VIEWER);
    }

    /** A record's dated history from the audit log, with people's names. */
    public List<HistoryLine> history(String entityType, long id) {
        var entries = audit.history(entityType, id);
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> {
            if (e.userId() != null) {
                ids.add(e.userId());
            }
        });
        Map<Long, String> names = users.displayNames(ids);
        return entries.stream().map(e -> new HistoryLine(e.at(), e.userId() == null ? e.username() : names.getOrDefault(e.userId(), e.username()),
                e.action(), e.summary(), e.changes())).toList();
    }

    public Map<Long, String> userNames(java.util.Collection<Long> ids) {
        return users.displayNames(ids);
    }
}
