package cn.zhutui.consult;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.member.MemberService;
import cn.zhutui.region.RegionService;
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

/** Platforms (议事平台): the list, a platform's page with its council, and the form. */
@Controller
@RequestMapping("/consult/platforms")
class PlatformController {

    private final PlatformService platforms;
    private final RegionService regions;
    private final MemberService members;
    private final ConsultExports exports;

    PlatformController(PlatformService platforms, RegionService regions, MemberService members, ConsultExports exports) {
        this.exports = exports;
        this.platforms = platforms;
        this.regions = regions;
        this.members = members;
    }

    @GetMapping
    String list(DataScope scope, @ModelAttribute("q") PlatformQuery q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", platforms.search(scope, q, PageRequest.of(page, 20)));
        model.addAttribute("regionName", regions.find(q.regionCode()).map(r -> r.name()).orElse(""));
        model.addAttribute("canCreate", scope.can(Permission.CONSULT_MANAGE));
        return "consult/platforms";
    }

    @GetMapping("/export")
    void export(DataScope scope, @ModelAttribute PlatformQuery q, java.util.Locale locale, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        cn.zhutui.common.Workbooks.send(response, exports.platforms(scope, q, locale), "协商议事平台.xlsx");
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        PlatformDetails d = platforms.details(scope, id);
        model.addAttribute("d", d);
        if (!model.containsAttribute("seatForm")) {
            SeatForm seat = new SeatForm();
            seat.setRole("MEMBER");
            model.addAttribute("seatForm", seat);
        }
        if (d.manage()) {
            model.addAttribute("memberChoices", members.namesInScope(scope));
        }
        return "consult/platform";
    }

    @GetMapping("/new")
    String newForm(DataScope scope, Model model) {
        scope.require(Permission.CONSULT_MANAGE);
        PlatformForm form = new PlatformForm();
        form.setLevel("VILLAGE");
        return form(model, form, null);
    }

    @PostMapping
    String create(DataScope scope, @ModelAttribute("form") PlatformForm form, BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = platforms.create(scope, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/consult/platforms/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        Platform p = platforms.get(scope, id);
        return form(model, PlatformForm.of(p), p);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") PlatformForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        Platform p = platforms.get(scope, id);
        if (!result.hasErrors()) {
            try {
                platforms.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/consult/platforms/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, form, p);
    }

    @PostMapping("/{id}/seats")
    String addSeat(DataScope scope, @PathVariable long id, @ModelAttribute("seatForm") SeatForm form, BindingResult result,
                   RedirectAttributes flash) {
        if (result.hasErrors()) {
            flash.addFlashAttribute("error", new BusinessException("error.badRequest"));
            return "redirect:/consult/platforms/" + id + "#council";
        }
        try {
            platforms.addSeat(scope, id, form);
            flash.addFlashAttribute("message", "consult.seat.added");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            flash.addFlashAttribute("seatForm", form);
        }
        return "redirect:/consult/platforms/" + id + "#council";
    }

    @PostMapping("/{id}/seats/{seatId}/end")
    String endSeat(DataScope scope, @PathVariable long id, @PathVariable long seatId, RedirectAttributes flash) {
        platforms.endSeat(scope, id, seatId);
        flash.addFlashAttribute("message", "consult.seat.ended");
        return "redirect:/consult/platforms/" + id + "#council";
    }

    private String form(Model model, PlatformForm form, Platform platform) {
        model.addAttribute("form", form);
        model.addAttribute("platform", platform);
        model.addAttribute("regionName", regions.find(form.getRegionCode()).map(r -> r.name()).orElse(""));
        return "consult/platform-form";
    }
}
