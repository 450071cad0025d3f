package cn.zhutui.monitor;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.common.WorkItem;
import cn.zhutui.common.WorkItemSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What waits in the monitoring work, for the home page's workbench: everyone who sees cases, the
 * overdue ones (urgent) and those due in the next days; a cadre, the home visits, village reviews
 * and (for a township) township reviews to do; a county office, the decisions to take.
 */
@Component
class MonitorWorkItems implements WorkItemSource {

    private final MonitorService cases;

    MonitorWorkItems(MonitorService cases) {
        this.cases = cases;
    }

    @Override
    public List<WorkItem> items(DataScope scope) {
        String reach = cases.reach(scope);
        if (!scope.can(Permission.MONITOR_VIEW) || reach == null) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        long overdue = cases.count(scope, CaseQuery.overdueIn(null));
        items.add(new WorkItem("monitor.work.overdue", List.of(), overdue, "/monitor/cases?overdue=true", overdue > 0, 200));
        CaseQuery soon = new CaseQuery(null, null, null, null, null, null, false, true, null, "deadline");
        long dueSoon = cases.count(scope, soon);
        items.add(new WorkItem("monitor.work.dueSoon", List.of(String.valueOf(cases.warnDays())), dueSoon, "/monitor/cases?dueSoon=true",
                false, 201));
        if (scope.can(Permission.MONITOR_RECORD)) {
            long visit = cases.count(scope, CaseQuery.group("visit"));
            items.add(new WorkItem("monitor.work.visit", List.of(), visit, "/monitor/cases?group=visit", false, 202));
            long followUps = cases.count(scope, CaseQuery.group("followUpDue"));
            items.add(new WorkItem("monitor.work.followUpDue", List.of(String.valueOf(MonitorService.FOLLOW_UP_DAYS)), followUps,
                    "/monitor/cases?group=followUpDue", false, 206));
            long village = cases.count(scope, CaseQuery.group("village"));
            items.add(new WorkItem("monitor.work.village", List.of(), village, "/monitor/cases?group=village", false, 203));
        }
        if (scope.can(Permission.MONITOR_TOWNSHIP) && reach.length() <= 9) {
            long township = cases.count(scope, CaseQuery.group("township"));
            items.add(new WorkItem("monitor.work.township", List.of(), township, "/monitor/cases?group=township", false, 204));
        }
        if (scope.can(Permission.MONITOR_DECIDE) && reach.length() <= 6) {
            long county = cases.count(scope, CaseQuery.group("county"));
            items.add(new WorkItem("monitor.work.county", List.of(), county, "/monitor/cases?group=county", false, 205));
        }
        return items;
    }
}
