package cn.zhutui.common;

/** 1-based page number and size, clamped so a crafted URL cannot ask for a million rows. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;

    /** Far beyond any real list; keeps the offset inside an int. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        page = Math.min(MAX_PAGE, Math.max(1, page));
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 1 : page, size == null ? 20 : size);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
