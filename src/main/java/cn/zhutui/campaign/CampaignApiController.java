package cn.zhutui.campaign;

import cn.zhutui.common.DataScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns and their structure for API clients: what task types exist and which indicators each counts. */
@RestController
@RequestMapping(value = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "campaigns", description = "行动 campaigns and their task types and indicators")
@SecurityRequirement(name = "bearer")
class CampaignApiController {

    private final CampaignService campaigns;

    CampaignApiController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping
    @Operation(summary = "Campaigns open for records today, visible to the caller")
    List<Campaign> active(DataScope scope) {
        return campaigns.active(scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A campaign's focus areas, task types and indicators")
    CampaignStructure structure(DataScope scope, @PathVariable long id) {
        return campaigns.structure(scope, id);
    }
}
