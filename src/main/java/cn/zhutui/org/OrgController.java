package cn.zhutui.org;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.region.RegionService;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/orgs")
class OrgController {

    private final OrgService orgs;
    private final RegionService regions;

    OrgController(OrgService orgs, RegionService regions) {
        this.orgs = orgs;
        this.regions = regions;
    }

    @ModelAttribute("kinds")
    OrgKind[] kinds() {
        return OrgKind.values();
    }

    @ModelAttribute("levels")
    OrgLevel[] levels() {
        return OrgLevel.values();
    }

    @GetMapping
    String tree(DataScope scope, @RequestParam(required = false) String q, Model model) {
        List<Org> roots = orgs.roots(scope);
        model.addAttribute("nodes", roots);
        model.addAttribute("childCounts", orgs.childCounts(roots));
        model.addAttribute("q", q);
        model.addAttribute("found", orgs.search(scope, q, 50));
        return "org/tree";
    }

    @GetMapping("/children")
    String children(DataScope scope, @RequestParam long parent, Model model) {
        List<Org> children = orgs.children(scope, parent);
        model.addAttribute("nodes", children);
        model.addAttribute("childCounts", orgs.childCounts(children));
        return "org/tree :: nodes";
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Org org = orgs.get(scope, id);
        model.addAttribute("org", org);
        model.addAttribute("lineage", orgs.lineage(scope, org));
        model.addAttribute("children", orgs.children(scope, id));
        model.addAttribute("region", regions.find(org.regionCode()).orElse(null));
        model.addAttribute("moveTargets", orgs.inScope(scope).stream().filter(o -> !o.path().startsWith(org.path())).toList());
        return "org/show";
    }

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam long parent, Model model) {
        Org parentOrg = orgs.get(scope, parent);
        OrgForm form = new OrgForm();
        form.setParentId(parent);
        form.setLevel(parentOrg.level());
        form.setRegionCode(parentOrg.regionCode());
        form.setKind(OrgKind.GROUP);
        return form(model, form, null, parentOrg);
    }

    @PostMapping
    String create(DataScope scope, @Valid @ModelAttribute("form") OrgForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        Org parent = form.getParentId() == null ? null : orgs.get(scope, form.getParentId());
        if (!result.hasErrors()) {
            try {
                long id = orgs.create(scope, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/orgs/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, form, null, parent);
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Org org = orgs.get(scope, id);
        return form(model, OrgForm.of(org), org, null);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") OrgForm form, BindingResult result,
                  Model model, RedirectAttributes flash) {
        Org org = orgs.get(scope, id);
        if (!result.hasErrors()) {
            try {
                orgs.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/orgs/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, form, org, null);
    }

    @PostMapping("/{id}/move")
    String move(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam long parentId,
                RedirectAttributes flash) {
        orgs.move(scope, id, version, parentId);
        flash.addFlashAttribute("message", "common.saved");
        return "redirect:/orgs/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        Org org = orgs.get(scope, id);
        orgs.delete(scope, id, version);
        flash.addFlashAttribute("message", "common.deleted");
        return "redirect:/orgs/" + org.parentId();
    }

    private String form(Model model, OrgForm form, Org org, Org parent) {
        model.addAttribute("form", form);
        model.addAttribute("org", org);
        model.addAttribute("parent", parent);
        model.addAttribute("regionName", regions.find(form.getRegionCode()).map(r -> r.name()).orElse(""));
        return "org/form";
    }
}
