package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data that reads like the seed: valid resident ID numbers of Jiangyin (320281), mobiles, members of a team. */
final class CompetitionFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 400_000));
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛"};

    private CompetitionFixtures() {}

    /** A fresh, valid 18-digit ID number (GB 11643 check digit), unique in this test run. */
    static String idNumber() {
        int n = NEXT.incrementAndGet();
        String birth = LocalDate.of(1975, 1, 1).plusDays(n % 9000).format(DateTimeFormatter.BASIC_ISO_DATE);
        String body = "320281" + birth + String.format("%03d", (n / 9000) % 1000);
        return body + checkDigit(body);
    }

    static char checkDigit(String body17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** The same number with a wrong check digit. */
    static String withBadCheckDigit(String idNumber) {
        char right = idNumber.charAt(17);
        return idNumber.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    static String mobile() {
        return "139" + String.format("%08d", NEXT.incrementAndGet() % 100_000_000);
    }

    static String name() {
        int n = NEXT.incrementAndGet();
        return SURNAMES[n % SURNAMES.length] + GIVEN[(n / 7) % GIVEN.length] + GIVEN[(n / 3) % GIVEN.length];
    }

    static Map<String, Object> member(String staffCategory) {
        return member(idNumber(), staffCategory);
    }

    static Map<String, Object> member(String idNumber, String staffCategory) {
        return Api.obj("name", name(), "idNumber", idNumber, "mobile", mobile(), "landline", "0510-86" + String.format("%06d",
                NEXT.incrementAndGet() % 1_000_000), "staffCategory", staffCategory);
    }

    /** Five members meeting the Jiangyin rule for a unit of this kind. */
    static List<Map<String, Object>> validMembers(String unitKind) {
        boolean town = unitKind.equals("TOWN") || unitKind.equals("DEV_ZONE");
        return town
                ? List.of(member("COMMUNITY_STAFF"), member("村（社区）工作人员"), member("FRONT_DESK"), member("BACK_OFFICE"), member("MANAGEMENT"))
                : List.of(member("FRONT_DESK"), member("窗口前台工作人员"), member("BACK_OFFICE"), member("COMMUNITY_STAFF"), member("MANAGEMENT"));
    }

    static Map<String, Object> team(long orgUnitId, List<Map<String, Object>> members) {
        return Api.obj("orgUnitId", orgUnitId, "contactName", name(), "contactPhone", "0510-86027737", "members", members);
    }

    /** Fills the downloaded blank form as a unit would: leader, phone, five members ticked in the category columns. */
    static byte[] fill(byte[] blank, List<String> ids) throws Exception {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(blank))) {
            Sheet sheet = workbook.getSheetAt(0);
            int headerRow = -1;
            Map<String, Integer> column = new HashMap<>();
            Map<String, Integer> category = new HashMap<>();
            for (Row row : sheet) {
                for (var cell : row) {
                    String text = cell.toString();
                    if (text.equals("领队（联系人）")) {
                        row.createCell(cell.getColumnIndex() + 1).setCellValue("仇淑婕");
                    } else if (text.equals("联系电话")) {
                        row.createCell(cell.getColumnIndex() + 1).setCellValue("88027737");
                    } else if (text.equals("单位（部门）")) {
                        row.createCell(cell.getColumnIndex() + 1).setCellValue("政务服务分中心");
                    } else if (Arrays.asList("姓名", "身份证号", "联系电话（手机）", "固定电话", "人员性质").contains(text)) {
                        column.put(text, cell.getColumnIndex());
                        headerRow = row.getRowNum();
                    } else if (headerRow >= 0 && row.getRowNum() == headerRow + 1 && !text.isBlank()) {
                        category.put(text, cell.getColumnIndex());
                    }
                }
            }
            assertThat(category).containsKeys("村（社区）工作人员", "窗口前台工作人员", "后台审批人员", "管理人员");
            String[] ticks = {"窗口前台工作人员", "窗口前台工作人员", "后台审批人员", "管理人员", "村（社区）工作人员"};
            for (int m = 0; m < 5; m++) {
                Row row = sheet.getRow(headerRow + 2 + m);
                row.createCell(column.get("姓名")).setCellValue(CompetitionFixtures.name());
                row.createCell(column.get("身份证号")).setCellValue(ids.get(m));
                row.createCell(column.get("联系电话（手机）")).setCellValue(CompetitionFixtures.mobile());
                row.createCell(column.get("固定电话")).setCellValue("0510-86027737");
                row.createCell(category.get(ticks[m])).setCellValue(m % 2 == 0 ? "√" : "✓");
            }
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The first sheet of a workbook as the text Excel shows in each cell, row by row (empty cells as ""). */
    static List<List<String>> rows(byte[] xlsx) throws java.io.IOException {
        List<List<String>> rows = new java.util.ArrayList<>();
        var format = new org.apache.poi.ss.usermodel.DataFormatter();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
