package cn.zhutui.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param dir     where uploaded files live (back it up with the database)
 * @param maxSize the largest upload accepted, on every form (the region import takes larger files: the
 *                whole country's division table)
 * @param regionMaxSize the largest division table
 */
@ConfigurationProperties("zhutui.files")
public record FileProperties(String dir, DataSize maxSize, DataSize regionMaxSize) {

    public FileProperties {
        dir = dir == null || dir.isBlank() ? "./data/files" : dir;
        maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        regionMaxSize = regionMaxSize == null ? DataSize.ofMegabytes(100) : regionMaxSize;
    }
}
