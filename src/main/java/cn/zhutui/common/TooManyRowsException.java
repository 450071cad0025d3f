package cn.zhutui.common;

/** An upload with more rows than an import takes at once: it is refused before it fills the memory. */
public class TooManyRowsException extends BusinessException {

    public TooManyRowsException(int maxRows) {
        super("file", "import.tooManyRows", new Object[] {String.format("%,d", maxRows)});
    }
}
