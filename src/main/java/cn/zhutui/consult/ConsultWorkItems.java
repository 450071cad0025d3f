package cn.zhutui.consult;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.common.WorkItem;
import cn.zhutui.common.WorkItemSource;
import cn.zhutui.consult.internal.ConsultAccess;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What waits for each person in the consultation work, for the home page's workbench: the county
 * office's topics to accept, overdue outcomes, minutes past due, outcomes to publish and feedback
 * to collect; the levels above, the overdue outcomes below them; a member, the minutes waiting for
 * their confirmation; a cadre, the outcomes to follow up in their region. An office without
 * platforms of its own (a prefecture, the province) sees the overdue outcomes below it.
 */
@Component
class ConsultWorkItems implements WorkItemSource {

    private final TopicService topics;
    private final MeetingService meetings;
    private final OutcomeService outcomes;
    private final ConsultAccess access;
    private final PlatformService platforms;

    ConsultWorkItems(TopicService topics, MeetingService meetings, OutcomeService outcomes, ConsultAccess access, PlatformService platforms) {
        this.platforms = platforms;
        this.topics = topics;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.access = access;
    }

    @Override
    public List<WorkItem> items(DataScope scope) {
        if (!scope.can(Permission.CONSULT_VIEW)) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        boolean office = scope.has(Role.ADMIN) || scope.has(Role.STAFF) || scope.has(Role.REVIEWER) || scope.has(Role.VIEWER);
        if (office) {
            long unit = access.unit(scope).id();
            // an office that runs platforms of its own; a prefecture or province office without any oversees those below
            boolean runs = access.manages(scope, unit) && !platforms.ofOrg(scope, unit).isEmpty();
            Long own = runs ? unit : null;
            long overdue = outcomes.count(scope, new OutcomeQuery(own, null, null, "OVERDUE", null, null, null, null));
            items.add(new WorkItem("consult.work.overdue", List.of(), overdue, "/consult/outcomes?status=OVERDUE", overdue > 0, 100));
            if (runs) {
                long pending = topics.count(scope, new TopicQuery(unit, null, null, null, null, null, "PENDING", null, null, null));
                items.add(new WorkItem("consult.work.pending", List.of(), pending, "/consult/topics?state=PENDING", false, 101));
                long late = meetings.count(scope, new MeetingQuery(unit, null, null, null, null, null, null, true, null));
                items.add(new WorkItem("consult.work.minutesLate", List.of(), late, "/consult/meetings?minutesLate=true", late > 0, 102));
                long feedback = outcomes.count(scope, new OutcomeQuery(unit, null, null, "DONE", null, null, null, null));
                items.add(new WorkItem("consult.work.feedback", List.of(), feedback, "/consult/outcomes?status=DONE", false, 103));
                if (scope.can(Permission.CONSULT_PUBLISH)) {
                    long unpublished = outcomes.count(scope, new OutcomeQuery(unit, null, null, "UNPUBLISHED", null, null, null, null));
                    items.add(new WorkItem("consult.work.publish", List.of(), unpublished, "/consult/outcomes?status=UNPUBLISHED", false, 104));
                }
            }
            return items;
        }
        if (scope.has(Role.CADRE) && scope.regionPath() != null) {
            long overdue = outcomes.count(scope, OutcomeQuery.all().withStatus("OVERDUE"));
            items.add(new WorkItem("consult.work.overdueRegion", List.of(), overdue, "/consult/outcomes?status=OVERDUE", overdue > 0, 100));
            long open = outcomes.count(scope, OutcomeQuery.all().withStatus("OPEN"));
            items.add(new WorkItem("consult.work.followUp", List.of(), open, "/consult/outcomes?status=OPEN", false, 105));
        }
        if (scope.has(Role.MEMBER) && scope.memberId() != null) {
            long confirm = meetings.count(scope, new MeetingQuery(null, null, null, null, null, null, true, null, null));
            items.add(new WorkItem("consult.work.confirm", List.of(), confirm, "/consult/meetings?toConfirm=true", confirm > 0, 106));
        }
        return items;
    }
}
