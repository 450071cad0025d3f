package cn.zhutui.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param dir     where uploaded files live (back it up with the database)
 * @param maxSize the largest file accepted
 */
@ConfigurationProperties("zhutui.files")
public record FileProperties(String dir, DataSize maxSize) {

    public FileProperties {
        dir = dir == null || dir.isBlank() ? "./data/files" : dir;
        maxSize = maxSize == null ? DataSize.ofMegabytes(15) : maxSize;
    }
}
