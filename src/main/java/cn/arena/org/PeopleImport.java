package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All-or-nothing import of people from xlsx: 姓名, 身份证号, 手机, 固定电话, 人员性质, 单位 (a unit's name in the
 * caller's scope; empty = the caller's own unit), optionally 编制. Every broken cell is reported with its row; a
 * known ID number updates that person. Errors never repeat an ID number.
 */
@Service
class PeopleImport {

    record Result(int created, int updated) {}

    private static final List<List<String>> COLUMNS = List.of(
            List.of("姓名", "name"),
            List.of("身份证号", "身份证号码", "公民身份号码", "idNumber"),
            List.of("手机", "手机号", "手机号码", "联系电话（手机）", "联系电话(手机)", "mobile"),
            List.of("固定电话", "座机", "landline"),
            List.of("人员性质", "staffCategory"),
            List.of("单位", "单位名称", "单位（部门）", "orgUnit"),
            List.of("编制", "编制情况", "employment"));
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("name", "姓名", "idNumber", "身份证号", "mobile", "手机",
            "landline", "固定电话", "staffCategory", "人员性质", "orgUnitId", "单位", "employment", "编制");

    private final People people;
    private final OrgTree tree;

    PeopleImport(People people, OrgTree tree) {
        this.people = people;
        this.tree = tree;
    }

    @Transactional
    Result run(CurrentUser actor, InputStream in, long size) {
        Spreadsheet.Sheet1 sheet = Spreadsheet.read(in, size);
        Spreadsheet.Header header = sheet.findHeader(COLUMNS)
                .filter(h -> h.has("姓名") && h.has("身份证号") && h.has("手机") && h.has("人员性质"))
                .orElseThrow(() -> Refusal.invalid(Violation.field("file", "org.import.people.noHeader")));
        Map<String, List<Long>> unitsByName = new HashMap<>();
        tree.visibleTo(actor).forEach(u -> unitsByName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u.id()));
        Long defaultUnit = actor.isAdmin() ? null : actor.orgUnitId();

        List<Violation> problems = new ArrayList<>();
        List<People.NewPerson> rows = new ArrayList<>();
        List<@Nullable Employment> employments = new ArrayList<>();
        Map<String, Integer> rowOfIdNumber = new HashMap<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            if (line.row() <= header.row()) {
                continue;
            }
            int row = line.row();
            Long unit = defaultUnit;
            boolean unitReported = false;
            String unitName = header.get(line, "单位");
            if (!unitName.isEmpty()) {
                List<Long> matches = unitsByName.getOrDefault(unitName, List.of());
                unit = matches.size() == 1 ? matches.get(0) : null;
                if (matches.size() != 1) {
                    problems.add(Violation.cell(row, "单位", matches.isEmpty() ? "org.import.unit.unknown" : "org.import.unit.ambiguous", unitName));
                    unitReported = true;
                }
            } else if (unit == null) {
                problems.add(Violation.cell(row, "单位", "org.person.orgUnit.required"));
                unitReported = true;
            }
            People.NewPerson person = new People.NewPerson(header.get(line, "姓名"), header.get(line, "身份证号"),
                    header.get(line, "手机"), header.get(line, "固定电话"), header.get(line, "人员性质"), unit == null ? 0 : unit);
            for (Violation v : people.checkInScope(actor, person)) {
                if (!(unitReported && "orgUnitId".equals(v.field()))) {
                    problems.add(v.atRow(row, COLUMN_OF_FIELD.getOrDefault(v.field(), "姓名")));
                }
            }
            if (IdNumber.problem(person.idNumber()).isEmpty()) {
                Integer earlier = rowOfIdNumber.putIfAbsent(IdNumber.parse(person.idNumber()).value(), row);
                if (earlier != null) {
                    problems.add(Violation.cell(row, "身份证号", "org.import.people.duplicate", earlier));
                }
            }
            String employment = header.get(line, "编制");
            @Nullable Employment parsed = employment.isEmpty() ? null : Employment.parse(employment).orElse(null);
            if (!employment.isEmpty() && parsed == null) {
                problems.add(Violation.cell(row, "编制", "org.person.employment.unknown"));
            }
            rows.add(person);
            employments.add(parsed);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(Violation.field("file", "org.import.empty"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        int created = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (people.findIdByIdNumber(rows.get(i).idNumber()).isEmpty()) {
                created++;
            }
            people.register(actor, rows.get(i), employments.get(i));
        }
        return new Result(created, rows.size() - created);
    }
}
