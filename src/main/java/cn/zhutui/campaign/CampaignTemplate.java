package cn.zhutui.campaign;

import cn.zhutui.common.PeriodType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A built-in campaign definition (resources/campaign-templates/*.json) an admin instantiates and then edits. */
public record CampaignTemplate(String code, String name, String fullName, String description, LocalDate startDate,
                               LocalDate endDate, PeriodType periodType, int deadlineDays, List<Area> focusAreas) {

    public record Area(String name, List<Type> taskTypes) {
    }

    public record Type(String name, String shortName, List<Measure> indicators) {
    }

    public record Measure(String name, String unit, Boolean decimals, BigDecimal max) {

        public boolean fractional() {
            return Boolean.TRUE.equals(decimals);
        }
    }

    public int taskTypeCount() {
        return focusAreas.stream().mapToInt(a -> a.taskTypes().size()).sum();
    }
}
