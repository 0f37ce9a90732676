package cn.arena.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void usernamesAreReadFromLinesSpacesAndChineseOrLatinCommas() {
        assertThat(Usernames.typed(" zhang\r\nli, wang，zhao、 qian\n\n")).containsExactly("zhang", "li", "wang", "zhao", "qian");
    }

    @Test
    void aNameTypedTwiceIsTakenOnceAndABlankBoxIsNoName() {
        assertThat(Usernames.typed("li\nli")).containsExactly("li");
        assertThat(Usernames.typed("  \n ")).isEmpty();
    }
}
