package cn.zhutui.region;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.dict.DictService;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/regions")
class RegionController {

    private final RegionService regions;
    private final DictService dict;

    RegionController(RegionService regions, DictService dict) {
        this.regions = regions;
        this.dict = dict;
    }

    /** The tree's first level; deeper levels load on demand (a province has ~15,000 villages). */
    @GetMapping
    String tree(Model model) {
        List<Region> roots = regions.roots();
        model.addAttribute("nodes", roots);
        model.addAttribute("childCounts", regions.childCounts(roots));
        model.addAttribute("tags", regions.tags(roots));
        return "region/tree";
    }

    @GetMapping("/children")
    String children(@RequestParam String parent, Model model) {
        List<Region> children = regions.children(parent);
        model.addAttribute("nodes", children);
        model.addAttribute("childCounts", regions.childCounts(children));
        model.addAttribute("tags", regions.tags(children));
        return "region/tree :: nodes";
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        List<Region> found = regions.search(q, null, 50);
        model.addAttribute("results", found);
        model.addAttribute("q", q);
        return "region/tree :: results";
    }

    /** Matches for a region picker (htmx). */
    @GetMapping("/pick")
    String pick(@RequestParam(defaultValue = "") String q, Model model) {
        List<Region> found = regions.search(q, null, 20);
        model.addAttribute("results", found);
        model.addAttribute("lineages", regions.lineageNames(found));
        return "region/tree :: pick";
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        Region region = regions.get(code);
        List<Region> children = regions.children(code);
        model.addAttribute("region", region);
        model.addAttribute("lineage", regions.lineage(region));
        model.addAttribute("children", children);
        model.addAttribute("childTags", regions.tags(children));
        model.addAttribute("tags", regions.tags(code));
        model.addAttribute("tagChoices", dict.items("region_tag"));
        return "region/show";
    }

    @PostMapping("/{code}/tags")
    String addTag(DataScope scope, @PathVariable String code, @RequestParam String tag, RedirectAttributes flash) {
        regions.addTag(scope, code, tag);
        flash.addFlashAttribute("message", "common.saved");
        return "redirect:/regions/" + code;
    }

    @PostMapping("/{code}/tags/{tag}/delete")
    String removeTag(DataScope scope, @PathVariable String code, @PathVariable String tag, RedirectAttributes flash) {
        regions.removeTag(scope, code, tag);
        flash.addFlashAttribute("message", "common.saved");
        return "redirect:/regions/" + code;
    }

    @GetMapping("/import")
    String importForm(DataScope scope, Model model) {
        scope.require(Permission.REGION_ADMIN);
        model.addAttribute("bundled", RegionService.BUNDLED);
        return "region/import";
    }

    @PostMapping("/import")
    String importFile(DataScope scope, @RequestParam("file") MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        scope.require(Permission.REGION_ADMIN);
        if (file.isEmpty()) {
            throw new BusinessException("import.empty");
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", regions.importTable(scope, file.getOriginalFilename(), in, dryRun));
        }
        model.addAttribute("bundled", RegionService.BUNDLED);
        return "region/import";
    }

    @PostMapping("/import/bundled")
    String importBundled(DataScope scope, @RequestParam String name, Model model) {
        model.addAttribute("result", regions.importBundled(scope, name));
        model.addAttribute("bundled", RegionService.BUNDLED);
        return "region/import";
    }
}
