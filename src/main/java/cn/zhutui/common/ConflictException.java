package cn.zhutui.common;

/** Someone else saved the same record first (optimistic lock). Rendered as 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String what, Object id) {
        super(what + " " + id);
    }
}
