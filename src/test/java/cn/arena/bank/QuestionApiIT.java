package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class QuestionApiIT extends ApiTest {

    @Autowired
    QuestionCatalog catalog;

    private long bank(String organizer) {
        return as(organizer).post("/api/v1/banks", Api.obj("name", unique("政务服务技能竞赛题库"))).id();
    }

    private static Map<String, Object> trueFalse(String stem, String category) {
        return Api.obj("type", "TRUE_FALSE", "stem", stem, "answer", true, "category", category, "difficulty", 2, "points", 1);
    }

    private long add(String organizer, long bank, Map<String, Object> question) {
        var created = as(organizer).post("/api/v1/banks/" + bank + "/questions", question);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    @Test
    void createsQuestionsOfEachAnswerShape() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long single = add(organizer, bank, Api.obj("type", "SINGLE_CHOICE",
                "stem", "“一网通办”的核心是什么？", "options", List.of(Api.obj("key", "A", "text", "数据共享"), Api.obj("key", "B", "text", "多头跑")),
                "answer", "A", "analysis", "数据多跑路，群众少跑腿。", "category", "政务服务/一网通办", "difficulty", 2, "points", 1));
        add(organizer, bank, Api.obj("type", "FILL_BLANK",
                "stem", "长三角政务服务（ ）和（ ）", "answer", List.of(List.of("一网通办"), List.of("跨省通办", "跨省办")), "points", 2));
        JsonNode shown = as(organizer).get("/api/v1/banks/" + bank + "/questions/" + single).json();
        assertThat(shown.get("answer").asString()).isEqualTo("A");
        assertThat(shown.get("analysis").asString()).isEqualTo("数据多跑路，群众少跑腿。");
        assertThat(shown.get("options").get(1).get("text").asString()).isEqualTo("多头跑");
        assertThat(shown.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void acceptsBlanksWrittenAsChineseDocumentsWriteThem() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long ideographic = add(organizer, bank, Api.obj("type", "FILL_BLANK",
                "stem", "政务服务“一网”指（\u3000\u3000）。", "answer", List.of(List.of("一网通办"))));
        add(organizer, bank, Api.obj("type", "FILL_BLANK",
                "stem", "推行（\u00A0）和＿＿＿。", "answer", List.of(List.of("一网通办"), List.of("跨省通办"))));
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions/" + ideographic).json().get("answer").toString())
                .isEqualTo("[[\"一网通办\"]]");
    }

    @Test
    void refusesABlankCountThatDoesNotMatchTheStem() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        var response = as(organizer).post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "FILL_BLANK",
                "stem", "只有一个空（ ）", "answer", List.of(List.of("a"), List.of("b"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("answer");
    }

    @Test
    void listsFiltersSearchesAndPagesWithAnswersForOrganizers() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        add(organizer, bank, trueFalse("“一网通办”要求数据共享。", "政务服务/一网通办"));
        add(organizer, bank, trueFalse("“跨省通办”覆盖高频事项。", "政务服务/一网通办/跨省通办"));
        add(organizer, bank, trueFalse("社保卡可以跨省使用。", "人社/社保"));
        add(organizer, bank, trueFalse("100%_事项 可以网办。", "政务服务_其他"));
        add(organizer, bank, Api.obj("type", "SHORT_ANSWER", "stem", "简述“一网通办”的意义。", "answer", "数据多跑路。",
                "keywords", List.of("数据", "跑路"), "category", "政务服务", "difficulty", 4));
        String base = "/api/v1/banks/" + bank + "/questions";

        JsonNode all = as(organizer).get(base).json();
        assertThat(all.get("total").asLong()).isEqualTo(5);
        assertThat(all.get("items").get(4).get("keywords").toString()).isEqualTo("[\"数据\",\"跑路\"]");
        assertThat(all.get("items").get(0).get("answer").asBoolean()).isTrue();

        assertThat(as(organizer).get(base + "?category=政务服务/一网通办").json().get("total").asLong()).isEqualTo(2);
        assertThat(as(organizer).get(base + "?category=政务服务").json().get("total").asLong()).isEqualTo(3);
        assertThat(as(organizer).get(base + "?type=SHORT_ANSWER").json().get("total").asLong()).isEqualTo(1);
        assertThat(as(organizer).get(base + "?difficulty=4").json().get("total").asLong()).isEqualTo(1);
        assertThat(as(organizer).get(base + "?q=" + enc("一网通办")).json().get("total").asLong()).isEqualTo(2);
        assertThat(as(organizer).get(base + "?q=" + enc("%_")).json().get("total").asLong()).isEqualTo(1);

        JsonNode page = as(organizer).get(base + "?page=1&size=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("stem").asString()).isEqualTo("社保卡可以跨省使用。");
        assertThat(as(organizer).get(base + "?size=1000").json().get("items")).hasSize(5);
    }

    @Test
    void showsTheCategoryTreeWithCountsOfEachSubtree() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        add(organizer, bank, trueFalse("一", "政务服务/一网通办"));
        add(organizer, bank, trueFalse("二", "政务服务/一网通办/跨省通办"));
        add(organizer, bank, trueFalse("三", "人社"));
        add(organizer, bank, trueFalse("四", ""));
        JsonNode tree = as(organizer).get("/api/v1/banks/" + bank + "/categories").json().get("items");
        assertThat(tree.get(0).get("name").asString()).isEqualTo("人社");
        JsonNode service = tree.get(1);
        assertThat(service.get("count").asInt()).isEqualTo(2);
        assertThat(service.get("children").get(0).get("path").asString()).isEqualTo("政务服务/一网通办");
        assertThat(service.get("children").get(0).get("children").get(0).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void editsAnUnusedQuestionInPlace() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long id = add(organizer, bank, trueFalse("原题干", "人社"));
        var edited = as(organizer).put("/api/v1/banks/" + bank + "/questions/" + id, trueFalse("新题干", "人社/社保"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.id()).isEqualTo(id);
        assertThat(catalog.find(id).orElseThrow().stem()).isEqualTo("新题干");
        var invalid = as(organizer).put("/api/v1/banks/" + bank + "/questions/" + id, Api.obj("type", "TRUE_FALSE", "stem", "x", "answer", "对"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(catalog.find(id).orElseThrow().stem()).isEqualTo("新题干");
    }

    private static Map<String, Object> singleChoice(String... keys) {
        List<Map<String, Object>> options = java.util.Arrays.stream(keys).map(k -> Api.obj("key", k, "text", "选项" + k)).toList();
        return Api.obj("type", "SINGLE_CHOICE", "stem", "“一网通办”的核心是什么？", "options", options, "answer", "A",
                "category", "政务服务", "difficulty", 2, "points", 1);
    }

    private List<QuestionCatalog.Drawable> drawable(long bank) {
        return catalog.drawable(List.of(bank), QuestionType.SINGLE_CHOICE, null, null);
    }

    @Test
    void aDrawSeesTheOptionsOfAnUnusedVersionAsEditedAndOfAUsedOneAsTheyStay() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long id = add(organizer, bank, singleChoice("A", "B"));
        assertThat(drawable(bank)).containsExactly(new QuestionCatalog.Drawable(id, bank, QuestionType.SINGLE_CHOICE, List.of("A", "B")));

        // unused: edited in place, and the next draw shuffles the options it has now
        assertThat(as(organizer).put("/api/v1/banks/" + bank + "/questions/" + id, singleChoice("A", "B", "C")).id()).isEqualTo(id);
        assertThat(drawable(bank)).extracting(QuestionCatalog.Drawable::optionKeys).containsExactly(List.of("A", "B", "C"));

        // used: its keys are remembered, and an edit makes a new version that the draw takes instead
        catalog.markUsed(List.of(id));
        assertThat(drawable(bank)).extracting(QuestionCatalog.Drawable::optionKeys).containsExactly(List.of("A", "B", "C"));
        long newId = as(organizer).put("/api/v1/banks/" + bank + "/questions/" + id, singleChoice("A", "B", "C", "D")).id();
        assertThat(drawable(bank)).containsExactly(
                new QuestionCatalog.Drawable(newId, bank, QuestionType.SINGLE_CHOICE, List.of("A", "B", "C", "D")));
    }

    @Test
    void editingAUsedQuestionRetiresItAndMakesANewVersion() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long id = add(organizer, bank, trueFalse("原题干", "人社"));
        catalog.markUsed(List.of(id));
        var edited = as(organizer).put("/api/v1/banks/" + bank + "/questions/" + id, trueFalse("新题干", "人社"));
        assertThat(edited.status()).isEqualTo(200);
        long newId = edited.id();
        assertThat(newId).isNotEqualTo(id);

        assertThat(catalog.find(id).orElseThrow().stem()).isEqualTo("原题干");
        assertThat(catalog.eligible(List.of(bank), QuestionType.TRUE_FALSE, null, null)).extracting(Question::id).containsExactly(newId);
        JsonNode list = as(organizer).get("/api/v1/banks/" + bank + "/questions").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(newId);
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions/" + id).json().get("status").asString()).isEqualTo("RETIRED");
        assertThat(as(organizer).put("/api/v1/banks/" + bank + "/questions/" + id, trueFalse("再改", "人社")).status()).isEqualTo(409);
    }

    @Test
    void deletesAnUnusedQuestionAndRetiresAUsedOne() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long unused = add(organizer, bank, trueFalse("未使用", "人社"));
        long used = add(organizer, bank, trueFalse("已使用", "人社"));
        catalog.markUsed(List.of(used));

        assertThat(as(organizer).delete("/api/v1/banks/" + bank + "/questions/" + unused).status()).isEqualTo(204);
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions/" + unused).status()).isEqualTo(404);
        assertThat(catalog.find(unused)).isEmpty();

        assertThat(as(organizer).delete("/api/v1/banks/" + bank + "/questions/" + used).status()).isEqualTo(204);
        assertThat(catalog.find(used)).isPresent();
        assertThat(catalog.eligible(List.of(bank), QuestionType.TRUE_FALSE, null, null)).isEmpty();
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("total").asLong()).isZero();
        assertThat(as(organizer).delete("/api/v1/banks/" + bank + "/questions/" + used).status()).isEqualTo(409);
    }

    @Test
    void aQuestionIsOnlyReachableThroughItsOwnBank() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long other = bank(organizer);
        long id = add(organizer, bank, trueFalse("题", "人社"));
        assertThat(as(organizer).get("/api/v1/banks/" + other + "/questions/" + id).status()).isEqualTo(404);
        assertThat(as(organizer).delete("/api/v1/banks/" + other + "/questions/" + id).status()).isEqualTo(404);
    }

    @Test
    void findsABankByName() {
        String organizer = user("ORGANIZER");
        String name = unique("按名称查找");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", name)).id();
        assertThat(catalog.findBankByName(name)).contains(bank);
        assertThat(catalog.findBankByName(name + "x")).isEmpty();
    }

    @Test
    void aScriptInAStemRoundTripsAsPlainText() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        String stem = "<script>alert('x')</script>“放管服”是指什么？";
        long id = add(organizer, bank, Api.obj("type", "SHORT_ANSWER", "stem", stem, "answer", "<b>简政放权</b>"));
        JsonNode shown = as(organizer).get("/api/v1/banks/" + bank + "/questions/" + id).json();
        assertThat(shown.get("stem").asString()).isEqualTo(stem);
        assertThat(shown.get("answer").asString()).isEqualTo("<b>简政放权</b>");
    }

    @Test
    void anOrganizerScopedToOneUnitDoesNotSeeAnotherUnitsBank() {
        long province = orgUnit(unique("江苏省"), "PROVINCE", null);
        long wuxi = orgUnit(unique("无锡市"), "CITY", province);
        long jiangyin = orgUnit(unique("江阴市"), "COUNTY", wuxi);
        long suzhou = orgUnit(unique("苏州市"), "CITY", province);
        String wuxiOrganizer = user("ORGANIZER", wuxi);
        String jiangyinOrganizer = user("ORGANIZER", jiangyin);
        String suzhouOrganizer = user("ORGANIZER", suzhou);
        long jiangyinBank = bank(jiangyinOrganizer);
        long id = add(jiangyinOrganizer, jiangyinBank, trueFalse("题", "人社"));

        assertThat(as(wuxiOrganizer).get("/api/v1/banks/" + jiangyinBank + "/questions").status()).isEqualTo(200);
        String base = "/api/v1/banks/" + jiangyinBank;
        Api outsider = as(suzhouOrganizer);
        assertThat(outsider.get("/api/v1/banks").json().get("items").toString()).doesNotContain("\"id\":" + jiangyinBank + ",");
        assertThat(outsider.get(base + "/questions").status()).isEqualTo(404);
        assertThat(outsider.get(base + "/questions/" + id).status()).isEqualTo(404);
        assertThat(outsider.post(base + "/questions", trueFalse("题", "人社")).status()).isEqualTo(404);
        assertThat(outsider.put(base + "/questions/" + id, trueFalse("改", "人社")).status()).isEqualTo(404);
        assertThat(outsider.delete(base + "/questions/" + id).status()).isEqualTo(404);
        assertThat(outsider.get(base + "/categories").status()).isEqualTo(404);
        assertThat(outsider.get(base + "/export").status()).isEqualTo(404);
        assertThat(outsider.upload(base + "/import", QuestionSheet.write(List.of())).status()).isEqualTo(404);
        assertThat(catalog.find(id).orElseThrow().stem()).isEqualTo("题");
    }

    @Test
    void candidatesMayUseNoBankEndpoint() {
        String organizer = user("ORGANIZER");
        long bank = bank(organizer);
        long id = add(organizer, bank, trueFalse("题", "人社"));
        Api candidate = as(user("CANDIDATE"));
        String base = "/api/v1/banks/" + bank;
        assertThat(candidate.get("/api/v1/banks").status()).isEqualTo(403);
        assertThat(candidate.post("/api/v1/banks", Api.obj("name", "x")).status()).isEqualTo(403);
        assertThat(candidate.get(base + "/questions").status()).isEqualTo(403);
        assertThat(candidate.get(base + "/questions/" + id).status()).isEqualTo(403);
        assertThat(candidate.post(base + "/questions", trueFalse("题", "人社")).status()).isEqualTo(403);
        assertThat(candidate.put(base + "/questions/" + id, trueFalse("题", "人社")).status()).isEqualTo(403);
        assertThat(candidate.delete(base + "/questions/" + id).status()).isEqualTo(403);
        assertThat(candidate.get(base + "/categories").status()).isEqualTo(403);
        assertThat(candidate.get(base + "/export").status()).isEqualTo(403);
        assertThat(candidate.get("/api/v1/banks/template.xlsx").status()).isEqualTo(403);
        assertThat(candidate.upload(base + "/import", QuestionSheet.write(List.of())).status()).isEqualTo(403);
        assertThat(as(user("GRADER")).get(base + "/questions").status()).isEqualTo(403);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
