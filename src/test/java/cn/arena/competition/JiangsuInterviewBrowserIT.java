package cn.arena.competition;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.Chromium;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * In headless Chromium: a judge scores an interview on a 375 px phone page — a contestant of the judge's own city
 * shows the recusal instead of a score entry — and the organizer's composite table shows the new composite.
 */
class JiangsuInterviewBrowserIT extends SelectionTest {

    @Test
    void aJudgeScoresOnAPhoneAndTheOrganizerSeesTheCompositeUpdate() throws Exception {
        String tag = unique("苏");
        long province = orgUnit("江苏省人社厅" + tag, "PROVINCE", null);
        long city = orgUnit("无锡市" + tag, "CITY", province);
        long other = orgUnit("常州市" + tag, "CITY", province);
        String organizerName = user("ORGANIZER", province);
        Api org = Api.bearer(port, token(organizerName, PASSWORD));
        List<List<String>> sheet = new ArrayList<>(List.of(List.of("姓名", "身份证号", "手机", "人员性质", "单位")));
        String[] names = {"周晓燕", "吴建华", "郑丽", "孙强", "钱敏"};
        for (long unit : List.of(city, other, province)) {
            String unitName = unit == city ? "无锡市" + tag : unit == other ? "常州市" + tag : "江苏省人社厅" + tag;
            for (int p = 0; p < 10; p++) {
                String name = unit == city && p < 5 ? names[p] : "选手" + p + "号" + unit;
                sheet.add(List.of(name, CompetitionFixtures.idNumber(), CompetitionFixtures.mobile(), "窗口前台工作人员", unitName));
            }
        }
        assertThat(admin().upload("/api/v1/people/import", Api.xlsx(sheet)).status()).isEqualTo(201);
        var created = org.post("/api/v1/competitions", obj("template", "jiangsu-hrss-2020", "name", "面试评分测试" + tag, "orgUnitId", province,
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString()));
        long competition = created.id();
        Map<String, Long> stage = new HashMap<>();
        created.json().get("stages").forEach(s -> stage.put(s.get("code").asString(), s.get("id").asLong()));
        for (long unit : List.of(city, other, province)) {
            for (JsonNode p : admin().post("/api/v1/people/search", obj("orgUnitId", unit)).json().get("items")) {
                if (p.get("orgUnitId").asLong() != unit) {
                    continue; // a search covers the units below too
                }
                assertThat(org.post("/api/v1/competitions/" + competition + "/contestants", obj("personId", p.get("id").asLong())).status())
                        .isEqualTo(201);
            }
        }
        assertThat(org.post("/api/v1/competitions/" + competition + "/entries/close", null).status()).isEqualTo(200);

        // 无锡's five named people sit both papers (90 … 50) and are its five individuals
        long bank = binaryBank(org);
        long cityExam = binaryExam(org, bank, "设区市选拔赛");
        org.post("/api/v1/exams/" + cityExam + "/publish", null);
        Map<String, JsonNode> accountOf = new HashMap<>();
        org.post("/api/v1/stages/" + stage.get("city") + "/sittings", obj("examId", cityExam, "orgUnitId", city)).json().get("accounts")
                .forEach(a -> accountOf.put(a.get("name").asString(), a));
        List<Long> five = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            JsonNode account = accountOf.get(names[p]);
            five.add(account.get("personId").asLong());
            sitAs(account, account.get("personId").asLong(), cityExam, 90 - 10 * p, false);
        }
        release(org, cityExam);
        assertThat(org.post("/api/v1/stages/" + stage.get("city") + "/advance", null).json().get("advanced")).hasSize(5);
        long writtenExam = binaryExam(org, bank, "全省选拔赛笔试");
        org.post("/api/v1/exams/" + writtenExam + "/publish", null);
        org.post("/api/v1/stages/" + stage.get("province-written") + "/sittings", obj("examId", writtenExam));
        for (int p = 0; p < 5; p++) {
            sitAs(null, five.get(p), writtenExam, 90 - 10 * p, false);
        }
        release(org, writtenExam);

