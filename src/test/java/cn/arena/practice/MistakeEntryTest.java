package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MistakeEntryTest {

    @Test
    void twoRightAnswersInARowClearIt() {
        MistakeEntry once = MistakeEntry.first().answered(true);
        assertThat(once.cleared()).isFalse();
        assertThat(once.answered(true).cleared()).isTrue();
    }

    @Test
    void aWrongAnswerInBetweenStartsTheRunOverAndCountsAsWrong() {
        MistakeEntry e = MistakeEntry.first().answered(true).answered(false);
        assertThat(e).isEqualTo(new MistakeEntry(2, 0));
        assertThat(e.answered(true).cleared()).isFalse();
        assertThat(e.answered(true).answered(true).cleared()).isTrue();
    }
}
