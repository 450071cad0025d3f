package cn.zhutui.campaign;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A campaign with its focus areas, task types and indicators, in display order. */
public record CampaignStructure(Campaign campaign, List<FocusArea> focusAreas, List<TaskType> taskTypes,
                                List<Indicator> indicators) {

    public List<TaskType> taskTypes(FocusArea area) {
        return taskTypes.stream().filter(t -> t.focusAreaId() == area.id()).toList();
    }

    public List<TaskType> activeTaskTypes() {
        return taskTypes.stream().filter(t -> !t.retired()).toList();
    }

    public List<Indicator> indicators(TaskType type) {
        return indicators.stream().filter(i -> i.taskTypeId() == type.id()).toList();
    }

    public List<Indicator> activeIndicators(TaskType type) {
        return indicators(type).stream().filter(i -> !i.retired()).toList();
    }

    public Optional<TaskType> taskType(long id) {
        return taskTypes.stream().filter(t -> t.id() == id).findFirst();
    }

    public Optional<Indicator> indicator(long id) {
        return indicators.stream().filter(i -> i.id() == id).findFirst();
    }

    public FocusArea focusArea(TaskType type) {
        return focusAreas.stream().filter(f -> f.id() == type.focusAreaId()).findFirst().orElseThrow();
    }

    public Map<Long, Indicator> indicatorsById() {
        return indicators.stream().collect(Collectors.toMap(Indicator::id, i -> i));
    }
}
