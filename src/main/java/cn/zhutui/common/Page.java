package cn.zhutui.common;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, long total, int page, int size) {

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
        return page < pages();
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size);
    }
}
