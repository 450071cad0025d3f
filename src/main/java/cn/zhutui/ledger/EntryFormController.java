package cn.zhutui.ledger;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.file.FileKind;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.member.MemberService;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording work: the full form (office staff, on behalf of members) and the short phone form a
 * member fills in the field, with a photo from the camera and the device's place and time.
 */
@Controller
@RequestMapping("/entries")
class EntryFormController {

    private final LedgerService ledger;
    private final LedgerFilters filters;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final MemberService members;
    private final RegionService regions;
    private final FileService files;

    EntryFormController(LedgerService ledger, LedgerFilters filters, CampaignService campaigns, OrgService orgs,
                        MemberService members, RegionService regions, FileService files) {
        this.files = files;
        this.ledger = ledger;
        this.filters = filters;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.members = members;
        this.regions = regions;
    }

    @GetMapping("/new")
    String newForm(DataScope scope, @RequestParam(required = false) Long campaignId, @RequestParam(required = false) Long taskTypeId,
                   Model model) {
        scope.require(Permission.LEDGER_RECORD);
        Campaign campaign = filters.campaign(scope, campaignId);
        if (campaign == null) {
            throw new NotFoundException("campaign", "active");
        }
        EntryForm form = new EntryForm();
        form.setCampaignId(campaign.id());
        form.setTaskTypeId(taskTypeId);
        form.setStartDate(ledger.today());
        if (scope.ownRecordsOnly()) {
            form.setMemberIds(List.of(scope.memberId()));
        } else {
            form.setOrgId(scope.orgId());
        }
        return form(scope, model, form, null);
    }

    /** The indicator inputs of a task type, swapped in when the task type changes (htmx). */
    @GetMapping("/form-values")
    String values(DataScope scope, @RequestParam long campaignId, @RequestParam(required = false) Long taskTypeId, Model model) {
        CampaignStructure s = campaigns.structure(scope, campaignId);
        EntryForm form = new EntryForm();
        form.setCampaignId(campaignId);
        form.setTaskTypeId(taskTypeId);
        model.addAttribute("form", form);
        model.addAttribute("s", s);
        model.addAttribute("taskType", taskTypeId == null ? null : s.taskType(taskTypeId).orElse(null));
        return "ledger/form :: values";
    }

    @PostMapping
    String create(DataScope scope, @Valid @ModelAttribute("form") EntryForm form, BindingResult result,
                  @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                long id = ledger.create(scope, form, EntrySource.WEB, "submit".equals(action));
                flash.addFlashAttribute("message", "submit".equals(action) ? "ledger.submitted" : "common.saved");
                return "redirect:/entries/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(scope, model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        LedgerEntry e = ledger.get(scope, id);
        if (!ledger.actions(scope, e).edit()) {
            throw new BusinessException("ledger.notEditable");
        }
        return form(scope, model, EntryForm.of(e, ledger.memberIds(id), ledger.values(id)), e);
    }

    @PostMapping("/{id}")
    String update(DataScope scope, @PathVariable long id, @Valid @ModelAttribute("form") EntryForm form, BindingResult result,
                  @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes flash) {
        LedgerEntry e = ledger.get(scope, id);
        form.setCampaignId(e.campaignId());
        if (!result.hasErrors()) {
            try {
                ledger.update(scope, id, form, "submit".equals(action));
                flash.addFlashAttribute("message", "submit".equals(action) ? "ledger.submitted" : "common.saved");
                return "redirect:/entries/" + id;
            } catch (BusinessException ex) {
                FormErrors.reject(result, ex);
            }
        }
        return form(scope, model, form, e);
    }

    // ---------------------------------------------------------------- the phone form

    @GetMapping("/quick")
    String quickForm(DataScope scope, @RequestParam(required = false) Long campaignId, Model model) {
        scope.require(Permission.LEDGER_RECORD);
        Campaign campaign = filters.campaign(scope, campaignId);
        if (campaign == null) {
            throw new NotFoundException("campaign", "active");
        }
        EntryForm form = new EntryForm();
        form.setCampaignId(campaign.id());
        form.setStartDate(ledger.today());
        // a member records for themself; office staff (or a member who is also staff) for their unit, choosing the members
        if (scope.memberId() != null) {
            form.setMemberIds(List.of(scope.memberId()));
        }
        if (!scope.ownRecordsOnly()) {
            form.setOrgId(scope.orgId());
        }
        return quick(scope, model, form, null);
    }

