package cn.zhutui.consult;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A committee's consultation procedure: its steps, edited by its office, seen by the levels above. */
@Controller
@RequestMapping("/consult/procedure")
class ProcedureController {

    private final ProcedureService procedure;
    private final OrgService orgs;
    private final cn.zhutui.consult.internal.ConsultAccess access;

    ProcedureController(ProcedureService procedure, OrgService orgs, cn.zhutui.consult.internal.ConsultAccess access) {
        this.procedure = procedure;
        this.orgs = orgs;
        this.access = access;
    }

    @GetMapping
    String page(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        scope.require(Permission.CONSULT_VIEW);
        Org org = orgId == null ? procedure.ownUnit(scope) : orgs.get(scope, orgId);
        boolean manage = access.manages(scope, org.id());
        if (manage) {
            procedure.ensure(org.id());
        }
        model.addAttribute("org", org);
        model.addAttribute("steps", procedure.allSteps(scope, org.id()));
        model.addAttribute("manage", manage);
        model.addAttribute("checks", StepCheck.values());
        if (!model.containsAttribute("newStep")) {
            model.addAttribute("newStep", new StepForm());
        }
        return "consult/procedure";
    }

    @PostMapping
    String add(DataScope scope, @ModelAttribute StepForm form, RedirectAttributes flash) {
        try {
            procedure.add(scope, form);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            flash.addFlashAttribute("newStep", form);
        }
        return "redirect:/consult/procedure";
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute StepForm form, RedirectAttributes flash) {
        try {
            procedure.update(scope, id, form);
            flash.addFlashAttribute("message", "common.saved");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/consult/procedure";
    }

    @PostMapping("/{id}/move")
    String move(DataScope scope, @PathVariable long id, @RequestParam boolean up) {
        procedure.move(scope, id, up);
        return "redirect:/consult/procedure";
    }
}
