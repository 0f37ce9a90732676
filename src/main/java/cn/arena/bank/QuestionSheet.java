package cn.arena.bank;

import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The contract's Excel template for questions: columns found by header name (Chinese or English) in any order, one
 * question per row. Reading turns every row into a draft and reports each broken cell as {row as Excel shows it,
 * the header text as written in the file, message}; writing produces a sheet that reads back to the same questions.
 */
final class QuestionSheet {

    static final String TYPE = "题型";
    static final String STEM = "题干";
    static final String ANSWER = "答案";
    static final String ANALYSIS = "解析";
    static final String CATEGORY = "分类";
    static final String DIFFICULTY = "难度";
    static final String POINTS = "分值";
    static final String KEYWORDS = "关键词";
    static final List<String> OPTION_KEYS = List.of("A", "B", "C", "D", "E", "F", "G", "H");

    /** Each column by its template name, followed by the other names accepted for it. */
    static final List<List<String>> COLUMNS = Stream.concat(
            Stream.of(List.of(TYPE, "type"), List.of(STEM, "stem")),
            Stream.concat(OPTION_KEYS.stream().map(k -> List.of("选项" + k, k, "option" + k)),
                    Stream.of(List.of(ANSWER, "answer"), List.of(ANALYSIS, "analysis"), List.of(CATEGORY, "category"),
                            List.of(DIFFICULTY, "difficulty"), List.of(POINTS, "points", "score"),
                            List.of(KEYWORDS, "keywords")))).toList();

    /** The template's header row, as export writes it. */
    static final List<String> HEADER = COLUMNS.stream().map(names -> names.get(0)).toList();

    /** What a sheet holds: every row's draft when {@code problems} is empty, otherwise every problem found. */
    record Reading(List<Row> rows, List<Violation> problems) {

        List<QuestionDraft> drafts() {
            return rows.stream().map(Row::draft).toList();
        }
    }

    /** A row's draft with its row number as Excel shows it. */
    record Row(int number, QuestionDraft draft) {}

    private QuestionSheet() {}

