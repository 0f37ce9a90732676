package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionSheetTest {

    private static QuestionSheet.Reading read(List<String> header, List<?>... rows) {
        try (var writer = new Spreadsheet.Writer()) {
            writer.sheet("试题", header);
            for (List<?> row : rows) {
                writer.row(row);
            }
            byte[] bytes = writer.toBytes();
            return QuestionSheet.read(Spreadsheet.read(new ByteArrayInputStream(bytes), bytes.length));
        }
    }

    private static List<String> where(QuestionSheet.Reading reading) {
        return reading.problems().stream().map(v -> v.row() + "/" + v.column() + "/" + v.messageKey()).toList();
    }

    @Test
    void findsColumnsByEnglishHeadersInAnyOrder() {
        var reading = read(List.of("answer", "Stem", "type", "B", "A", "points", "difficulty"),
                List.of("b", "核心是（ ）", "单选", "多头跑", "数据共享", 2, "较难"));
        assertThat(reading.problems()).isEmpty();
        QuestionDraft draft = reading.drafts().get(0);
        assertThat(draft.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
        assertThat(draft.options()).containsExactly(new Option("A", "数据共享"), new Option("B", "多头跑"));
        assertThat(draft.answer().asString()).isEqualTo("B");
        assertThat(draft.difficulty()).isEqualTo(4);
        assertThat(draft.points()).isEqualByComparingTo("2");
    }

    @Test
    void reportsEveryBrokenCellWithItsExcelRowAndTheHeaderAsWritten() {
        var reading = read(List.of("题型", "题干", "选项 A", "选项B", "答案", "难度", "分值"),
                Arrays.asList("连线题", "题干", null, null, "A", null, null),
                Arrays.asList("单选题", null, "一", "二", "A", null, null),
                Arrays.asList("单选题", "核心是", "一", "二", "C", null, null),
                Arrays.asList(),
                Arrays.asList("单选题", "核心是", "一", "二", "AB", null, null),
                Arrays.asList("填空题", "只有（ ）", null, null, "甲；乙", null, null),
                Arrays.asList("判断题", "对吗", null, null, "对", "很难", "两分"));
        assertThat(where(reading)).containsExactly(
                "2/题型/bank.import.type.unknown",
                "3/题干/question.stem.required",
                "4/答案/question.answer.noSuchOption",
                "6/答案/question.answer.singleChoice",
                "7/答案/question.answer.blankCount",
                "8/难度/bank.import.difficulty",
                "8/分值/bank.import.points");
        assertThat(reading.drafts()).hasSize(0);
    }

    @Test
    void placesOptionProblemsOnTheOptionColumnAsTheFileSpellsIt() {
        var reading = read(List.of("题型", "题干", "选项 A", "答案"), List.of("单选题", "核心是", "一", "A"));
        assertThat(where(reading)).containsExactly("2/选项 A/question.options.count");
    }

    @Test
    void refusesASheetWithoutTypeOrStemColumns() {
        var reading = read(List.of("题型", "答案", "解析"), List.of("单选题", "A", "x"));
        assertThat(reading.problems()).extracting(Violation::messageKey).containsExactly("bank.import.column.missing");
        assertThat(reading.problems().get(0).column()).isEqualTo("题干");
    }

    @Test
    void writesASheetThatReadsBackToTheSameQuestions() {
        List<Question> questions = List.of(
                q(QuestionType.SINGLE_CHOICE, "=核心是（ ）", List.of(new Option("A", "数据共享"), new Option("C", "+多头跑")), "\"C\""),
                q(QuestionType.MULTIPLE_CHOICE, "包括（ ）", Questions.abcd(), "[\"A\",\"D\"]"),
                q(QuestionType.TRUE_FALSE, "对吗", List.of(), "false"),
                q(QuestionType.FILL_BLANK, "长三角（ ）和___", List.of(), "[[\"一网通办\",\"一网办\"],[\"跨省通办\"]]"),
                q(QuestionType.SHORT_ANSWER, "简述", List.of(), "\"-第一；第二\""),
                q(QuestionType.ESSAY, "论述", List.of(), "\"一、\\n二、\""));
        byte[] bytes = QuestionSheet.write(questions);
        var reading = QuestionSheet.read(Spreadsheet.read(new ByteArrayInputStream(bytes), bytes.length));
        assertThat(reading.problems()).isEmpty();
        List<Question> back = new ArrayList<>();
        reading.drafts().forEach(d -> back.add(d.toQuestion(9)));
        assertThat(back).usingRecursiveFieldByFieldElementComparator().isEqualTo(questions);
    }

    @Test
    void theShippedDemoBankReadsBackExactlyFromItsExport() throws Exception {
        List<Question> questions;
        try (var in = new org.springframework.core.io.ClassPathResource(DemoQuestions.RESOURCE).getInputStream()) {
            questions = DemoQuestions.load(in).stream().map(d -> d.toQuestion(9)).toList();
        }
        byte[] bytes = QuestionSheet.write(questions);
        var reading = QuestionSheet.read(Spreadsheet.read(new ByteArrayInputStream(bytes), bytes.length));
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.drafts().stream().map(d -> d.toQuestion(9)).toList()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(questions);
    }

    private static Question q(QuestionType type, String stem, List<Option> options, String answer) {
        return new Question(0, 9, type, stem, options, Questions.json(answer), "解析：" + stem, "政务服务/一网通办", 4,
                new BigDecimal("2.5"), type == QuestionType.ESSAY ? List.of("营商环境", "放管服") : List.of());
    }
}
