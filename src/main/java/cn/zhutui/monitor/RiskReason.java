package cn.zhutui.monitor;

import java.util.Arrays;
import java.util.Optional;

/**
 * The risk categories of a clue and of a case (因病, 因残 …). ILLNESS and DISABILITY are health data:
 * they never appear on a public notice. Labels: monitor.reason.*.
 */
public enum RiskReason {
    ILLNESS("因病"),
    DISABILITY("因残"),
    SCHOOLING("因学"),
    DISASTER("因灾"),
    ACCIDENT("因意外"),
    INDUSTRY("产业失败"),
    EMPLOYMENT("务工就业不稳"),
    LABOUR("缺劳动力"),
    HOUSING("住房"),
    WATER("饮水"),
    OTHER("其他");

    private final String chinese;

    RiskReason(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** A category as people write it in a spreadsheet: 因病, 因病致贫, 病, ILLNESS. */
    public static Optional<RiskReason> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(t) || t.startsWith(r.chinese)
                || (r.chinese.startsWith("因") && t.equals(r.chinese.substring(1)))).findFirst();
    }
}
