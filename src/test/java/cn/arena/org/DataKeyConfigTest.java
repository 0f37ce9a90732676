package cn.arena.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyConfigTest {

    @TempDir
    Path dir;

    @Test
    void usesTheConfiguredKey() {
        byte[] key = DataKeyConfig.dataKey("q0ZtTqSo6v4bK8YpHc2Jm1rWx9uE3gAz5LdN7iVfQs0=", "jdbc:postgresql://db/arena", dir.resolve("k"));
        assertThat(key).hasSize(32);
        assertThat(dir.resolve("k")).doesNotExist();
    }

    @Test
    void refusesToStartOnPostgresqlWithoutAKey() {
        assertThatThrownBy(() -> DataKeyConfig.dataKey("", "jdbc:postgresql://db/arena", dir.resolve("k")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ARENA_DATA_KEY");
    }

    @Test
    void refusesAKeyThatIsNot32Bytes() {
        assertThatThrownBy(() -> DataKeyConfig.dataKey("c2hvcnQ=", "jdbc:h2:mem:x", dir.resolve("k")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void generatesAnOwnerOnlyKeyOnceOnTheEmbeddedDatabaseAndReusesIt() throws Exception {
        Path file = dir.resolve("data").resolve("arena-data.key");
        byte[] first = DataKeyConfig.dataKey("", "jdbc:h2:file:./data/arena", file);
        byte[] second = DataKeyConfig.dataKey("", "jdbc:h2:file:./data/arena", file);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
