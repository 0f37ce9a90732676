package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.org.StaffCategory;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class RegistrationFormTest {

    private static final List<StaffCategory> CATEGORIES = List.of(new StaffCategory("COMMUNITY_STAFF", "村（社区）工作人员"),
            new StaffCategory("FRONT_DESK", "窗口前台工作人员"), new StaffCategory("BACK_OFFICE", "后台审批人员"),
            new StaffCategory("MANAGEMENT", "管理人员"));
    private static final Map<String, String> BY_NAME = Map.of("村（社区）工作人员", "COMMUNITY_STAFF", "窗口前台工作人员", "FRONT_DESK",
            "后台审批人员", "BACK_OFFICE", "管理人员", "MANAGEMENT", "FRONT_DESK", "FRONT_DESK", "COMMUNITY_STAFF", "COMMUNITY_STAFF");

    private static Optional<String> resolve(String text) {
        return Optional.ofNullable(BY_NAME.get(text.strip()));
    }

    @Test
    void theBlankFormHasTheLabelsTheMemberHeaderAndOneColumnPerCategory() throws Exception {
        byte[] blank = RegistrationForm.blank("2021年江阴市政务服务技能竞赛报名表", CATEGORIES);
        Spreadsheet.Sheet1 sheet = Spreadsheet.read(new ByteArrayInputStream(blank), blank.length);
        assertThat(sheet.lines().get(0).cells()).containsExactly("2021年江阴市政务服务技能竞赛报名表");
        assertThat(sheet.lines().get(1).cells()).contains("单位（部门）");
        assertThat(sheet.lines().get(2).cells()).contains("领队（联系人）", "联系电话");
        assertThat(sheet.lines().get(3).cells()).contains("姓名", "身份证号", "联系电话（手机）", "固定电话", "人员性质");
        assertThat(sheet.lines().get(4).cells()).contains("村（社区）工作人员", "窗口前台工作人员", "后台审批人员", "管理人员");
        assertThat(sheet.lines().get(sheet.lines().size() - 1).cells().get(0)).startsWith("★");
        RegistrationForm.Parsed empty = RegistrationForm.read(sheet, RegistrationFormTest::resolve);
        assertThat(empty.entry().members()).isEmpty();
    }

    @Test
    void readsASingleCategoryColumnWithLabelsInTheSameCellAndIgnoresUnknownColumns() throws Exception {
        byte[] file = workbook(new String[][] {
                {"报名表"},
                {"单位(部门)：青阳镇为民服务中心"},
                {"领队（联系人）", "仇淑婕", "联系电话", "88027737"},
                {"序号", "姓名", "身份证号", "联系电话（手机）", "固定电话", "人员性质", "备注"},
                {"1", "王丽娟", "320281198001010018", "13900000001", "", "村（社区）工作人员", "组长"},
                {"2", "李建国", "320281198001020014", "13900000002", "0510-86027737", "FRONT_DESK", ""},
                {"★在对应格中打“√”即可。"}});
        RegistrationForm.Parsed parsed = RegistrationForm.read(Spreadsheet.read(new ByteArrayInputStream(file), file.length),
                RegistrationFormTest::resolve);
        assertThat(parsed.entry().contactName()).isEqualTo("仇淑婕");
        assertThat(parsed.entry().contactPhone()).isEqualTo("88027737");
        assertThat(parsed.entry().members()).extracting(Registration.MemberEntry::name).containsExactly("王丽娟", "李建国");
        assertThat(parsed.entry().members()).extracting(Registration.MemberEntry::staffCategory).containsExactly("村（社区）工作人员", "FRONT_DESK");
        assertThat(parsed.entry().members().get(0).landline()).isNull();
        assertThat(parsed.memberRows()).containsExactly(5, 6);
    }

    @Test
    void placesMemberProblemsOnTheirRowAndColumn() throws Exception {
        byte[] file = workbook(new String[][] {
                {"领队（联系人）", "", "联系电话", "88027737"},
                {"姓名", "身份证号", "联系电话（手机）", "固定电话", "人员性质"},
                {"王丽娟", "320281198001010018", "139", "", "FRONT_DESK"}});
        RegistrationForm.Parsed parsed = RegistrationForm.read(Spreadsheet.read(new ByteArrayInputStream(file), file.length),
                RegistrationFormTest::resolve);
        List<Violation> placed = parsed.placed(List.of(Violation.rule("MOBILE", 0, "org.person.mobile.pattern"),
                Violation.rule("TEAM_SIZE", null, "competition.rule.teamSize", 5, 1),
                Violation.field("contactName", "competition.team.contactName.required")));
        assertThat(placed).extracting(Violation::row).containsExactly(3, 2, 1);
        assertThat(placed).extracting(Violation::column).containsExactly("联系电话（手机）", "姓名", "领队（联系人）");
        assertThat(placed.get(0).rule()).isEqualTo("MOBILE");
    }

    @Test
    void refusesARowWithNoOrTwoCategoriesTicked() throws Exception {
        byte[] file = workbook(new String[][] {
                {"姓名", "身份证号", "联系电话（手机）", "固定电话", "人员性质", "", ""},
                {"", "", "", "", "村（社区）工作人员", "窗口前台工作人员", "管理人员"},
                {"王丽娟", "320281198001010018", "13900000001", "", "√", "", ""},
                {"李建国", "320281198001020014", "13900000002", "", "√", "✓", ""},
                {"张敏", "320281198001030010", "13900000003", "", "", "", ""}});
        assertThatThrownBy(() -> RegistrationForm.read(Spreadsheet.read(new ByteArrayInputStream(file), file.length), RegistrationFormTest::resolve))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.violations()).extracting(Violation::row).containsExactly(4, 5);
                    assertThat(r.violations()).extracting(Violation::column).containsOnly("人员性质");
                    assertThat(r.violations()).extracting(Violation::rule).containsOnly("STAFF_CATEGORY");
                });
    }

    @Test
    void refusesAFileWithoutTheMemberHeader() throws Exception {
        byte[] file = workbook(new String[][] {{"单位（部门）", "青阳镇"}});
        assertThatThrownBy(() -> RegistrationForm.read(Spreadsheet.read(new ByteArrayInputStream(file), file.length), RegistrationFormTest::resolve))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).field()).isEqualTo("file"));
    }

    private static byte[] workbook(String[][] rows) throws Exception {
        try (var workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
