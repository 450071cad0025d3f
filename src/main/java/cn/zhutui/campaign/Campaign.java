package cn.zhutui.campaign;

import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * @param periodType   the period an org submits (报送) for, e.g. a quarter
 * @param deadlineDays days after the period's end when it locks for the org
 * @param reviewByParent org levels (e.g. "COUNTY") whose entries their parent committee reviews
 * @param participation  how the orgs taking part are chosen (the participants themselves are listed apart)
 */
public record Campaign(long id, long orgId, String name, String fullName, String description, LocalDate startDate,
                       LocalDate endDate, CampaignStatus status, PeriodType periodType, int deadlineDays,
                       String reviewByParent, String templateCode, int version, Participation participation) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
    }

    public LocalDate deadline(Period period) {
        return period.end().plusDays(deadlineDays);
    }

    public Set<String> reviewByParentLevels() {
        return Arrays.stream(reviewByParent.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
