package cn.arena.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaffCategoriesTest {

    /** The categories V3_1__people.sql ships. */
    private static final List<StaffCategory> SHIPPED = List.of(
            new StaffCategory("COMMUNITY_STAFF", "村（社区）工作人员"), new StaffCategory("FRONT_DESK", "窗口前台工作人员"),
            new StaffCategory("BACK_OFFICE", "后台审批人员"), new StaffCategory("MANAGEMENT", "管理人员"));

    @Test
    void resolvesACodeInAnyCase() {
        assertThat(StaffCategories.resolveIn(SHIPPED, "FRONT_DESK")).contains("FRONT_DESK");
        assertThat(StaffCategories.resolveIn(SHIPPED, " community_staff ")).contains("COMMUNITY_STAFF");
    }

    @Test
    void resolvesTheChineseNameAsPeopleTypeIt() {
        assertThat(StaffCategories.resolveIn(SHIPPED, "村（社区）工作人员")).contains("COMMUNITY_STAFF");
        assertThat(StaffCategories.resolveIn(SHIPPED, "村(社区)工作人员")).as("half-width brackets").contains("COMMUNITY_STAFF");
        assertThat(StaffCategories.resolveIn(SHIPPED, "窗口前台 工作人员")).contains("FRONT_DESK");
        assertThat(StaffCategories.resolveIn(SHIPPED, "管理人员")).contains("MANAGEMENT");
    }

    @Test
    void resolvesNothingForUnknownOrBlankText() {
        assertThat(StaffCategories.resolveIn(SHIPPED, "保洁人员")).isEmpty();
        assertThat(StaffCategories.resolveIn(SHIPPED, "")).isEmpty();
        assertThat(StaffCategories.resolveIn(SHIPPED, "前台")).as("no partial matches").isEmpty();
    }
}
