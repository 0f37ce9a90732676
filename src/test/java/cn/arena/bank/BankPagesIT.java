package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Spreadsheet;
import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import cn.arena.support.WebSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BankPagesIT extends ApiTest {

    private WebSession browser(String username) {
        return WebSession.login(port, username, PASSWORD);
    }

    @Test
    void showsStemsEscapedSoAScriptNeverRuns() {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", unique("页面题库"))).id();
        as(organizer).post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "SINGLE_CHOICE",
                "stem", "<script>alert('x')</script>“一网通办”的核心是（ ）", "options", List.of(Api.obj("key", "A", "text", "<b>数据共享</b>"),
                        Api.obj("key", "B", "text", "多头跑")), "answer", "A", "analysis", "数据多跑路，群众少跑腿。", "category", "政务服务/一网通办"));
        var page = browser(organizer).get("/banks/" + bank);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;“一网通办”的核心是（ ）")
                .doesNotContain("<script>alert").contains("&lt;b&gt;数据共享&lt;/b&gt;")
                .contains("数据多跑路，群众少跑腿。").contains("一网通办 (1)");
    }

    @Test
    void createsEditsSearchesAndDeletesQuestionsThroughTheForms() {
        String organizer = user("ORGANIZER");
        WebSession browser = browser(organizer);
        var banks = browser.get("/banks");
        assertThat(banks.status()).isEqualTo(200);
        var created = browser.post("/banks", Map.of("name", unique("表单题库")));
        assertThat(created.location()).matches(".*/banks/\\d+");
        long bank = Long.parseLong(created.location().replaceAll(".*/banks/", ""));

        var form = browser.get("/banks/" + bank + "/questions/new");
        assertThat(form.status()).isEqualTo(200);
        var refused = browser.post("/banks/" + bank + "/questions", Map.of("type", "FILL_BLANK", "stem", "长三角（ ）",
                "answerBlanks", "一网通办\n跨省通办", "difficulty", "3", "points", "2"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("题干有 1 个空，答案给出了 2 个");

        var saved = browser.post("/banks/" + bank + "/questions", Map.of("type", "FILL_BLANK", "stem", "长三角（ ），全国（ ）",
                "answerBlanks", "一网通办|一网办\n跨省通办", "category", "政务服务/一网通办", "difficulty", "4", "points", "2.5"));
        assertThat(saved.status()).isEqualTo(302);
        browser.post("/banks/" + bank + "/questions", Map.of("type", "MULTIPLE_CHOICE", "stem", "属于“一窗受理”的有",
                "options[0]", "前台受理", "options[1]", "多头跑", "options[2]", "后台审批", "answerChoices", List.of("A", "C"),
                "difficulty", "2", "points", "2"));
        browser.post("/banks/" + bank + "/questions", Map.of("type", "TRUE_FALSE", "stem", "社保卡全国通用。",
                "answerTrueFalse", "true", "difficulty", "1", "points", "1"));
        browser.post("/banks/" + bank + "/questions", Map.of("type", "ESSAY", "stem", "论述优化营商环境。",
                "answerText", "一、……", "keywords", "营商环境；放管服", "difficulty", "5", "points", "20"));

        JsonNode items = as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("answer").toString()).isEqualTo("[[\"一网通办\",\"一网办\"],[\"跨省通办\"]]");
        assertThat(items.get(0).get("points").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(items.get(1).get("answer").toString()).isEqualTo("[\"A\",\"C\"]");
        assertThat(items.get(2).get("answer").asBoolean()).isTrue();
        assertThat(items.get(3).get("keywords").toString()).isEqualTo("[\"营商环境\",\"放管服\"]");

        long blankId = items.get(0).get("id").asLong();
        var edit = browser.get("/banks/" + bank + "/questions/" + blankId + "/edit");
        assertThat(edit.html()).contains("一网通办|一网办\n跨省通办");
        browser.post("/banks/" + bank + "/questions/" + blankId, Map.of("type", "FILL_BLANK", "stem", "长三角（ ）",
                "answerBlanks", "一网通办", "difficulty", "4", "points", "2"));
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions/" + blankId).json().get("stem").asString()).isEqualTo("长三角（ ）");

        var search = browser.get("/banks/" + bank + "?q=" + java.net.URLEncoder.encode("营商", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(search.html()).contains("论述优化营商环境。").doesNotContain("社保卡全国通用。");
        var byType = browser.get("/banks/" + bank + "?type=TRUE_FALSE");
        assertThat(byType.html()).contains("社保卡全国通用。").doesNotContain("论述优化营商环境。");
        var byDifficulty = browser.get("/banks/" + bank + "?difficulty=2");
        assertThat(byDifficulty.html()).contains("属于“一窗受理”的有").doesNotContain("社保卡全国通用。");

        var list = browser.get("/banks/" + bank);
        var deleted = browser.post("/banks/" + bank + "/questions/" + blankId + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void theImportPageShowsEachBrokenRowOrTheCountsByType() {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", unique("导入页题库"))).id();
        byte[] broken;
        byte[] good;
        try (var writer = new Spreadsheet.Writer()) {
            broken = writer.sheet("Sheet1", List.of("题型", "题干", "答案")).row(Arrays.asList("连线题", "题", "A")).toBytes();
        }
        try (var writer = new Spreadsheet.Writer()) {
            good = writer.sheet("Sheet1", List.of("题型", "题干", "答案")).row(List.of("判断题", "社保卡全国通用。", "√"))
                    .row(List.of("简答题", "简述“好差评”。", "评价")).toBytes();
        }
        WebSession browser = WebSession.login(port, organizer, PASSWORD, "en");
        var page = browser.get("/banks/" + bank + "/import");
        assertThat(page.status()).isEqualTo(200);
        var refused = browser.upload("/banks/" + bank + "/import", broken, "broken.xlsx");
        assertThat(refused.html()).contains("<td>2</td>").contains("<td>题型</td>").contains("Unknown question type");
        var notXlsx = browser.upload("/banks/" + bank + "/import", "not a spreadsheet".getBytes(), "x.csv");
        assertThat(notXlsx.html()).contains("not a valid");
        var imported = browser.upload("/banks/" + bank + "/import", good, "good.xlsx");
        assertThat(imported.html()).contains("Imported 2 questions").contains("True/false: 1").contains("Short answer: 1");
    }

    @Test
    void theQuestionFormAcceptsBlanksWrittenWithIdeographicSpacesOrFullWidthUnderscores() {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", unique("中文填空表单题库"))).id();
        var saved = browser(organizer).post("/banks/" + bank + "/questions", Map.of("type", "FILL_BLANK",
                "stem", "政务服务“一网”指（\u3000\u3000），“一门”指＿＿＿。", "answerBlanks", "一网通办\n一门式办理", "difficulty", "3", "points", "2"));
        assertThat(saved.status()).as(saved.html()).isEqualTo(302);
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("items").get(0).get("answer").toString())
                .isEqualTo("[[\"一网通办\"],[\"一门式办理\"]]");
    }

    @Test
    void reimportingAFileOnThePageSkipsTheQuestionsTheBankAlreadyHasAndSaysWhich() {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", unique("重复导入页题库"))).id();
        byte[] file;
        try (var writer = new Spreadsheet.Writer()) {
            file = writer.sheet("Sheet1", List.of("题型", "题干", "答案")).row(List.of("判断题", "社保卡全国通用。", "√"))
                    .row(List.of("简答题", "简述“好差评”。", "评价")).toBytes();
        }
        WebSession browser = browser(organizer);
        assertThat(browser.get("/banks/" + bank + "/import").html()).contains("id=\"duplicates-skip\" value=\"skip\" checked");
        assertThat(browser.upload("/banks/" + bank + "/import", file, "bank.xlsx").html()).contains("已导入 2 道试题");
        var again = browser.upload("/banks/" + bank + "/import", file, "bank.xlsx");
        assertThat(again.html()).contains("已导入 0 道试题").contains("已跳过 2 道题库中已有的试题")
                .contains("第 2 行：社保卡全国通用。").contains("第 3 行：简述“好差评”。");
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void theImportPageWarnsOfRowsAlreadyInTheBankAsSoonAsAFileIsChosen() throws Exception {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", unique("导入预览题库"))).id();
        as(organizer).post("/api/v1/banks/" + bank + "/questions",
                Api.obj("type", "TRUE_FALSE", "stem", "社保卡全国通用。", "answer", true));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bank", ".xlsx");
        try (var writer = new Spreadsheet.Writer()) {
            java.nio.file.Files.write(file, writer.sheet("Sheet1", List.of("题型", "题干", "答案"))
                    .row(List.of("判断题", "  社保卡全国通用。 ", "√")).row(List.of("简答题", "简述“好差评”。", "评价")).toBytes());
        }
        try (var chromium = cn.arena.support.Chromium.launch(port)) {
            var page = chromium.page(1280, 900);
            chromium.login(page, organizer, PASSWORD);
            page.navigate(chromium.url("/banks/" + bank + "/import"));
            page.setInputFiles("#file", file);
            page.waitForSelector("#preview-duplicates li");
            assertThat(page.textContent("#import-preview")).contains("文件中共有 2 道试题").contains("其中 1 道题库中已有")
                    .contains("第 2 行：社保卡全国通用。");
            assertThat(page.isChecked("#duplicates-skip")).isTrue();
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/bank-import-preview.png")));
            page.click("#import-form button[type=submit]");
            page.waitForSelector("#import-result");
            assertThat(page.textContent("#import-result")).contains("已导入 1 道试题").contains("已跳过 1 道");
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(as(organizer).get("/api/v1/banks/" + bank + "/questions").json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void candidatesAndOutsidersCannotOpenBankPages() {
        long province = orgUnit(unique("江苏省"), "PROVINCE", null);
        long wuxi = orgUnit(unique("无锡市"), "CITY", province);
        long suzhou = orgUnit(unique("苏州市"), "CITY", province);
        String owner = user("ORGANIZER", wuxi);
        long bank = as(owner).post("/api/v1/banks", Api.obj("name", unique("无锡题库"))).id();
        var outsider = browser(user("ORGANIZER", suzhou));
        assertThat(outsider.get("/banks/" + bank).status()).isEqualTo(404);
        assertThat(outsider.get("/banks").html()).doesNotContain("/banks/" + bank + "\"");
        assertThat(browser(user("CANDIDATE")).get("/banks").status()).isEqualTo(403);
    }
}
