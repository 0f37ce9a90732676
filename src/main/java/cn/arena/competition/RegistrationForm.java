package cn.arena.competition;

import cn.arena.org.StaffCategory;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The registration form (报名表, the notice's 附件2) as an xlsx: label cells 单位（部门）, 领队（联系人）, 联系电话 with
 * their values to the right, then a member table 姓名, 身份证号, 联系电话（手机）, 固定电话, 人员性质, where 人员性质
 * is either one column holding a category or one column per category (named in the row below) ticked √.
 */
final class RegistrationForm {

    static final String UNIT = "单位（部门）";
    static final String LEADER = "领队（联系人）";
    static final String PHONE = "联系电话";
    static final String NAME = "姓名";
    static final String ID_NUMBER = "身份证号";
    static final String MOBILE = "联系电话（手机）";
    static final String LANDLINE = "固定电话";
    static final String CATEGORY = "人员性质";
    private static final String NOTE = "★在对应格中打“√”即可。";
    private static final List<List<String>> COLUMNS = List.of(List.of(NAME), List.of(ID_NUMBER, "身份证号码"),
            List.of(MOBILE, "联系电话(手机)", "手机", "手机号码"), List.of(LANDLINE), List.of(CATEGORY));
    private static final Map<String, String> COLUMN_OF_RULE = Map.of("ID_NUMBER", ID_NUMBER, "ALREADY_IN_TEAM", ID_NUMBER,
            "EXCLUDED", ID_NUMBER, "MOBILE", MOBILE, "LANDLINE", LANDLINE, "NAME", NAME, "STAFF_CATEGORY", CATEGORY,
            "CATEGORY_MINIMUM", CATEGORY, "TEAM_SIZE", NAME);

    /** A read form: the entry, and where each part came from, to report problems at their cells. */
    record Parsed(Registration.TeamEntry entry, int unitRow, int leaderRow, int headerRow, List<Integer> memberRows) {

        /** The same problems, each placed on the row and column of the form it is about. */
        List<Violation> placed(List<Violation> problems) {
            return problems.stream().map(v -> {
                if (v.member() != null && v.member() < memberRows.size()) {
                    return v.atRow(memberRows.get(v.member()), COLUMN_OF_RULE.getOrDefault(v.rule(), NAME));
                }
                if ("contactName".equals(v.field())) {
                    return v.atRow(leaderRow, LEADER);
                }
                if ("contactPhone".equals(v.field())) {
                    return v.atRow(leaderRow, PHONE);
                }
                if (v.rule() != null && COLUMN_OF_RULE.containsKey(v.rule())) {
                    return v.atRow(headerRow, COLUMN_OF_RULE.get(v.rule()));
                }
                return v.atRow(unitRow, UNIT);
            }).toList();
        }
    }

    private RegistrationForm() {}

    static byte[] blank(String title, List<StaffCategory> categories) {
        try (var writer = new Spreadsheet.Writer()) {
            writer.sheet("报名表", List.of(title));
            writer.row(List.of(UNIT, ""));
            writer.row(List.of(LEADER, "", PHONE, ""));
            List<String> header = new ArrayList<>(List.of("序号", NAME, ID_NUMBER, MOBILE, LANDLINE, CATEGORY));
            List<String> sub = new ArrayList<>(List.of("", "", "", "", ""));
            for (int i = 0; i < categories.size(); i++) {
                if (i > 0) {
                    header.add("");
                }
                sub.add(categories.get(i).name());
            }
            writer.row(header);
            writer.row(sub);
            for (int i = 1; i <= 5; i++) {
                writer.row(List.of(i));
            }
            writer.row(List.of(NOTE));
            return writer.toBytes();
        }
    }

    /** Reads a filled form; {@code category} resolves a category's code or name to its code. */
    static Parsed read(Spreadsheet.Sheet1 sheet, Function<String, Optional<String>> category) {
        List<Violation> problems = new ArrayList<>();
        Spreadsheet.Header header = sheet.findHeader(COLUMNS).filter(h -> h.has(NAME) && h.has(ID_NUMBER))
                .orElseThrow(() -> Refusal.invalid(Violation.field("file", "competition.form.noHeader")));
        Label unit = label(sheet, UNIT, header.row());
        Label leader = label(sheet, LEADER, header.row());
        Label phone = label(sheet, PHONE, header.row());
        Map<Integer, String> tickColumns = new HashMap<>();
        List<Spreadsheet.Line> rows = sheet.lines().stream().filter(l -> l.row() > header.row()).toList();
        int first = 0;
        if (!rows.isEmpty() && header.get(rows.get(0), NAME).isEmpty()) {
            Spreadsheet.Line sub = rows.get(0);
            int from = header.columns().getOrDefault(CATEGORY, 0);
            for (int c = from; c < sub.cells().size(); c++) {
                int column = c;
                category.apply(sub.cell(c)).ifPresent(code -> tickColumns.put(column, code));
            }
            first = tickColumns.isEmpty() ? 0 : 1;
        }
        List<Registration.MemberEntry> members = new ArrayList<>();
        List<Integer> memberRows = new ArrayList<>();
        for (Spreadsheet.Line line : rows.subList(first, rows.size())) {
            if (line.cells().stream().anyMatch(c -> c.startsWith("★"))) {
                break;
            }
            String name = header.get(line, NAME);
            String idNumber = header.get(line, ID_NUMBER);
            if (name.isEmpty() && idNumber.isEmpty() && header.get(line, MOBILE).isEmpty()) {
                continue;
            }
            String staffCategory = header.get(line, CATEGORY);
            if (!tickColumns.isEmpty()) {
                List<String> ticked = tickColumns.entrySet().stream().filter(e -> isTick(line.cell(e.getKey())))
                        .map(Map.Entry::getValue).toList();
                if (ticked.size() != 1) {
                    problems.add(Violation.cell(line.row(), CATEGORY, "competition.form.tickOne").withRule("STAFF_CATEGORY"));
                }
                staffCategory = ticked.size() == 1 ? ticked.get(0) : "";
            }
            String landline = header.get(line, LANDLINE);
            members.add(new Registration.MemberEntry(name, idNumber, header.get(line, MOBILE), landline.isEmpty() ? null : landline,
                    staffCategory));
            memberRows.add(line.row());
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        var entry = new Registration.TeamEntry(null, leader.value(), phone.value(), members);
        return new Parsed(entry, unit.row() > 0 ? unit.row() : 1, leader.row() > 0 ? leader.row() : 1, header.row(), memberRows);
    }

    private record Label(int row, @Nullable String value) {}

    /** The value right of the label cell (or after its colon, when written in the same cell), above the member table. */
    private static Label label(Spreadsheet.Sheet1 sheet, String label, int before) {
        for (Spreadsheet.Line line : sheet.lines()) {
            if (line.row() >= before) {
                break;
            }
            for (int c = 0; c < line.cells().size(); c++) {
                String text = normalize(line.cell(c));
                if (text.startsWith(label)) {
                    String rest = text.substring(label.length()).replaceFirst("^[：:]", "");
                    return new Label(line.row(), rest.isEmpty() ? line.cell(c + 1) : rest);
                }
            }
        }
        return new Label(0, null);
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", "").replace('(', '（').replace(')', '）');
    }

    private static boolean isTick(String cell) {
        return List.of("√", "✓", "✔", "v", "V", "是", "☑").contains(cell.strip());
    }
}
