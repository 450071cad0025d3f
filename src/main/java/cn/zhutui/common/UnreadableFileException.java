package cn.zhutui.common;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An uploaded file that cannot be read as a table: "无法读取文件：" and the reason, in the user's
 * words (the reason is a message code resolved in the reader's language).
 */
public class UnreadableFileException extends BusinessException {

    public UnreadableFileException(String reasonCode, Object... reasonArgs) {
        super("file", "import.unreadable", new Object[] {new DefaultMessageSourceResolvable(new String[] {reasonCode}, reasonArgs, reasonCode)});
    }
}
