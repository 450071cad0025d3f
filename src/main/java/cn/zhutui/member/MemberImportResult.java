package cn.zhutui.member;

import cn.zhutui.common.ImportError;
import java.util.List;

public record MemberImportResult(int imported, List<ImportError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