    static Reading read(Spreadsheet.Sheet1 sheet) {
        var header = sheet.findHeader(COLUMNS).orElse(null);
        if (header == null || !header.has(TYPE) || !header.has(STEM)) {
            int row = header == null ? 1 : header.row();
            List<Violation> missing = Stream.of(TYPE, STEM).filter(c -> header == null || !header.has(c))
                    .map(c -> Violation.cell(row, c, "bank.import.column.missing", c)).toList();
            return new Reading(List.of(), missing);
        }
        Spreadsheet.Line headerLine = sheet.lines().stream().filter(l -> l.row() == header.row()).findFirst().orElseThrow();
        List<Row> drafts = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            if (line.row() <= header.row() || COLUMNS.stream().allMatch(c -> header.get(line, c.get(0)).isEmpty())) {
                continue;
            }
            new RowReader(header, headerLine, line).read(drafts, problems);
        }
        if (drafts.isEmpty() && problems.isEmpty()) {
            problems.add(Violation.cell(header.row() + 1, headerLine.cell(header.columns().get(STEM)), "bank.import.empty"));
        }
        return new Reading(drafts, problems);
    }

    /** One data row: its cells read by notation, then the draft's own rules, each problem placed on its column. */
    private record RowReader(Spreadsheet.Header header, Spreadsheet.Line headerLine, Spreadsheet.Line line) {

        void read(List<Row> drafts, List<Violation> problems) {
            List<Violation> found = new ArrayList<>();
            Set<String> unreadable = new HashSet<>();
            AnswerNotation.Read<QuestionType> typeRead = AnswerNotation.type(cell(TYPE));
            QuestionType type = take(typeRead, TYPE, "type", found, unreadable);
            JsonNode answer = null;
            if (type != null) {
                answer = take(AnswerNotation.answer(type, cell(ANSWER)), ANSWER, "answer", found, unreadable);
            }
            Integer difficulty = take(AnswerNotation.difficulty(cell(DIFFICULTY)), DIFFICULTY, "difficulty", found, unreadable);
            BigDecimal points = take(AnswerNotation.points(cell(POINTS)), POINTS, "points", found, unreadable);
            List<Option> options = new ArrayList<>();
            for (String key : OPTION_KEYS) {
                String text = cell("选项" + key);
                if (!text.isEmpty()) {
                    options.add(new Option(key, text));
                }
            }
            QuestionDraft draft = new QuestionDraft(type, cell(STEM), options, answer, cell(ANALYSIS), cell(CATEGORY),
                    difficulty, points, AnswerNotation.keywords(cell(KEYWORDS)));
            if (typeRead.problem() != null) {
                // An unknown type leaves nothing to check the answer against; the stem can still be missing.
                if (cell(STEM).isBlank()) {
                    found.add(at("stem", "question.stem.required"));
                }
            } else {
                draft.check().stream().filter(v -> !unreadable.contains(v.field()))
                        .forEach(v -> found.add(v.atRow(line.row(), columnOf(v.field()))));
            }
            if (found.isEmpty()) {
                drafts.add(new Row(line.row(), draft));
            }
            // Left to right, as the person fixing the row reads it.
            found.sort(java.util.Comparator.comparingInt(v -> headerLine.cells().indexOf(v.column()) < 0
                    ? Integer.MAX_VALUE : headerLine.cells().indexOf(v.column())));
            problems.addAll(found);
        }

        private <T> @Nullable T take(AnswerNotation.Read<T> read, String column, String field, List<Violation> found,
                Set<String> unreadable) {
            if (read.problem() != null) {
                found.add(Violation.cell(line.row(), columnText(column), read.problem()));
                unreadable.add(field);
            }
            return read.value();
        }

        private Violation at(String field, String key) {
            return Violation.cell(line.row(), columnOf(field), key);
        }

        private String cell(String column) {
            return header.get(line, column);
        }

        private String columnOf(@Nullable String field) {
            return columnText(switch (field == null ? "" : field) {
                case "type" -> TYPE;
                case "stem" -> STEM;
                case "answer" -> ANSWER;
                case "difficulty" -> DIFFICULTY;
                case "points" -> POINTS;
                case "analysis" -> ANALYSIS;
                case "category" -> CATEGORY;
                case "keywords" -> KEYWORDS;
                case "options" -> OPTION_KEYS.stream().map(k -> "选项" + k).filter(header::has).findFirst().orElse("选项A");
                default -> STEM;
            });
        }

        /** The header as the file spells it ("type", "选项 A"), or the template's name when the file has no such column. */
        private String columnText(String column) {
            Integer index = header.columns().get(column);
            return index == null ? column : headerLine.cell(index);
        }
    }

    /** The questions in the template, one row each, in the notation {@link #read} reads back unchanged. */
    static byte[] write(List<Question> questions) {
        return write(questions, null);
    }

    /** A second sheet for people filling in an empty template: what goes in each column. Import reads only the first sheet. */
    record Help(String sheet, List<String> header, List<List<String>> rows) {}

    static byte[] write(List<Question> questions, @Nullable Help help) {
        try (var writer = new Spreadsheet.Writer()) {
            writeQuestions(writer, questions);
            if (help != null) {
                writer.sheet(help.sheet(), help.header());
                help.rows().forEach(writer::row);
            }
            return writer.toBytes();
        }
    }

    private static void writeQuestions(Spreadsheet.Writer writer, List<Question> questions) {
        writer.sheet("试题", HEADER);
        for (Question q : questions) {
            Map<String, String> options = new java.util.HashMap<>();
            q.options().forEach(o -> options.put(o.key(), o.text()));
            List<Object> row = new ArrayList<>();
            row.add(AnswerNotation.typeName(q.type()));
            row.add(q.stem());
            OPTION_KEYS.forEach(k -> row.add(options.get(k)));
            row.add(AnswerNotation.write(q.type(), q.answer()));
            row.add(q.analysis());
            row.add(q.category());
            row.add(q.difficulty());
            row.add(q.points());
            row.add(AnswerNotation.writeKeywords(q.keywords()));
            writer.row(row);
        }
    }
}
