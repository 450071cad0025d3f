package cn.zhutui.consult;

import java.util.List;

/** A committee's topics by step: one column per step of its procedure, oldest in the step first. */
public record Board(long orgId, String orgName, List<Column> columns, boolean includeSolved) {

    /** A step's column: how many topics stand in it, and the first of them. */
    public record Column(Step step, long count, List<TopicRow> topics) {
    }
}
