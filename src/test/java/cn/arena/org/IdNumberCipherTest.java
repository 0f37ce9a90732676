package cn.arena.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdNumberCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final IdNumberCipher cipher = new IdNumberCipher(key(7));

    @Test
    void decryptsWhatItEncrypted() {
        String stored = cipher.encrypt("11010519491231002X");
        assertThat(stored).doesNotContain("11010519491231002X");
        assertThat(cipher.decrypt(stored)).isEqualTo("11010519491231002X");
    }

    @Test
    void encryptsTheSameNumberDifferentlyEachTime() {
        assertThat(cipher.encrypt("440524188001010014")).isNotEqualTo(cipher.encrypt("440524188001010014"));
    }

    @Test
    void refusesToDecryptWithAnotherKey() {
        String stored = cipher.encrypt("440524188001010014");
        assertThatThrownBy(() -> new IdNumberCipher(key(8)).decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAlteredCiphertext() {
        byte[] bytes = java.util.Base64.getDecoder().decode(cipher.encrypt("440524188001010014"));
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(java.util.Base64.getEncoder().encodeToString(bytes))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashesTheSameNumberTheSameWayAndDependsOnTheKey() {
        String hash = cipher.hash("440524188001010014");
        assertThat(hash).hasSize(64).isEqualTo(new IdNumberCipher(key(7)).hash("440524188001010014"));
        assertThat(cipher.hash("11010519491231002X")).isNotEqualTo(hash);
        assertThat(new IdNumberCipher(key(8)).hash("440524188001010014")).isNotEqualTo(hash);
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new IdNumberCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
