package cn.zhutui.pairing;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duty lists (职责清单): the ones an org's pairings follow, per kind; an org's own copy and its items. */
@Controller
@RequestMapping("/pairings/templates")
class DutyTemplateController {

    private final DutyService duties;
    private final OrgService orgs;

    DutyTemplateController(DutyService duties, OrgService orgs) {
        this.duties = duties;
        this.orgs = orgs;
    }

    @GetMapping
    String list(DataScope scope, Model model) {
        Org own = orgs.get(scope, scope.orgId());
        Map<PairingKind, DutyTemplate> applying = new LinkedHashMap<>();
        for (PairingKind k : PairingKind.values()) {
            applying.put(k, duties.templateFor(own.id(), k));
        }
        model.addAttribute("own", own);
        model.addAttribute("applying", applying);
        model.addAttribute("templates", duties.templates(scope));
        model.addAttribute("orgNames", orgs.names(duties.templates(scope).stream().map(DutyTemplate::orgId).filter(java.util.Objects::nonNull).toList()));
        return "pairing/templates";
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        DutyTemplate t = duties.template(scope, id);
        model.addAttribute("t", t);
        model.addAttribute("orgName", t.orgId() == null ? null : orgs.names(List.of(t.orgId())).get(t.orgId()));
        return "pairing/template";
    }

    /** Makes the org's own copy of what its pairings of a kind follow, to change it. */
    @PostMapping("/customize")
    String customize(DataScope scope, @RequestParam PairingKind kind, @RequestParam(required = false) Long orgId, RedirectAttributes flash) {
        try {
            long id = duties.customize(scope, orgId == null ? scope.orgId() : orgId, kind);
            flash.addFlashAttribute("message", "pairing.template.customized");
            return "redirect:/pairings/templates/" + id;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/pairings/templates";
        }
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam(required = false) String name,
                  @RequestParam(required = false) DutyRhythm rhythm, RedirectAttributes flash) {
        return act(flash, id, () -> duties.updateTemplate(scope, id, version, name, rhythm));
    }

    @PostMapping("/{id}/items")
    String addItem(DataScope scope, @PathVariable long id, @RequestParam(required = false) String title,
                   @RequestParam(defaultValue = "1") int target, @RequestParam(defaultValue = "false") boolean countsVisits,
                   @RequestParam(name = "evidence", required = false) List<String> evidence, RedirectAttributes flash) {
        return act(flash, id, () -> duties.addItem(scope, id, title, target, countsVisits, kinds(evidence)));
    }

    @PostMapping("/{id}/items/{itemId}")
    String updateItem(DataScope scope, @PathVariable long id, @PathVariable long itemId, @RequestParam int version,
                      @RequestParam(required = false) String title, @RequestParam(defaultValue = "1") int target,
                      @RequestParam(defaultValue = "false") boolean countsVisits, @RequestParam(name = "evidence", required = false) List<String> evidence,
                      @RequestParam(defaultValue = "false") boolean retired, RedirectAttributes flash) {
        return act(flash, id, () -> duties.updateItem(scope, id, itemId, version, title, target, countsVisits, kinds(evidence), retired));
    }

    @PostMapping("/{id}/items/{itemId}/delete")
    String removeItem(DataScope scope, @PathVariable long id, @PathVariable long itemId, RedirectAttributes flash) {
        return act(flash, id, () -> duties.removeItem(scope, id, itemId));
    }

    private static Set<Evidence> kinds(List<String> names) {
        return names == null ? EnumSet.noneOf(Evidence.class) : DutyService.evidence(names);
    }

    private String act(RedirectAttributes flash, long id, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/pairings/templates/" + id;
    }
}
