package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage page's room rows (name + seats) as the sitting's rooms. */
class SittingFormRoomsTest {

    @Test
    void filledRowsBecomeRoomsInOrderAndBlankRowsAreLeftOut() {
        assertThat(SittingPages.rooms(List.of("第一会议室", "", " 第四会议室 "), List.of("60", "", "40")))
                .containsExactly(new Sittings.Room("第一会议室", 60), new Sittings.Room("第四会议室", 40));
    }

    @Test
    void noFilledRowMeansNoRooms() {
        assertThat(SittingPages.rooms(List.of(""), List.of(" "))).isNull();
        assertThat(SittingPages.rooms(null, null)).isNull();
    }

    @Test
    void aSeatCountThatIsNotANumberCountsAsNoSeatsSoTheSittingRefusesThatRoom() {
        assertThat(SittingPages.rooms(List.of("第一会议室", "第二会议室"), List.of("三十", "")))
                .containsExactly(new Sittings.Room("第一会议室", 0), new Sittings.Room("第二会议室", 0));
    }
}