    /**
     * Saves the entry and its photo together: if the photo is refused, the entry is not kept either.
     * A photo chosen with a form that comes back with an error is held (as the user's own file), so
     * the member need not take it again.
     */
    @PostMapping("/quick")
    String quickSave(DataScope scope, @Valid @ModelAttribute("form") EntryForm form, BindingResult result,
                     @RequestParam(name = "photo", required = false) MultipartFile photo,
                     @RequestParam(required = false) Long heldPhotoId,
                     @RequestParam(required = false) String idempotencyKey,
                     @RequestParam(defaultValue = "submit") String action, Model model, RedirectAttributes flash) throws IOException {
        scope.require(Permission.LEDGER_RECORD);
        StoredFile held = null;
        if (photo != null && !photo.isEmpty()) {
            try (InputStream in = photo.getInputStream()) {
                held = files.store(in, photo.getOriginalFilename(), FileKind.IMAGES, scope.userId());
            } catch (BusinessException e) {
                result.reject(e.code(), e.args(), e.code());
                model.addAttribute("photoError", e);
            }
        } else if (heldPhotoId != null) {
            held = heldPhoto(scope, heldPhotoId);
        }
        if (!result.hasErrors()) {
            try (InputStream in = held == null ? null : files.open(held)) {
                List<LedgerService.Upload> uploads = in == null ? List.of() : List.of(new LedgerService.Upload(in, held.originalName()));
                long id = ledger.record(scope, form, EntrySource.MOBILE, "submit".equals(action), blankToNull(idempotencyKey), uploads);
                flash.addFlashAttribute("message", "submit".equals(action) ? "ledger.submitted" : "common.saved");
                return "redirect:/entries/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("idempotencyKey", idempotencyKey);
        return quick(scope, model, form, held);
    }

    /** The thumbnail of a photo held for a form that came back: only its uploader sees it. */
    @GetMapping("/quick/held/{fileId}")
    void heldThumbnail(DataScope scope, @PathVariable long fileId, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        StoredFile file = heldPhoto(scope, fileId);
        if (file == null) {
            throw new NotFoundException("file", fileId);
        }
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", "private, max-age=3600");
        try (InputStream in = files.openThumbnail(file).orElseThrow(() -> new NotFoundException("thumbnail", fileId));
             java.io.OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private StoredFile heldPhoto(DataScope scope, long fileId) {
        return files.find(fileId).filter(f -> f.isImage() && java.util.Objects.equals(f.createdBy(), scope.userId())).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String quick(DataScope scope, Model model, EntryForm form, StoredFile heldPhoto) {
        CampaignStructure s = structure(scope, form);
        model.addAttribute("heldPhoto", heldPhoto);
        model.addAttribute("choosesMembers", !scope.ownRecordsOnly());
        model.addAttribute("chosenMembers", chosen(scope, form));
        model.addAttribute("form", form);
        model.addAttribute("s", s);
        model.addAttribute("taskType", form.getTaskTypeId() == null ? null : s.taskType(form.getTaskTypeId()).orElse(null));
        model.addAttribute("regionName", regions.find(form.getRegionCode()).map(r -> r.name()).orElse(""));
        if (!model.containsAttribute("idempotencyKey") || model.getAttribute("idempotencyKey") == null) {
            // one key per form shown: sending it twice (a double tap, a resend) records one entry
            model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
        }
        return "ledger/quick";
    }

    /** The form's campaign; a form sent without one (or with a bad one) is shown again under the current one. */
    private CampaignStructure structure(DataScope scope, EntryForm form) {
        if (form.getCampaignId() == null) {
            Campaign current = filters.campaign(scope, null);
            if (current == null) {
                throw new NotFoundException("campaign", "active");
            }
            form.setCampaignId(current.id());
        }
        return campaigns.structure(scope, form.getCampaignId());
    }

    private String form(DataScope scope, Model model, EntryForm form, LedgerEntry entry) {
        CampaignStructure s = structure(scope, form);
        model.addAttribute("form", form);
        model.addAttribute("entry", entry);
        model.addAttribute("s", s);
        model.addAttribute("taskType", form.getTaskTypeId() == null ? null : s.taskType(form.getTaskTypeId()).orElse(null));
        model.addAttribute("orgChoices", scope.ownRecordsOnly() ? List.of() : orgs.inScope(scope));
        model.addAttribute("chosenMembers", chosen(scope, form));
        model.addAttribute("regionName", regions.find(form.getRegionCode()).map(r -> r.name()).orElse(""));
        return "ledger/form";
    }

    private List<String[]> chosen(DataScope scope, EntryForm form) {
        return members.findAll(form.getMemberIds()).stream().filter(m -> members.visible(scope, m.id()))
                .map(m -> new String[] {String.valueOf(m.id()), m.name()}).toList();
    }

}
