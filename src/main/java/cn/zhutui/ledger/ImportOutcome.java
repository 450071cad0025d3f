package cn.zhutui.ledger;

import cn.zhutui.common.ImportError;
import java.util.List;

/**
 * @param ignored rows already imported before (same row key): uploading a file twice adds nothing
 */
public record ImportOutcome(int rows, int imported, int ignored, List<ImportError> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
