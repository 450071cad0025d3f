package cn.zhutui.consult;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
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
            var overdue = outcomes.search(scope, new OutcomeQuery(own, null, null, "OVERDUE", null, null, null, "deadline"), PageRequest.of(1, 5));
            items.add(new WorkItem("consult.work.overdue", List.of(), overdue.total(), "/consult/outcomes?status=OVERDUE", overdue.total() > 0, 100,
                    overdue.items().stream().map(r -> new WorkItem.Line(r.outcome().action(), r.outcome().deadline() + " · " + r.topicTitle(),
                            "/consult/outcomes/" + r.outcome().id())).toList()));
            if (runs) {
                var pending = topics.search(scope, new TopicQuery(unit, null, null, null, null, null, "PENDING", null, null, "raised_asc"),
                        PageRequest.of(1, 5));
                items.add(new WorkItem("consult.work.pending", List.of(), pending.total(), "/consult/topics?state=PENDING", false, 101,
                        pending.items().stream().map(r -> new WorkItem.Line(r.topic().title(), r.topic().raisedOn() + " · " + r.platformName(),
                                "/consult/topics/" + r.topic().id())).toList()));
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
            var confirm = meetings.search(scope, new MeetingQuery(null, null, null, null, null, null, true, null, null), PageRequest.of(1, 5));
            items.add(new WorkItem("consult.work.confirm", List.of(), confirm.total(), "/consult/meetings?toConfirm=true", confirm.total() > 0, 106,
                    confirm.items().stream().map(r -> new WorkItem.Line(r.meeting().title(), r.meeting().heldOn() + " · " + r.platformName(),
                            "/consult/meetings/" + r.meeting().id())).toList()));
        }
        return items;
    }
}
