package cn.zhutui.common;

/** The user may not do this, or not here. Rendered as 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException() {
        super("error.forbidden");
    }
}
