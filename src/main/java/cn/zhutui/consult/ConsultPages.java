package cn.zhutui.consult;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the consultation pages share: the choices of the list filters, and serving a stored file. */
@Component
class ConsultPages {

    private final PlatformService platforms;
    private final ConsultStatsService stats;
    private final OrgService orgs;
    private final RegionService regions;
    private final FileService files;

    ConsultPages(PlatformService platforms, ConsultStatsService stats, OrgService orgs, RegionService regions, FileService files) {
        this.platforms = platforms;
        this.stats = stats;
        this.orgs = orgs;
        this.regions = regions;
        this.files = files;
    }

    /** The committees, platforms, periods and the chosen place's name a list's filters offer. */
    void filters(DataScope scope, String regionCode, Locale locale, Model model) {
        model.addAttribute("orgChoices", orgs.inScope(scope, OrgKind.COMMITTEE));
        model.addAttribute("platformChoices", platforms.search(scope, PlatformQuery.all(), PageRequest.of(1, 200)).items());
        model.addAttribute("periodChoices", stats.periodChoices(locale));
        model.addAttribute("regionName", regions.find(regionCode).map(r -> r.name()).orElse(""));
    }

    /** Serves a stored file after the caller's scope check: inline for photos and PDFs, or its thumbnail. */
    void send(StoredFile file, boolean thumbnail, HttpServletResponse response) throws IOException {
        if (thumbnail) {
            if (!cn.zhutui.file.FileResponses.sendThumbnail(files, file, response)) {
                throw new NotFoundException("thumbnail", file.id());
            }
            return;
        }
        cn.zhutui.file.FileResponses.send(files, file, response);
    }
}
