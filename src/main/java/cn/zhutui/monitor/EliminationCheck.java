package cn.zhutui.monitor;

import java.time.LocalDate;
import java.util.List;

/**
 * The conditions of risk elimination as they stand on a day: income stable above the line for at
 * least six months, the big rigid costs solved, 三保障 and drinking water secure — and a household
 * without labour capacity under a safety net is not marked eliminated (it stays followed). Each
 * condition with its message code and arguments, in the reader's words.
 *
 * @param stableSince the first follow-up of the unbroken run above the line up to the last one (null: none above)
 */
public record EliminationCheck(LocalDate on, LocalDate stableSince, List<Condition> conditions) {

    public EliminationCheck {
        conditions = List.copyOf(conditions);
    }

    /** One condition: met or not, and why, as a message code with its arguments. */
    public record Condition(String name, boolean met, String code, List<String> args) {
        public Condition {
            args = List.copyOf(args);
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    public boolean eliminable() {
        return conditions.stream().allMatch(Condition::met);
    }

    public List<Condition> failing() {
        return conditions.stream().filter(c -> !c.met()).toList();
    }
}
