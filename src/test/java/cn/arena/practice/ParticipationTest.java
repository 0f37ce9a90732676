package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipationTest {

    @Test
    void theRateIsRoundedHalfUpToFourDecimals() {
        assertThat(new Participation(3, 2).rate()).hasToString("0.6667");
        assertThat(new Participation(8, 1).rate()).hasToString("0.1250");
        assertThat(new Participation(200_000, 1).rate()).hasToString("0.0000");
        assertThat(new Participation(160_000, 1).rate()).hasToString("0.0000");
        assertThat(new Participation(20_000, 1).rate()).hasToString("0.0001");
    }

    @Test
    void aUnitWithNobodyOnItsRollHasRateZero() {
        assertThat(new Participation(0, 0).rate()).hasToString("0.0000");
    }
}
