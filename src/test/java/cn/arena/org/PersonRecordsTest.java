package cn.arena.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonRecordsTest {

    @Test
    void entriesCarryingAnIdNumberNeverPrintIt() {
        String id = "11010519491231002X";
        assertThat(new People.NewPerson("王芳", id, "13912345678", null, "FRONT_DESK", 7).toString()).contains("王芳").doesNotContain(id);
        assertThat(new PersonForm("王芳", id, "13912345678", null, "FRONT_DESK", 7L, null).toString()).doesNotContain(id);
        assertThat(new People.Query(id, null, null).toString()).doesNotContain(id);
        assertThat(IdNumber.parse(id).toString()).doesNotContain(id);
    }
}
