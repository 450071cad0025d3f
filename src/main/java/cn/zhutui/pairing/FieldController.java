package cn.zhutui.pairing;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.CampaignStructure;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.FormErrors;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.household.HouseholdService;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone pages of a member or cadre in the field, installable as an app (PWA, scope /field/):
 * their pairings, a paired household, and the visit form that works offline — it keeps visits and
 * photos on the phone (IndexedDB) with their idempotency key and sends them when the network
 * returns (static/js/field.js, static/field/sw.js). Without script the form posts as usual.
 */
@Controller
@RequestMapping("/field")
class FieldController {

    private final PairingService pairings;
    private final VisitService visits;
    private final DutyService duties;
    private final OversightService oversight;
    private final HouseholdService households;
    private final CampaignService campaigns;

    FieldController(PairingService pairings, VisitService visits, DutyService duties, OversightService oversight, HouseholdService households,
                    CampaignService campaigns) {
        this.pairings = pairings;
        this.visits = visits;
        this.duties = duties;
        this.oversight = oversight;
        this.households = households;
        this.campaigns = campaigns;
    }

    @GetMapping
    String root() {
        return "redirect:/field/";
    }

    /** My pairings, with this quarter's visits and open duties. */
    @GetMapping("/")
    String home(DataScope scope, Model model) {
        scope.require(Permission.PAIRING_VIEW);
        List<PairingRow> mine = pairings.mine(scope);
        Period quarter = Period.containing(pairings.today(), PeriodType.QUARTER);
        Map<Long, PairingCompliance> status = new LinkedHashMap<>();
        if (scope.memberId() != null) {
            oversight.pairingsOf(scope, null, scope.ownRecordsOnly() ? scope.memberId() : null, quarter).stream()
                    .filter(pc -> mine.stream().anyMatch(r -> r.pairing().id() == pc.row().pairing().id()))
                    .forEach(pc -> status.put(pc.row().pairing().id(), pc));
        }
        model.addAttribute("mine", mine);
        model.addAttribute("status", status);
        model.addAttribute("quarter", quarter);
        model.addAttribute("today", pairings.today());
        return "pairing/field-home";
    }

    /** A paired household (or village, county, industry) as its helper sees it on the phone. */
    @GetMapping("/pairings/{id}")
    String pairing(DataScope scope, @PathVariable long id, Model model) {
        PairingRow row = pairings.row(scope, id);
        Pairing p = row.pairing();
        model.addAttribute("row", row);
        if (p.householdId() != null) {
            model.addAttribute("hv", households.view(scope, p.householdId()));
            model.addAttribute("goals", households.goals(scope, p.householdId()).stream().limit(4).toList());
        }
        Period period = duties.periodOf(p, pairings.today());
        model.addAttribute("period", period);
        model.addAttribute("duties", duties.status(scope, id, period.id()));
        model.addAttribute("visits", visits.search(scope, VisitQuery.all().withPairing(id), cn.zhutui.common.PageRequest.of(1, 10)));
        model.addAttribute("today", pairings.today());
        return "pairing/field-pairing";
    }

    /** The visit form: every pairing of the user (or the one asked for), their open duties, the ledger's task types. */
    @GetMapping("/visit")
    String visitForm(DataScope scope, @RequestParam(name = "pairing", required = false) Long pairingId, Model model) {
        scope.require(Permission.PAIRING_VISIT);
        VisitForm form = new VisitForm();
        form.setPairingId(pairingId);
        form.setVisitDate(pairings.today());
        return form(scope, model, form, null);
    }

    /** The form posted without script (the script sends it as JSON through the queue instead). */
    @PostMapping("/visits")
    String record(DataScope scope, @ModelAttribute("form") VisitForm form, BindingResult result,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                  @RequestParam(required = false) String idempotencyKey, Model model, RedirectAttributes flash) throws IOException {
        if (!result.hasErrors()) {
            List<VisitService.Photo> list = new ArrayList<>();
            try {
                for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
                    if (!f.isEmpty()) {
                        list.add(new VisitService.Photo(f.getInputStream(), f.getOriginalFilename()));
                    }
                }
                long id = visits.record(scope, form, list, VisitSource.MOBILE, blank(idempotencyKey));
                flash.addFlashAttribute("message", "pairing.visit.recorded");
                return "redirect:/visits/" + id;
            } catch (BusinessException e) {
                FormErrors.reject(result, e);
            } finally {
                for (VisitService.Photo p : list) {
                    p.in().close();
                }
            }
        }
        return form(scope, model, form, idempotencyKey);
    }

    /** The web app manifest: installed, the phone opens the user's pairings full-screen. */
    @GetMapping(value = "/manifest.webmanifest", produces = "application/manifest+json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "助推 · 结对走访");
        m.put("short_name", "结对走访");
        m.put("description", "三联三促：联系户走访、职责清单，无信号时也能记录");
        m.put("lang", "zh-CN");
        m.put("start_url", "/field/");
        m.put("scope", "/field/");
        m.put("display", "standalone");
        m.put("background_color", "#f6f7f9");
        m.put("theme_color", "#b71c1c");
        m.put("icons", List.of(Map.of("src", "/img/logo.svg", "sizes", "any", "type", "image/svg+xml", "purpose", "any")));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/manifest+json")).body(m);
    }

    private String form(DataScope scope, Model model, VisitForm form, String idempotencyKey) {
        List<PairingRow> choices = new ArrayList<>(pairings.mine(scope).stream()
                .filter(r -> r.pairing().status(pairings.today()) == PairingStatus.ACTIVE || r.pairing().status(pairings.today()) == PairingStatus.ENDED)
                .toList());
        if (form.getPairingId() != null && choices.stream().noneMatch(r -> r.pairing().id() == form.getPairingId())) {
            choices.add(0, pairings.row(scope, form.getPairingId()));
        }
        if (form.getPairingId() == null && !choices.isEmpty()) {
            form.setPairingId(choices.get(0).pairing().id());
        }
        LocalDate today = pairings.today();
        Map<Long, List<DutyStatus>> open = new LinkedHashMap<>();
        for (PairingRow r : choices) {
            Period period = duties.periodOf(r.pairing(), today);
            open.put(r.pairing().id(), duties.status(scope, r.pairing().id(), period.id()).stream()
                    .filter(d -> !d.complete() && !d.item().countsVisits() && d.item().evidence().contains(Evidence.VISIT)).toList());
        }
        model.addAttribute("form", form);
        model.addAttribute("choices", choices);
        model.addAttribute("open", open);
        Campaign campaign = scope.can(Permission.LEDGER_RECORD) ? campaigns.current(scope, form.getLedgerCampaignId()) : null;
        CampaignStructure structure = campaign == null ? null : campaigns.structure(campaign.id());
        model.addAttribute("structure", structure);
        model.addAttribute("idempotencyKey", idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey);
        model.addAttribute("today", today);
        return "pairing/field-visit";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
