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
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All-or-nothing import of org units from xlsx: 单位名称, 类型 (code or Chinese name), 上级单位 (a unit's name: one
 * named in an earlier row of the file, or an existing unit in the caller's scope; empty = the caller's own unit, or
 * the top of the tree for an admin). Every broken cell is reported with its row.
 */
@Service
class OrgImport {

    record Result(int created) {}

    private static final List<List<String>> COLUMNS = List.of(
            List.of("单位名称", "名称", "单位", "name"), List.of("类型", "单位类型", "kind"), List.of("上级单位", "上级", "parent"));

    /** A row to create; its parent is an existing unit's id or the index of an earlier row. */
    private record Row(String name, OrgUnitKind kind, @Nullable Long parentId, @Nullable Integer parentRow) {}

    private final OrgTree tree;

    OrgImport(OrgTree tree) {
        this.tree = tree;
    }

    @Transactional
    Result run(CurrentUser actor, InputStream in, long size) {
        Spreadsheet.Sheet1 sheet = Spreadsheet.read(in, size);
        Spreadsheet.Header header = sheet.findHeader(COLUMNS).filter(h -> h.has("单位名称") && h.has("类型"))
                .orElseThrow(() -> Refusal.invalid(Violation.field("file", "org.import.units.noHeader")));
        List<OrgTree.OrgUnit> visible = tree.visibleTo(actor);
        Map<String, List<OrgTree.OrgUnit>> existingByName = new HashMap<>();
        visible.forEach(u -> existingByName.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u));
        Long defaultParent = actor.isAdmin() ? null : actor.orgUnitId();

        List<Violation> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> indexByName = new HashMap<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            if (line.row() <= header.row()) {
                continue;
            }
            int excelRow = line.row();
            String name = header.get(line, "单位名称");
            if (name.isEmpty()) {
                problems.add(Violation.cell(excelRow, "单位名称", "org.unit.name.required"));
            } else if (name.length() > OrgTree.MAX_NAME) {
                problems.add(Violation.cell(excelRow, "单位名称", "org.unit.name.tooLong", OrgTree.MAX_NAME));
            } else if (indexByName.containsKey(name)) {
                problems.add(Violation.cell(excelRow, "单位名称", "org.import.units.duplicate", name));
            }
            String kindText = header.get(line, "类型");
            Optional<OrgUnitKind> kind = OrgUnitKind.parse(kindText);
            if (kind.isEmpty()) {
                problems.add(Violation.cell(excelRow, "类型", kindText.isEmpty() ? "org.unit.kind.required" : "org.import.units.kindUnknown", kindText));
            }
            String parentName = header.get(line, "上级单位");
            Long parentId = null;
            Integer parentRow = null;
            if (parentName.isEmpty()) {
                parentId = defaultParent;
            } else if (indexByName.containsKey(parentName)) {
                parentRow = indexByName.get(parentName);
            } else {
                List<OrgTree.OrgUnit> matches = existingByName.getOrDefault(parentName, List.of());
                if (matches.size() == 1) {
                    parentId = matches.get(0).id();
                } else {
                    problems.add(Violation.cell(excelRow, "上级单位",
                            matches.isEmpty() ? "org.import.unit.unknown" : "org.import.unit.ambiguous", parentName));
                }
            }
            if (!name.isEmpty() && parentRow == null && tree.hasChildNamed(parentId, name)) {
                problems.add(Violation.cell(excelRow, "单位名称", "org.unit.name.taken", name));
            }
            if (!name.isEmpty()) {
                indexByName.putIfAbsent(name, rows.size());
            }
            rows.add(new Row(name, kind.orElse(OrgUnitKind.BUREAU), parentId, parentRow));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(Violation.field("file", "org.import.empty"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        List<Long> ids = new ArrayList<>();
        for (Row row : rows) {
            Long parent = row.parentRow() != null ? ids.get(row.parentRow()) : row.parentId();
            ids.add(tree.create(actor, row.name(), row.kind(), parent));
        }
        return new Result(ids.size());
    }
}