        // four judges: two score through the API, one of the province on a phone, and one of 无锡, recused for all five
        String phoneJudge = user("JUDGE", province);
        String cityJudge = user("JUDGE", city);
        String judge2 = user("JUDGE");
        String judge3 = user("JUDGE");
        org.post("/api/v1/stages/" + stage.get("province-interview") + "/judges", obj("usernames", List.of(phoneJudge, judge2, judge3, cityJudge)));
        long interview = stage.get("province-interview");
        Api second = Api.bearer(port, token(judge2, PASSWORD));
        Api third = Api.bearer(port, token(judge3, PASSWORD));
        for (long person : five) {
            assertThat(second.put("/api/v1/stages/" + interview + "/scores/" + person, obj("points", 70)).status()).isEqualTo(204);
            assertThat(third.put("/api/v1/stages/" + interview + "/scores/" + person, obj("points", 90)).status()).isEqualTo(204);
        }

        try (Chromium chromium = Chromium.launch(port)) {
            Page desk = chromium.page(1440, 900);
            chromium.login(desk, organizerName, PASSWORD);
            desk.navigate(chromium.url("/competitions/" + competition + "/composite"));
            String firstRow = "#composite-individuals tr[data-person='" + five.get(0) + "']";
            assertThat(desk.textContent(firstRow + " .composite")).isEqualTo("待评");

            Page phone = chromium.page(375, 812);
            chromium.login(phone, phoneJudge, PASSWORD);
            phone.navigate(chromium.url("/judge/stages/" + interview));
            assertThat(phone.locator(".judge-seat").count()).isEqualTo(5);
            // no other judge's score: every entry starts empty for this judge
            assertThat(phone.locator(".judge-seat .points").all()).allSatisfy(input -> assertThat(input.inputValue()).isEmpty());
            var seat = phone.locator(".judge-seat[data-person='" + five.get(0) + "']");
            seat.locator(".points").fill("85");
            seat.locator("button[type=submit]").click();
            seat.locator(".saved:not(.d-none)").waitFor();
            phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/jiangsu-judge-375.png")).setFullPage(true));

            Page cityPhone = chromium.page(375, 812);
            chromium.login(cityPhone, cityJudge, PASSWORD);
            cityPhone.navigate(chromium.url("/judge/stages/" + interview));
            assertThat(cityPhone.locator(".judge-seat .recused").count()).isEqualTo(5);
            assertThat(cityPhone.locator(".judge-seat .score-form").count()).isZero();
            cityPhone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/jiangsu-judge-recused-375.png")));

            // 0.3 × 90 + 0.3 × 90 + 0.4 × 85 (the middle of 70, 85, 90; the city's judge is recused) = 88.00
            desk.reload();
            assertThat(desk.textContent(firstRow + " .interview")).isEqualTo("85.00");
            assertThat(desk.textContent(firstRow + " .composite")).isEqualTo("88.00");
            desk.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/jiangsu-composite.png")).setFullPage(true));

            // the pipeline says where each stage stands; the selection names who came in; the awards list the titles held
            desk.navigate(chromium.url("/competitions/" + competition));
            desk.waitForSelector("#pipeline-stages");
            assertThat(desk.textContent("#pipeline-next")).contains("评委为每位选手评分");
            assertThat(desk.locator("#pipeline-fields tbody tr").count()).isEqualTo(3);
            desk.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/jiangsu-pipeline.png")).setFullPage(true));
            desk.navigate(chromium.url("/stages/" + stage.get("city") + "/selection"));
            assertThat(desk.locator(".city-selection").count()).isEqualTo(2);
            assertThat(desk.textContent(".city-selection[data-city='" + city + "'] .individuals")).contains(names[0]).contains(names[4]);
            desk.navigate(chromium.url("/competitions/" + competition + "/awards"));
            assertThat(desk.textContent("#individual-awards")).contains(names[0]).contains("江苏省人社知识通").contains("江苏省技术能手");
            desk.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/jiangsu-awards.png")).setFullPage(true));
            var xlsx = org.get("/api/v1/competitions/" + competition + "/awards.xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
                var header = book.getSheetAt(0).getRow(0);
                assertThat(List.of(header.getCell(0).toString(), header.getCell(2).toString(), header.getCell(4).toString()))
                        .containsExactly("奖项", "姓名", "综合成绩");
                assertThat(book.getSheetAt(0).getRow(1).getCell(2).toString()).isEqualTo(names[0]);
            }
        }
    }
}
