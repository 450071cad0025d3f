package cn.zhutui.region;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.SpreadsheetReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The division tables. Regions are reference data everyone may read; importing and tagging is an
 * administrator's job. An import never deletes: a code other records point at stays.
 */
@Service
public class RegionService {

    /** Tables shipped inside the app (see resources/data/README.md for their source). */
    public static final List<String> BUNDLED = List.of("yunnan", "sichuan");

    private final RegionRepository repository;
    private final AuditService audit;
    private final cn.zhutui.dict.DictService dict;

    RegionService(RegionRepository repository, AuditService audit, cn.zhutui.dict.DictService dict) {
        this.repository = repository;
        this.audit = audit;
        this.dict = dict;
    }

    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : repository.find(code);
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("region", code));
    }

    public List<Region> roots() {
        return repository.roots();
    }

    public List<Region> children(String code) {
        return repository.children(code);
    }

    public Map<String, Long> childCounts(List<Region> regions) {
        return repository.childCounts(regions.stream().map(Region::code).toList());
    }

    /** The region and its ancestors, province first (for breadcrumbs). */
    public List<Region> lineage(Region region) {
        List<String> codes = Arrays.stream(region.path().split("/")).filter(s -> !s.isEmpty()).toList();
        return repository.findAll(codes);
    }

    /** "云南省 / 昆明市 / 禄劝县" for each code, in two queries however many codes. */
    public Map<String, String> lineageNamesOf(java.util.Collection<String> codes) {
        return lineageNames(repository.findAll(new java.util.HashSet<>(codes)));
    }

    /** "云南省 / 昆明市 / 禄劝县" for each region, with one query for all their ancestors. */
    public Map<String, String> lineageNames(List<Region> list) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        list.forEach(r -> Arrays.stream(r.path().split("/")).filter(s -> !s.isEmpty()).forEach(codes::add));
        Map<String, String> names = new java.util.HashMap<>();
        repository.findAll(codes).forEach(r -> names.put(r.code(), r.name()));
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (Region r : list) {
            result.put(r.code(), Arrays.stream(r.path().split("/")).filter(s -> !s.isEmpty())
                    .map(c -> names.getOrDefault(c, c)).collect(java.util.stream.Collectors.joining(" / ")));
        }
        return result;
    }

    /**
     * The places from county to village under a region (everywhere when null), to read the
     * names people write in a file. One query for the places, one for the names above them.
     */
    public PlaceNames placeNames(String underCode) {
        String path = underCode == null ? "/" : get(underCode).path();
        List<Region> places = repository.atOrBelow(RegionLevel.COUNTY.depth(), path);
        java.util.Set<String> above = new java.util.HashSet<>();
        places.forEach(r -> Arrays.stream(r.path().split("/")).filter(c -> !c.isEmpty()).forEach(above::add));
        places.forEach(r -> above.remove(r.code()));
        Map<String, String> names = new java.util.HashMap<>();
        places.forEach(r -> names.put(r.code(), r.name()));
        repository.findAll(above).forEach(r -> names.put(r.code(), r.name()));
        return new PlaceNames(places, names);
    }

    public List<Region> atLevel(RegionLevel level, String underCode) {
        String path = underCode == null ? "/" : get(underCode).path();
        return repository.atLevel(level.depth(), path);
    }

    public List<Region> search(String q, String underCode, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String path = underCode == null ? null : get(underCode).path();
        return repository.search(q.trim(), path, Math.min(limit, 200));
    }

    public long count() {
        return repository.count();
    }

    public List<String> tags(String code) {
        return repository.tags(code);
    }

    public Map<String, List<String>> tags(List<Region> regions) {
        return repository.tags(regions.stream().map(Region::code).toList());
    }

    public List<Region> withTag(String tag) {
        return repository.withTag(tag);
    }

    @Transactional
    public void addTag(DataScope scope, String code, String tag) {
        scope.require(Permission.REGION_ADMIN);
        get(code);
        if (!dict.isValid("region_tag", tag)) {
            throw BusinessException.onField("tag", "region.tag.unknown", tag);
        }
        if (repository.addTag(code, tag)) {
            audit.record(scope, "TAG_ADD", "region", code, tag, null, Map.of("tag", tag));
        }
    }

    @Transactional
    public void removeTag(DataScope scope, String code, String tag) {
        scope.require(Permission.REGION_ADMIN);
        if (repository.removeTag(code, tag)) {
            audit.record(scope, "TAG_REMOVE", "region", code, tag, Map.of("tag", tag), null);
        }
    }

    /** The most rows a division table may have: the whole country is about 665,000. */
    static final int MAX_ROWS = 1_000_000;

    /**
     * Imports an uploaded table (CSV, Excel, or either as .gz/.zip), read as a stream; all or
     * nothing. The first 500 errors are reported, with the total.
     */
    @Transactional
    public RegionImportResult importTable(DataScope scope, String source, InputStream in, boolean dryRun) {
        scope.require(Permission.REGION_ADMIN);
        RegionTableParser parser = new RegionTableParser(code -> repository.find(code).orElse(null));
        try {
            SpreadsheetReader.read(in, parser::accept, MAX_ROWS);
        } catch (BusinessException e) {
            return new RegionImportResult(0, 0, 0, 0, dryRun, List.of(new ImportError("", 0, null, e.code(), e.args())), 1);
        } catch (IOException e) {
            return new RegionImportResult(0, 0, 0, 0, dryRun, List.of(new ImportError("", 0, null, "import.unreadable",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("import.reason.brokenZip"))), 1);
        }
        RegionTableParser.Parsed parsed = parser.finish();
        if (!parsed.errors().isEmpty()) {
            return new RegionImportResult(parsed.rows(), 0, 0, 0, dryRun, parsed.errors(), parsed.totalErrors());
        }
        Map<String, Region> existing = new java.util.HashMap<>();
        List<String> codes = parsed.regions().stream().map(Region::code).toList();
        for (int i = 0; i < codes.size(); i += 5000) {
            existing.putAll(repository.existing(codes.subList(i, Math.min(codes.size(), i + 5000))));
        }
        List<Region> changed = new ArrayList<>();
        int added = 0;
        int updated = 0;
        for (Region r : parsed.regions()) {
            Region old = existing.get(r.code());
            if (old == null) {
                added++;
                changed.add(r);
            } else if (!old.equals(r)) {
                updated++;
                changed.add(r);
            }
        }
        int unchanged = parsed.regions().size() - added - updated;
        if (!dryRun) {
            repository.upsert(changed);
            for (Region r : changed) {
                Region old = existing.get(r.code());
                if (old != null && !old.path().equals(r.path())) {
                    repository.movePaths(old.path(), r.path());
                }
            }
            audit.record(scope, "IMPORT", "region", null, source + "：新增 " + added + "，更新 " + updated + "，未变 " + unchanged, null, null);
        }
        return new RegionImportResult(parsed.regions().size(), added, updated, unchanged, dryRun, List.of(), 0);
    }

    /** Loads one of the tables shipped with the app. */
    @Transactional
    public RegionImportResult importBundled(DataScope scope, String name) {
        if (!BUNDLED.contains(name)) {
            throw new NotFoundException("bundled region table", name);
        }
        try (InputStream in = new ClassPathResource("data/regions-" + name + ".csv").getInputStream()) {
            return importTable(scope, "regions-" + name + ".csv", in, false);
        } catch (IOException e) {
            throw new IllegalStateException("bundled table missing: " + name, e);
        }
    }
}
