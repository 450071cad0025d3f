package cn.zhutui.consult;

import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Page;
import cn.zhutui.common.PageRequest;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.OutcomeRepository;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.Region;
import cn.zhutui.region.RegionService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The public notice (公示), read without login: the outcomes each county's office has published,
 * so residents can see what became of their problem. It reads only what was written for the public
 * (checked for personal data when published) and the dates and states; no user, no scope.
 */
@Service
public class PublicConsultService {

    private final OutcomeRepository outcomes;
    private final OrgService orgs;
    private final RegionService regions;
    private final ConsultAccess access;

    PublicConsultService(OutcomeRepository outcomes, OrgService orgs, RegionService regions, ConsultAccess access) {
        this.outcomes = outcomes;
        this.orgs = orgs;
        this.regions = regions;
        this.access = access;
    }

    /** The counties (and other committees with a region) that published outcomes, by region code. */
    public List<PublicCounty> counties() {
        List<PublicCounty> list = new ArrayList<>();
        Map<Long, Long> byOrg = outcomes.publishedByOrg();
        Map<Long, Long> byUnit = new java.util.HashMap<>();
        byOrg.forEach((orgId, n) -> orgs.find(orgId).map(orgs::unitOf).ifPresent(u -> byUnit.merge(u.id(), n, Long::sum)));
        byUnit.forEach((unitId, n) -> orgs.find(unitId).filter(o -> o.regionCode() != null).flatMap(o -> regions.find(o.regionCode()))
                .ifPresent(r -> list.add(new PublicCounty(r.code(), r.name(),
                        r.parentCode() == null ? "" : regions.find(r.parentCode()).map(Region::name).orElse(""), n))));
        list.sort(Comparator.comparing(PublicCounty::code));
        return list;
    }

    public Region county(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw new NotFoundException("county", code);
        }
        Region region = regions.find(code).orElseThrow(() -> new NotFoundException("region", code));
        orgs.committeeOfRegion(code).orElseThrow(() -> new NotFoundException("committee of region", code));
        return region;
    }

    /** A county's published outcomes, newest publication first. */
    public Page<PublicOutcome> published(String countyCode, PageRequest page) {
        county(countyCode);
        Org committee = orgs.committeeOfRegion(countyCode).orElseThrow(() -> new NotFoundException("committee of region", countyCode));
        Page<OutcomeRepository.Published> rows = outcomes.published(committee.path(), page);
        Map<String, String> places = regions.lineageNamesOf(rows.items().stream().map(OutcomeRepository.Published::regionCode).toList());
        places.replaceAll((code, lineage) -> PlatformService.shortLineage(lineage));
        LocalDate today = access.today();
        return rows.map(p -> new PublicOutcome(p.id(), p.publicTitle(), p.publicText(), p.platformName(),
                places.get(p.regionCode()), p.heldOn(), p.deadline(), status(p, today), p.doneOn(),
                p.publishedAt()));
    }

    private static String status(OutcomeRepository.Published p, LocalDate today) {
        if (p.doneOn() != null) {
            return Boolean.TRUE.equals(p.solved()) ? "SOLVED" : "DONE";
        }
        return p.deadline().isBefore(today) ? "OVERDUE" : "OPEN";
    }
}
