package cn.zhutui.pairing;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.org.OrgService;
import cn.zhutui.pairing.internal.PairingExcel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The visits: the list with its filters and export, a visit with its photos, its correction and deletion. */
@Controller
@RequestMapping("/visits")
class VisitController {

    private final VisitService visits;
    private final PairingService pairings;
    private final OrgService orgs;
    private final FileService files;
    private final PairingExcel excel;

    VisitController(VisitService visits, PairingService pairings, OrgService orgs, FileService files, PairingExcel excel) {
        this.visits = visits;
        this.pairings = pairings;
        this.orgs = orgs;
        this.files = files;
        this.excel = excel;
    }

    record Params(Long orgId, Long unitOrgId, Long pairingId, Long memberId, PairingKind kind,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  String regionCode) {
        VisitQuery query() {
            return new VisitQuery(orgId, unitOrgId, pairingId, memberId, kind, from, to, regionCode);
        }
    }

    @GetMapping
    String list(DataScope scope, @ModelAttribute("p") Params p, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", visits.search(scope, p.query(), PageRequest.of(page, 20)));
        model.addAttribute("orgChoices", scope.ownRecordsOnly() ? List.of() : orgs.inScope(scope));
        return "pairing/visits";
    }

    @GetMapping("/export")
    void export(DataScope scope, @ModelAttribute Params p, Locale locale, HttpServletResponse response) throws IOException {
        Workbooks.send(response, excel.visits(scope, p.query(), locale), "走访.xlsx");
    }

    @GetMapping("/{id}")
    String show(DataScope scope, @PathVariable long id, Model model) {
        VisitView v = visits.view(scope, id);
        model.addAttribute("v", v);
        model.addAttribute("today", pairings.today());
        return "pairing/visit";
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        VisitView v = visits.view(scope, id);
        model.addAttribute("form", VisitForm.of(v.visit(), v.people()));
        model.addAttribute("v", v);
        return "pairing/visit-form";
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") VisitForm form, BindingResult result, Model model,
                  RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                visits.update(scope, id, form);
                flash.addFlashAttribute("message", "common.saved");
                return "redirect:/visits/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("v", visits.view(scope, id));
        return "pairing/visit-form";
    }

    @PostMapping("/{id}/delete")
    String delete(DataScope scope, @PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
        long pairingId = visits.get(scope, id).pairingId();
        try {
            visits.delete(scope, id, version);
            flash.addFlashAttribute("message", "common.deleted");
            return "redirect:/pairings/" + pairingId;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/visits/" + id;
        }
    }

    @PostMapping("/{id}/photos")
    String addPhoto(DataScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        try (InputStream in = file.getInputStream()) {
            visits.addPhoto(scope, id, new VisitService.Photo(in, file.getOriginalFilename()));
            flash.addFlashAttribute("message", "pairing.photo.added");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/visits/" + id;
    }

    @PostMapping("/{id}/photos/{photoId}/delete")
    String removePhoto(DataScope scope, @PathVariable long id, @PathVariable long photoId, RedirectAttributes flash) {
        try {
            visits.removePhoto(scope, id, photoId);
            flash.addFlashAttribute("message", "common.deleted");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/visits/" + id;
    }

    /** A photo, served only to those who may see the visit. */
    @GetMapping("/{id}/photos/{photoId}")
    void photo(DataScope scope, @PathVariable long id, @PathVariable long photoId, HttpServletResponse response) throws IOException {
        cn.zhutui.file.FileResponses.send(files, visits.file(visits.photo(scope, id, photoId)), response);
    }

    @GetMapping("/{id}/photos/{photoId}/thumb")
    void thumbnail(DataScope scope, @PathVariable long id, @PathVariable long photoId, HttpServletResponse response) throws IOException {
        StoredFile file = visits.file(visits.photo(scope, id, photoId));
        InputStream in = files.openThumbnail(file).orElseThrow(() -> new NotFoundException("thumbnail", photoId));
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", "private, max-age=86400");
        try (in; OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
