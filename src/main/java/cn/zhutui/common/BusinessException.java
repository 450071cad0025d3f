package cn.zhutui.common;

/**
 * A rule of the domain was broken by the user's input. Carries a message code (resolved in the
 * user's language) and, when it concerns one input, the field so the form can mark it.
 */
public class BusinessException extends RuntimeException {

    private final String field;
    private final transient Object[] args;

    public BusinessException(String code, Object... args) {
        this(null, code, args);
    }

    public BusinessException(String field, String code, Object[] args) {
        super(code);
        this.field = field;
        this.args = args;
    }

    public static BusinessException onField(String field, String code, Object... args) {
        return new BusinessException(field, code, args);
    }

    public String code() {
        return getMessage();
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args;
    }
}
