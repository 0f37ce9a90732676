package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Spreadsheet;
import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class QuestionImportIT extends ApiTest {

    private long bank(String organizer) {
        return as(organizer).post("/api/v1/banks", Api.obj("name", unique("导入题库"))).id();
    }

    private static byte[] sheet(List<String> header, List<?>... rows) {
        try (var writer = new Spreadsheet.Writer()) {
            writer.sheet("Sheet1", header);
            for (List<?> row : rows) {
                writer.row(row);
            }
            return writer.toBytes();
        }
    }

    private static final List<String> HEADER = List.of("序号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "分类", "难度", "分值");

    @Test
    void importsEveryNotationOfTheTemplateAndCountsByType() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        byte[] file = sheet(HEADER,
                Arrays.asList(1, "单选题", "“一网通办”的核心是（ ）。", "数据共享", "多头跑", null, null, "Ａ", "数据多跑路。", "政务服务/一网通办", "易", 1),
                Arrays.asList(2, "多选", "属于“一窗受理”改革的有（ ）。", "前台综合受理", "多头跑", "后台分类审批", "统一窗口出件", "A、C、D", null, "政务服务", 3, 2),
                Arrays.asList(),
                Arrays.asList(3, "判断题", "“跨省通办”只适用于长三角。", null, null, null, null, "×", null, null, "较难", 1),
                Arrays.asList(4, "填空题", "长三角（ ），全国___。", null, null, null, null, "一网通办｜一网办；跨省通办", null, null, null, 2.5),
                Arrays.asList(5, "简答", "简述“好差评”制度。", null, null, null, null, "政务服务评价。", null, "政务服务/好差评", 4, 5),
                Arrays.asList(6, "ESSAY", "论述优化营商环境。", null, null, null, null, "一、……", null, null, "难", 10));
        var response = as(organizer).upload("/api/v1/banks/" + bank + "/import", file);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("imported").asInt()).isEqualTo(6);
        JsonNode byType = response.json().get("byType");
        for (QuestionType type : QuestionType.values()) {
            assertThat(byType.get(type.name()).asInt()).as(type.name()).isEqualTo(1);
        }
        JsonNode items = as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("items");
        assertThat(items.get(0).get("answer").asString()).isEqualTo("A");
        assertThat(items.get(0).get("difficulty").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("answer").toString()).isEqualTo("[\"A\",\"C\",\"D\"]");
        assertThat(items.get(2).get("answer").asBoolean()).isFalse();
        assertThat(items.get(3).get("answer").toString()).isEqualTo("[[\"一网通办\",\"一网办\"],[\"跨省通办\"]]");
        assertThat(items.get(3).get("points").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(items.get(5).get("type").asString()).isEqualTo("ESSAY");
    }

    @Test
    void importsFillInRowsWhoseBlanksAreIdeographicSpacesOrFullWidthUnderscores() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        byte[] file = sheet(HEADER,
                Arrays.asList(1, "填空题", "政务服务“一网”指（\u3000\u3000）。", null, null, null, null, "一网通办", null, null, null, 1),
                Arrays.asList(2, "填空", "推行（\u00A0\u00A0）和＿＿＿。", null, null, null, null, "一网通办；跨省通办", null, null, null, 2));
        var response = as(organizer).upload("/api/v1/banks/" + bank + "/import", file);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("byType").get("FILL_BLANK").asInt()).isEqualTo(2);
    }

    private static final List<String> SHORT_HEADER = List.of("题型", "题干", "答案");

    private static byte[] twoQuestions(String trueFalseStem) {
        return sheet(SHORT_HEADER, List.of("判断题", trueFalseStem, "√"), List.of("填空题", "推行（　　）。", "一网通办"));
    }

    private int total(String organizer, long bank) {
        return as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("total").asInt();
    }

    @Test
    void reimportingWithSkipAddsNoQuestionTheBankAlreadyHas() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        String path = "/api/v1/banks/" + bank + "/import";
        assertThat(as(organizer).upload(path + "?duplicates=skip", twoQuestions("社保卡全国通用。")).json().get("imported").asInt()).isEqualTo(2);
        var again = as(organizer).upload(path + "?duplicates=skip", twoQuestions("  社保卡全国通用。 "));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("imported").asInt()).isZero();
        assertThat(again.json().get("byType").get("TRUE_FALSE").asInt()).isZero();
        assertThat(again.json().properties()).extracting(Map.Entry::getKey).containsExactly("imported", "byType");
        assertThat(total(organizer, bank)).isEqualTo(2);
    }

    @Test
    void reimportingWithoutAChoiceKeepsTheContractsDefaultAndAddsEveryRowAgain() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        String path = "/api/v1/banks/" + bank + "/import";
        as(organizer).upload(path, twoQuestions("社保卡全国通用。"));
        assertThat(as(organizer).upload(path, twoQuestions("社保卡全国通用。")).json().get("imported").asInt()).isEqualTo(2);
        assertThat(total(organizer, bank)).isEqualTo(4);
    }

    @Test
    void thePreviewNamesTheRowsAlreadyInTheBankAndImportsNothing() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        as(organizer).post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "TRUE_FALSE", "stem", "社保卡全国通用。", "answer", true));
        // Same stem, another type: not the same question.
        as(organizer).post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "SHORT_ANSWER", "stem", "推行（　　）。", "answer", "一网通办"));
        var preview = as(organizer).upload("/api/v1/banks/" + bank + "/import/preview", twoQuestions(" 社保卡全国通用。"));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("questions").asInt()).isEqualTo(2);
        assertThat(preview.json().get("duplicates").toString())
                .isEqualTo("[{\"row\":2,\"type\":\"TRUE_FALSE\",\"stem\":\"社保卡全国通用。\"}]");
        assertThat(total(organizer, bank)).isEqualTo(2);
    }

    @Test
    void theOpenApiDescriptionDocumentsTheDuplicatesChoiceAndThePreview() {
        JsonNode paths = as(user("ORGANIZER")).get("/v3/api-docs").json().get("paths");
        JsonNode duplicates = null;
        for (JsonNode parameter : paths.get("/api/v1/banks/{bankId}/import").get("post").get("parameters")) {
            if (parameter.get("name").asString().equals("duplicates")) {
                duplicates = parameter;
            }
        }
        assertThat(duplicates).as("the duplicates parameter").isNotNull();
        assertThat(duplicates.get("schema").get("enum").toString()).isEqualTo("[\"keep\",\"skip\"]");
        assertThat(duplicates.get("schema").get("default").asString()).isEqualTo("keep");
        assertThat(duplicates.get("description").asString()).contains("same type, same stem");
        assertThat(paths.get("/api/v1/banks/{bankId}/import/preview").get("post").get("summary").asString()).contains("without importing");
    }

    @Test
    void refusesAnUnknownDuplicatesChoiceAndImportsNothing() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        var response = as(organizer).upload("/api/v1/banks/" + bank + "/import?duplicates=maybe", twoQuestions("社保卡全国通用。"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("duplicates");
        assertThat(total(organizer, bank)).isZero();
    }

    @Test
    void refusesTheWholeFileListingEveryBrokenRowInTheCallersLanguage() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        byte[] file = sheet(List.of("type", "stem", "A", "B", "answer", "difficulty", "points"),
                Arrays.asList("单选题", "正确的一行", "一", "二", "A", null, null),
                Arrays.asList("连线题", "未知题型", null, null, "A", null, null),
                Arrays.asList("判断题", null, null, null, "对", null, null),
                Arrays.asList("单选题", "没有 C 选项", "一", "二", "C", null, null),
                Arrays.asList("单选题", "多个字母", "一", "二", "AB", null, null),
                Arrays.asList("填空题", "一个空（ ）", null, null, "甲；乙", null, null),
                Arrays.asList("判断题", "数字不对", null, null, "对", "7", "x"));
        var response = as(organizer).upload("/api/v1/banks/" + bank + "/import", file);
        assertThat(response.status()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        List<String> where = new ArrayList<>();
        errors.forEach(e -> where.add(e.get("row").asInt() + " " + e.get("column").asString()));
        assertThat(where).containsExactly("3 type", "4 stem", "5 answer", "6 answer", "7 answer", "8 difficulty", "8 points");
        assertThat(errors.get(0).get("message").asString()).contains("题型");
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("total").asLong()).isZero();

        JsonNode english = as(organizer).english().upload("/api/v1/banks/" + bank + "/import", file).json().get("errors");
        assertThat(english.get(0).get("message").asString()).contains("Unknown question type");
        assertThat(english.get(2).get("message").asString()).contains("C");
    }

    @Test
    void refusesFilesThatAreNotXlsxWithA422() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        var text = as(organizer).upload("/api/v1/banks/" + bank + "/import", "题型,题干\n单选题,x".getBytes(), "questions.csv", Map.of());
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.json().get("detail").asString()).contains("xlsx");
        byte[] fakeZip = new byte[2048];
        fakeZip[0] = 'P';
        fakeZip[1] = 'K';
        fakeZip[2] = 3;
        fakeZip[3] = 4;
        assertThat(as(organizer).upload("/api/v1/banks/" + bank + "/import", fakeZip).status()).isEqualTo(422);
    }

    @Test
    void refusesOversizedUploadsWithA413() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        byte[] big = new byte[(int) Spreadsheet.MAX_BYTES + 1024];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        var response = as(organizer).upload("/api/v1/banks/" + bank + "/import", big);
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("total").asLong()).isZero();
    }

    @Test
    void exportThenImportGivesTheSameQuestions() throws Exception {
        String organizer = user("ORGANIZER");
        long source = bank(organizer);
        List<Map<String, Object>> questions = List.of(
                Api.obj("type", "SINGLE_CHOICE", "stem", "=“一网通办”的核心是（ ）", "options", List.of(Api.obj("key", "A", "text", "数据共享"),
                        Api.obj("key", "B", "text", "+多头跑"), Api.obj("key", "C", "text", "@一窗受理")), "answer", "A",
                        "analysis", "数据多跑路，群众少跑腿。", "category", "政务服务/一网通办", "difficulty", 2, "points", 1),
                Api.obj("type", "MULTIPLE_CHOICE", "stem", "属于“一窗受理”的有（ ）", "options", List.of(Api.obj("key", "A", "text", "前台受理"),
                        Api.obj("key", "B", "text", "多头跑"), Api.obj("key", "C", "text", "后台审批"), Api.obj("key", "D", "text", "统一出件"),
                        Api.obj("key", "E", "text", "五"), Api.obj("key", "F", "text", "六"), Api.obj("key", "G", "text", "七"),
                        Api.obj("key", "H", "text", "八")), "answer", List.of("A", "C", "D", "H"), "category", "政务服务/一窗一网一次",
                        "difficulty", 3, "points", 2.5),
                Api.obj("type", "TRUE_FALSE", "stem", "“跨省通办”只适用于长三角。", "answer", false, "difficulty", 1, "points", 1),
                Api.obj("type", "TRUE_FALSE", "stem", "社保卡全国通用。", "answer", true, "category", "人社/社保", "points", 0.5),
                Api.obj("type", "FILL_BLANK", "stem", "长三角（ ），全国（ ），还有___。", "answer",
                        List.of(List.of("一网通办", "一网办", "ＡＢＣ"), List.of("跨省通办"), List.of("一次办", "一次办好")),
                        "analysis", "见《意见》。", "category", "政务服务/一网通办/跨省通办", "difficulty", 4, "points", 3),
                Api.obj("type", "SHORT_ANSWER", "stem", "简述“好差评”制度。", "answer", "-评价；\n-整改。", "keywords", List.of("评价、反馈", "整改"),
                        "category", "政务服务/好差评", "difficulty", 5, "points", 5),
                Api.obj("type", "ESSAY", "stem", "论述优化营商环境。", "answer", "一、……\n二、……", "keywords", List.of("营商环境"), "points", 20));
        questions.forEach(q -> assertThat(as(organizer).post("/api/v1/banks/" + source + "/questions", q).status()).isEqualTo(201));

        var export = as(organizer).get("/api/v1/banks/" + source + "/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
        }

        long target = bank(organizer);
        var imported = as(organizer).upload("/api/v1/banks/" + target + "/import", export.body());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(questions.size());

        JsonNode before = as(organizer).get("/api/v1/banks/" + source + "/questions").json().get("items");
        JsonNode after = as(organizer).get("/api/v1/banks/" + target + "/questions").json().get("items");
        assertThat(after).hasSize(before.size());
        for (int i = 0; i < before.size(); i++) {
            ObjectNode a = (ObjectNode) before.get(i);
            ObjectNode b = (ObjectNode) after.get(i);
            a.remove("id");
            b.remove("id");
            assertThat(b).as("question " + (i + 1)).isEqualTo(a);
        }
    }

    @Test
    void pagesTwentyByDefaultAndAtMostTwoHundred() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 1; i <= 201; i++) {
            rows.add(List.of("判断题", "第 " + i + " 题：社保卡全国通用。", "对"));
        }
        var imported = as(organizer).upload("/api/v1/banks/" + bank + "/import", sheet(List.of("题型", "题干", "答案"), rows.toArray(List[]::new)));
        assertThat(imported.json().get("imported").asInt()).isEqualTo(201);
        String base = "/api/v1/banks/" + bank + "/questions";
        assertThat(as(organizer).get(base).json().get("items")).hasSize(20);
        JsonNode capped = as(organizer).get(base + "?size=1000").json();
        assertThat(capped.get("items")).hasSize(200);
        assertThat(capped.get("total").asLong()).isEqualTo(201);
        JsonNode last = as(organizer).get(base + "?size=200&page=1").json().get("items");
        assertThat(last).hasSize(1);
        assertThat(last.get(0).get("stem").asString()).startsWith("第 201 题");
    }

    @Test
    void offersAnEmptyTemplate() throws Exception {
        var template = as(user("ORGANIZER")).get("/api/v1/banks/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            var header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("题型");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("题干");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("选项A");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
            assertThat(workbook.getSheetAt(1).getRow(4).getCell(1).getStringCellValue()).contains("ABD").contains("√/×");
        }
    }
}
