package cn.zhutui.common;

import java.util.List;

/**
 * One line of a user's workbench (工作台): what waits for them, how many, and the list it opens.
 *
 * @param labelCode a message code, shown with the args in the reader's language
 * @param count     how many are waiting (0 shows as done)
 * @param link      the list behind the count
 * @param urgent    overdue or returned work: shown first and marked
 * @param order     where it stands among the items of the same urgency (smaller first)
 */
public record WorkItem(String labelCode, List<String> args, long count, String link, boolean urgent, int order, List<Line> lines) {

    /** One record behind an item, shown under it (a returned entry with its reason). */
    public record Line(String text, String note, String link) {
    }

    public WorkItem {
        args = List.copyOf(args);
        lines = List.copyOf(lines);
    }

    public WorkItem(String labelCode, List<String> args, long count, String link, boolean urgent, int order) {
        this(labelCode, args, count, link, urgent, order, List.of());
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
