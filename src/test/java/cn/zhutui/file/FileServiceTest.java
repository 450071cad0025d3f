package cn.zhutui.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhutui.common.BusinessException;
import cn.zhutui.ledger.LedgerTestFiles;
import cn.zhutui.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Photos are checked by their header before anything decodes them. */
@IntegrationTest
class FileServiceTest {

    @Autowired
    FileService files;

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() {
        byte[] bomb = LedgerTestFiles.pngBomb();
        assertThat(bomb.length).isLessThan(2000);
        assertThatThrownBy(() -> files.store(new ByteArrayInputStream(bomb), "炸弹.png", FileKind.IMAGES, null))
                .isInstanceOf(BusinessException.class).hasMessage("file.imageTooLarge");
        StoredFile photo = files.store(new ByteArrayInputStream(LedgerTestFiles.png()), "现场.png", FileKind.IMAGES, null);
        assertThat(photo.hasThumbnail()).isTrue();
    }

    @Test
    void aPictureThatCannotBeReadIsRefused() {
        byte[] broken = LedgerTestFiles.png();
        java.util.Arrays.fill(broken, 8, broken.length, (byte) 7);
        assertThatThrownBy(() -> files.store(new ByteArrayInputStream(broken), "坏图.png", FileKind.IMAGES, null))
                .isInstanceOf(BusinessException.class).hasMessageStartingWith("file.image");
    }
}
