package cn.zhutui.common;

/** Missing, or outside the user's scope: both answer 404 so scope does not leak existence. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id);
    }
}
