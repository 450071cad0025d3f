package cn.zhutui.member;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/members")
class MemberController {

    private final MemberService members;
    private final MemberRosterService roster;
    private final OrgService orgs;

    MemberController(MemberService members, MemberRosterService roster, OrgService orgs) {
        this.members = members;
        this.roster = roster;
        this.orgs = orgs;
    }

    @GetMapping
    String list(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(defaultValue = "true") boolean subtree,
                @RequestParam(required = false) String sector, @RequestParam(required = false) Long committeeId,
                @RequestParam(required = false) String name, @RequestParam(defaultValue = "true") boolean active,
                @RequestParam(required = false) Integer page, Model model) {
        if (scope.ownRecordsOnly()) {
            return "redirect:/members/" + scope.memberId();
        }
        MemberQuery q = new MemberQuery(orgId, subtree, sector, committeeId, name, active);
        model.addAttribute("q", q);
        model.addAttribute("page", members.search(scope, q, PageRequest.of(page, 20)));
        model.addAttribute("orgChoices", orgs.inScope(scope));
        model.addAttribute("committees", orgs.inScope(scope, OrgKind.SPECIAL_COMMITTEE));
        return "member/list";
    }

    @GetMapping("/export")
    void export(DataScope scope, @RequestParam(required = false) Long orgId, @RequestParam(defaultValue = "true") boolean subtree,
                @RequestParam(required = false) String sector, @RequestParam(required = false) Long committeeId,
                @RequestParam(required = false) String name, @RequestParam(defaultValue = "true") boolean active,
                Locale locale, HttpServletResponse response) throws IOException {
        MemberQuery q = new MemberQuery(orgId, subtree, sector, committeeId, name, active);
        Workbooks.send(response, roster.export(scope, q, locale), "委员名册.xlsx");
    }

    /** Matches for a member picker (htmx): members in scope by name. */
    @GetMapping("/pick")
    String pick(DataScope scope, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("results", q.isBlank() ? List.of()
                : members.search(scope, new MemberQuery(null, true, null, null, q.trim(), true), PageRequest.of(1, 20)).items());
        return "member/pick";
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        Member m = members.get(scope, id);
        model.addAttribute("m", m);
        model.addAttribute("memberships", members.memberships(scope, id));
        return "member/show";
    }

    /** The unmasked phone, for the roles that need it; each reveal is audited. */
    @GetMapping(value = "/{id}/phone", produces = MediaType.TEXT_PLAIN_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    ResponseEntity<String> phone(DataScope scope, @PathVariable long id) {
        return ResponseEntity.ok(members.revealPhone(scope, id));
    }

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long orgId, Model model) {
        scope.require(Permission.MEMBER_EDIT);
        MemberForm form = new MemberForm();
        form.getMemberships().add(new MembershipForm(orgId == null ? scope.orgId() : orgId, "MEMBER"));
        return form(scope, model, form, null);
    }

    @PostMapping
    String create(DataScope scope, @Valid @ModelAttribute("form") MemberForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = members.create(scope, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/members/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        scope.require(Permission.MEMBER_EDIT);
        Member m = members.get(scope, id);
        List<Membership> mine = members.memberships(scope, id).stream().filter(ms -> scope.coversOrgPath(ms.orgPath())).toList();
        members.recordFormView(scope, m);
        return form(scope, model, MemberForm.of(m, mine), m);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") MemberForm form, BindingResult result,
                  Model model, RedirectAttributes flash) {
        Member m = members.get(scope, id);
        if (!result.hasErrors()) {
            try {
                members.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/members/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, m);
    }

    @PostMapping("/{id}/active")
    String setActive(DataScope scope, @PathVariable long id, @RequestParam int version, @RequestParam boolean active,
                     RedirectAttributes flash) {
        members.setActive(scope, id, version, active);
        flash.addFlashAttribute("message", "common.saved");
        return "redirect:/members/" + id;
    }

    @GetMapping("/import")
    String importPage(DataScope scope) {
        scope.require(Permission.MEMBER_EDIT);
        return "member/import";
    }

    @GetMapping("/import/template")
    void template(DataScope scope, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, roster.template(scope, locale), "委员名册导入模板.xlsx");
    }

    @PostMapping("/import")
    String importFile(DataScope scope, @RequestParam("file") MultipartFile file, Locale locale, Model model) throws IOException {
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", roster.importRoster(scope, in, locale));
        }
        return "member/import";
    }

    private String form(DataScope scope, Model model, MemberForm form, Member member) {
        if (form.getMemberships().isEmpty()) {
            form.getMemberships().add(new MembershipForm());
        }
        List<Org> choices = orgs.inScope(scope);
        model.addAttribute("form", form);
        model.addAttribute("member", member);
        model.addAttribute("orgChoices", choices);
        return "member/form";
    }
}
