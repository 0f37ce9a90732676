package cn.arena;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArenaApplicationTest {

    @Test
    void virtualThreadsHaveManyMoreCarriersThanCoresSoThatPinnedOnesCannotStopTheNode() {
        assertThat(ArenaApplication.carriers(2)).isEqualTo(32);
        assertThat(ArenaApplication.carriers(8)).isEqualTo(64);
    }
}
