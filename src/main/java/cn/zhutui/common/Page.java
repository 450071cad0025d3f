package cn.zhutui.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. When {@code totalAtLeast} is set the total was counted only up to a cap
 * (a province's whole ledger): there are at least that many, and the pager says so.
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalAtLeast) {

    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, false);
    }

    public Page(List<T> items, long total, PageRequest request) {
        this(items, total, request.page(), request.size());
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return totalAtLeast ? items.size() == size : page < pages();
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size, totalAtLeast);
    }
}
