package cn.zhutui.web;

import cn.zhutui.file.FileProperties;
import org.springframework.stereotype.Component;

/** The upload limits, for pages to state next to their file inputs: {@code ${@fileLimits.megabytes()}}. */
@Component("fileLimits")
public class FileLimits {

    private final FileProperties props;

    FileLimits(FileProperties props) {
        this.props = props;
    }

    public long megabytes() {
        return props.maxSize().toMegabytes();
    }

    public long regionMegabytes() {
        return props.regionMaxSize().toMegabytes();
    }
}
