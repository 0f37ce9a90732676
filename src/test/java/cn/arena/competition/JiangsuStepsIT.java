package cn.arena.competition;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.WebSession;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The province organizer's steps of a small province through the API and the pipeline's htmx pages: entries entered,
 * withdrawn and closed on the page, the composite weighing a provincial paper of 200 points by its own total, two
 * county teams tied for first that the province names between, the awards published from their preview and then
 * frozen, published again only with a reason, and every list exported with its page's columns.
 *
 * <p>One city 无锡 with counties 江阴 and 宜兴 and its city level, and the province level, ten each (the province level does not sit); 江阴's and 宜兴's four sit 90, 80, 70, 60 (two
 * teams of 300), the city level 85 … 45 (its five individuals, every team member skipped). The provincial paper is out
 * of 200; everyone scores there what they scored in the city round, and three judges give 80.
 */
class JiangsuStepsIT extends SelectionTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void publishesAwardsFromAPreviewAndNamesTheTiedFirstTeam() throws Exception {
        String tag = unique("苏");
        long province = orgUnit("江苏省人社厅" + tag, "PROVINCE", null);
        long city = orgUnit("无锡市" + tag, "CITY", province);
        long jiangyin = orgUnit("江阴市" + tag, "COUNTY", city);
        long yixing = orgUnit("宜兴市" + tag, "COUNTY", city);
        String organizer = user("ORGANIZER", province);
        Api org = Api.bearer(port, token(organizer, PASSWORD));
        WebSession web = WebSession.login(port, organizer, PASSWORD);
        List<List<String>> sheet = new ArrayList<>(List.of(List.of("姓名", "身份证号", "手机", "人员性质", "单位")));
        Map<Long, String> unitName = Map.of(province, "江苏省人社厅" + tag, city, "无锡市" + tag, jiangyin, "江阴市" + tag, yixing, "宜兴市" + tag);
        unitName.forEach((unit, name) -> {
            for (int p = 0; p < (unit == yixing ? 11 : 10); p++) {
                sheet.add(List.of(name.substring(0, 2) + "选手" + p + "号" + tag, CompetitionFixtures.idNumber(), CompetitionFixtures.mobile(),
                        "窗口前台工作人员", name));
            }
        });
        List<String> excludedRow = sheet.stream().filter(r -> r.get(0).equals("宜兴选手10号" + tag)).findFirst().orElseThrow();
        assertThat(admin().upload("/api/v1/people/import", Api.xlsx(sheet)).status()).isEqualTo(201);
        Map<Long, List<Long>> peopleOf = new HashMap<>();
        for (long unit : unitName.keySet()) {
            List<Long> ids = new ArrayList<>();
            admin().post("/api/v1/people/search", obj("orgUnitId", unit)).json().get("items").forEach(p -> {
                if (p.get("orgUnitId").asLong() == unit) {
                    ids.add(p.get("id").asLong());
                }
            });
            ids.sort(Long::compare);
            peopleOf.put(unit, ids);
        }
        var created = org.post("/api/v1/competitions", obj("template", "jiangsu-hrss-2020", "name", "练兵比武" + tag, "orgUnitId", province,
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString()));
        long competition = created.id();
        Map<String, Long> stage = new HashMap<>();
        created.json().get("stages").forEach(s -> stage.put(s.get("code").asString(), s.get("id").asLong()));

        // the ineligibility list; an entry of someone on it is refused naming them and why
        assertThat(org.upload("/api/v1/competitions/" + competition + "/exclusions/import", Api.xlsx(List.of(List.of("姓名", "身份证号", "原因"),
                List.of(excludedRow.get(0), excludedRow.get(1), "2019年全国赛替补选手")))).status()).isEqualTo(201);
        WebSession.Page excluded = web.htmx("/competitions/" + competition + "/contestants", Map.of("personId", peopleOf.get(yixing).get(10)));
        assertThat(excluded.status()).isEqualTo(422);
        assertThat(excluded.html()).contains("宜兴选手10号" + tag + " 在资格排除名单中").contains("2019年全国赛替补选手");

        // entries on the pipeline page: entered by name, withdrawn, refused beside the form; the close names the short fields
        long first = peopleOf.get(jiangyin).get(0);
        WebSession.Page pipeline = web.get("/competitions/" + competition + "/pipeline");
        assertThat(pipeline.html()).contains("value=\"" + first + "\"");
        assertThat(stageState(pipeline.html(), "province-written")).as("a stage nobody has reached yet").isEqualTo("未开始");
        WebSession.Page entered = web.htmx("/competitions/" + competition + "/contestants", Map.of("personId", first));
        assertThat(entered.status()).isEqualTo(200);
        assertThat(entered.html()).contains("已报名：江阴选手0号" + tag).contains("id=\"pipeline-body\"").doesNotContain("value=\"" + first + "\"");
        WebSession.Page again = web.htmx("/competitions/" + competition + "/contestants", Map.of("personId", first));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.html()).contains("未保存");
        WebSession.Page withdrawn = web.htmx("/competitions/" + competition + "/contestants/" + first + "/withdraw", Map.of());
        assertThat(withdrawn.html()).contains("已退出：江阴选手0号" + tag);
        assertThat(org.get("/api/v1/competitions/" + competition + "/contestants").json().get("items")).isEmpty();
        for (long unit : unitName.keySet()) {
            for (long person : peopleOf.get(unit).subList(0, 10)) {
                assertThat(org.post("/api/v1/competitions/" + competition + "/contestants", obj("personId", person)).status()).isEqualTo(201);
            }
        }
        assertThat(org.delete("/api/v1/competitions/" + competition + "/contestants/" + peopleOf.get(yixing).get(9)).status()).isEqualTo(204);
        WebSession.Page short1 = web.htmx("/competitions/" + competition + "/entries/close", Map.of());
        assertThat(short1.status()).isEqualTo(422);
        assertThat(short1.html()).contains("宜兴市" + tag).contains("9");
        assertThat(org.post("/api/v1/competitions/" + competition + "/contestants", obj("personId", peopleOf.get(yixing).get(9))).status())
                .isEqualTo(201);
        WebSession.Page closed = web.htmx("/competitions/" + competition + "/entries/close", Map.of());
        assertThat(closed.status()).as(closed.html()).isEqualTo(200);
        assertThat(closed.html()).contains("已关闭报名，共 40 名选手");

        // the pipeline's lists export with the page's columns
        pipeline = web.get("/competitions/" + competition + "/pipeline");
        try (XSSFWorkbook book = workbook(org, "/api/v1/competitions/" + competition + "/contestants.xlsx")) {
            assertThat(header(book, 0)).isEqualTo(columns(pipeline.html(), "pipeline-contestants"));
            assertThat(header(book, 1)).isEqualTo(columns(pipeline.html(), "pipeline-fields"));
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(40);
        }

        // the city round (out of 100) and the selection on the page
        long bank = binaryBank(org);
        long cityExam = binaryExam(org, bank, "设区市选拔赛");
        org.post("/api/v1/exams/" + cityExam + "/publish", null);
        Map<Long, JsonNode> account = new HashMap<>();
        org.post("/api/v1/stages/" + stage.get("city") + "/sittings", obj("examId", cityExam, "orgUnitId", city)).json().get("accounts")
                .forEach(a -> account.put(a.get("personId").asLong(), a));
        int[] teamScores = {90, 80, 70, 60};
        for (long county : List.of(jiangyin, yixing)) {
            for (int m = 0; m < 4; m++) {
                long person = peopleOf.get(county).get(m);
                sitAs(account.get(person), person, cityExam, teamScores[m], false);
            }
        }
        for (int m = 0; m < 5; m++) {
            long person = peopleOf.get(city).get(m);
            sitAs(account.get(person), person, cityExam, 85 - 10 * m, false);
        }
        release(org, cityExam);
        WebSession.Page advanced = web.htmx("/stages/" + stage.get("city") + "/selection", Map.of());
        assertThat(advanced.status()).as(advanced.html()).isEqualTo(200);
        assertThat(advanced.html()).contains("已确定入选全省选拔赛的名单，共 13 人");
        WebSession.Page selectionPage = web.get("/stages/" + stage.get("city") + "/selection");
        assertThat(selectionPage.html()).contains("跳过").contains("递补");
        try (XSSFWorkbook book = workbook(org, "/api/v1/stages/" + stage.get("city") + "/selection.xlsx")) {
            assertThat(header(book, 0)).isEqualTo(columns(selectionPage.html(), null));
            assertThat(book.getSheetName(0)).isEqualTo("无锡市" + tag);
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(8 + 5 + 8);
        }

        // the provincial paper is out of 200: 90 there is 45 % of its part
        long writtenExam = binaryExamOutOf(org, bank, "全省选拔赛笔试", 100);
        org.post("/api/v1/exams/" + writtenExam + "/publish", null);
        assertThat(org.post("/api/v1/stages/" + stage.get("province-written") + "/sittings", obj("examId", writtenExam)).status()).isEqualTo(201);
        List<Long> selected = new ArrayList<>(cityScore.keySet());
        for (long person : selected) {
            sitAs(null, person, writtenExam, cityScore.get(person), false);
        }
        release(org, writtenExam);
        List<String> judges = List.of(user("JUDGE"), user("JUDGE"), user("JUDGE"));
        long interview = stage.get("province-interview");
        org.post("/api/v1/stages/" + interview + "/judges", obj("usernames", judges));
        List<Api> judge = judges.stream().map(u -> Api.bearer(port, token(u, PASSWORD))).toList();
        for (long person : selected) {
            for (Api j : judge) {
                assertThat(j.put("/api/v1/stages/" + interview + "/scores/" + person, obj("points", 80)).status()).isEqualTo(204);
            }
        }
        long best = peopleOf.get(jiangyin).get(0);
        JsonNode composite = org.get("/api/v1/competitions/" + competition + "/composite").json();
        JsonNode bestRow = row(composite.get("individuals"), best);
        assertThat(bestRow.get("parts").get("provinceWritten").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(bestRow.get("composite").decimalValue()).isEqualByComparingTo("72.50");   // 0.3 × 90 + 0.3 × 45 + 0.4 × 80
        assertThat(composite.get("counties")).extracting(c -> c.get("rank").asInt()).containsExactly(1, 1);

        // 江阴 and 宜兴 are equal member by member: the refusal names both, and the province names one
        var tied = org.post("/api/v1/stages/" + stage.get("regional") + "/team", obj("alternate", best));
        assertThat(tied.status()).as(tied.toString()).isEqualTo(409);
        assertThat(tied.json().get("errors").get(0).get("rule").asString()).isEqualTo("TEAM_TIE");
        assertThat(tied.json().get("errors").get(0).get("message").asString()).contains("江阴市" + tag).contains("宜兴市" + tag).contains("team");
        long yixingAlternate = peopleOf.get(yixing).get(3);
        assertThat(org.post("/api/v1/stages/" + stage.get("regional") + "/team", obj("team", city, "alternate", yixingAlternate)).status())
                .isEqualTo(422);
        var named = org.post("/api/v1/stages/" + stage.get("regional") + "/team", obj("team", yixing, "alternate", yixingAlternate));
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(named.json().get("members")).extracting(JsonNode::asLong).containsExactlyElementsOf(peopleOf.get(yixing).subList(0, 4));
        assertThat(named.json().get("alternate").asLong()).isEqualTo(yixingAlternate);

        // before publishing: the awards are the preview; the page's preview is exactly what confirming publishes
        JsonNode live = org.get("/api/v1/competitions/" + competition + "/awards").json();
        assertThat(live.get("team")).extracting(t -> t.get("award").asString()).containsExactly("FIRST", "FIRST");
        assertThat(org.get("/api/v1/competitions/" + competition + "/awards/publication").status()).isEqualTo(404);
        WebSession.Page awardsPage = web.get("/competitions/" + competition + "/awards");
        assertThat(awardsPage.html()).contains("尚未公布");
        WebSession.Page preview = web.get("/competitions/" + competition + "/awards/preview");
        assertThat(preview.html()).contains("将公布：个人奖项 " + live.get("individual").size() + " 项，优秀团队奖 2 项，优秀组织奖 1 项");
        Matcher fingerprint = Pattern.compile("name=\"previewed\" value=\"([0-9a-f]+)\"").matcher(preview.html());
        assertThat(fingerprint.find()).isTrue();
        WebSession.Page stale = web.htmx("/competitions/" + competition + "/awards/publish", Map.of("previewed", "0" + fingerprint.group(1)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html()).contains("请重新预览");
        assertThat(org.get("/api/v1/competitions/" + competition + "/awards/publication").status()).isEqualTo(404);
        WebSession.Page published = web.htmx("/competitions/" + competition + "/awards/publish", Map.of("previewed", fingerprint.group(1)));
        assertThat(published.status()).as(published.html()).isEqualTo(200);
        assertThat(published.html()).contains("已公布：个人奖项").contains("重新公布的理由");
        assertThat(org.get("/api/v1/competitions/" + competition + "/awards/publication").json().get("publishedBy").asString()).isEqualTo(organizer);
        assertThat(org.get("/api/v1/competitions/" + competition + "/awards").json()).isEqualTo(live);

        // a later score moves the composite, not the published awards: two judges change theirs, one on the phone page
        assertThat(judge.get(0).put("/api/v1/stages/" + interview + "/scores/" + best, obj("points", 100)).status()).isEqualTo(204);
        WebSession phone = WebSession.login(port, judges.get(1), PASSWORD);
        assertThat(phone.get("/judge/stages/" + interview).html()).contains("hx-post=\"/judge/stages/" + interview + "/scores/" + best + "\"");
        WebSession.Page tooHigh = phone.htmx("/judge/stages/" + interview + "/scores/" + best, Map.of("points", "101"));
        assertThat(tooHigh.status()).isEqualTo(422);
        assertThat(tooHigh.html()).contains("未保存");
        // the panel is closed: the phone page asks for a reason, and a change without one is refused beside the entry
        assertThat(org.post("/api/v1/stages/" + interview + "/panel/close", null).status()).isEqualTo(204);
        assertThat(phone.get("/judge/stages/" + interview).html()).contains("name=\"reason\"");
        WebSession.Page unexplained = phone.htmx("/judge/stages/" + interview + "/scores/" + best, Map.of("points", "100"));
        assertThat(unexplained.status()).isEqualTo(422);
        assertThat(unexplained.html()).contains("理由");
        WebSession.Page saved = phone.htmx("/judge/stages/" + interview + "/scores/" + best, Map.of("points", "100", "reason", "评分录入有误"));
        assertThat(saved.status()).as(saved.html()).isEqualTo(200);
        assertThat(saved.html()).contains("id=\"seat-" + best + "\"").contains("已保存：100");
        assertThat(jdbc.sql("select detail from audit_log where action = 'INTERVIEW_SCORE_CHANGED' and detail like :d")
                .param("d", "stage=" + interview + " judge=" + judges.get(1) + " %").query(String.class).single()).contains("reason=评分录入有误");
        assertThat(row(org.get("/api/v1/competitions/" + competition + "/composite").json().get("individuals"), best).get("composite").decimalValue())
                .isEqualByComparingTo("80.50");
        JsonNode frozen = org.get("/api/v1/competitions/" + competition + "/awards").json();
        assertThat(frozen).isEqualTo(live);
        assertThat(awardOf(frozen, best).get("score").decimalValue()).isEqualByComparingTo("72.50");
        awardsPage = web.get("/competitions/" + competition + "/awards");
        try (XSSFWorkbook book = workbook(org, "/api/v1/competitions/" + competition + "/awards.xlsx")) {
            assertThat(header(book, 0)).isEqualTo(columns(awardsPage.html(), "individual-awards"));
            assertThat(header(book, 1)).isEqualTo(columns(awardsPage.html(), "team-awards"));
            assertThat(header(book, 2)).isEqualTo(columns(awardsPage.html(), "organisation-awards"));
            assertThat(book.getSheetAt(0).getRow(1).getCell(4).toString()).isEqualTo("72.5");
        }

        // publishing again needs a reason, and is audited with it
        var noReason = org.post("/api/v1/competitions/" + competition + "/awards/publish", obj());
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        var republished = org.post("/api/v1/competitions/" + competition + "/awards/publish", obj("reason", "面试成绩复核更正"));
        assertThat(republished.status()).as(republished.toString()).isEqualTo(200);
        assertThat(awardOf(org.get("/api/v1/competitions/" + competition + "/awards").json(), best).get("score").decimalValue())
                .isEqualByComparingTo("80.50");
        assertThat(org.get("/api/v1/competitions/" + competition + "/awards/publication").json().get("reason").asString()).isEqualTo("面试成绩复核更正");
        assertThat(jdbc.sql("select detail from audit_log where action = 'AWARDS_REPUBLISHED' and target = :t")
                .param("t", "competition:" + competition).query(String.class).single()).contains("reason=面试成绩复核更正");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'AWARDS_PUBLISHED' and target = :t")
                .param("t", "competition:" + competition).query(Integer.class).single()).isEqualTo(1);
        // every interview score is audited: 13 × 3 first scores, 2 changes
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'INTERVIEW_SCORED' and detail like :d")
                .param("d", "stage=" + interview + " %").query(Integer.class).single()).isEqualTo(39);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'INTERVIEW_SCORE_CHANGED' and detail like :d")
                .param("d", "stage=" + interview + " %").query(Integer.class).single()).isEqualTo(2);

        // 江阴's organizer sees 江阴 only: its four's awards and its team's, nothing of 宜兴 or of the city; it publishes nothing
        Api county = organizer(jiangyin);
        JsonNode mine = county.get("/api/v1/competitions/" + competition + "/awards").json();
        assertThat(mine.get("individual")).extracting(a -> a.get("personId").asLong()).isNotEmpty().allMatch(peopleOf.get(jiangyin)::contains);
        assertThat(mine.get("team")).extracting(a -> a.get("orgUnitId").asLong()).containsExactly(jiangyin);
        assertThat(mine.get("organisations")).isEmpty();
        assertThat(county.post("/api/v1/competitions/" + competition + "/awards/publish", obj("reason", "越权")).status()).isEqualTo(404);
        assertThat(county.post("/api/v1/exams/" + cityExam + "/publish", null).status()).isIn(403, 404);
        assertThat(county.post("/api/v1/exams/" + cityExam + "/release", null).status()).isIn(403, 404);
        try (XSSFWorkbook book = workbook(county, "/api/v1/competitions/" + competition + "/composite.xlsx")) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(4);
            assertThat(book.getSheetAt(2).getLastRowNum()).isZero();
        }
        try (XSSFWorkbook book = workbook(county, "/api/v1/stages/" + stage.get("regional") + "/team.xlsx")) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
        try (XSSFWorkbook book = workbook(county, "/api/v1/stages/" + stage.get("city") + "/selection.xlsx")) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
        WebSession countyWeb = WebSession.login(port, user("ORGANIZER", jiangyin), PASSWORD);
        assertThat(countyWeb.get("/competitions/" + competition + "/awards/preview").status()).isEqualTo(404);
        assertThat(countyWeb.get("/competitions/" + competition + "/awards").html()).doesNotContain("宜兴选手").doesNotContain("publish-section");

        // the composite page's tables and the regional team export with their columns
        WebSession.Page compositePage = web.get("/competitions/" + competition + "/composite");
        try (XSSFWorkbook book = workbook(org, "/api/v1/competitions/" + competition + "/composite.xlsx")) {
            assertThat(header(book, 0)).isEqualTo(columns(compositePage.html(), "composite-individuals"));
            assertThat(header(book, 1)).isEqualTo(columns(compositePage.html(), "composite-counties"));
            assertThat(header(book, 2)).isEqualTo(columns(compositePage.html(), "composite-cities"));
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(13);
        }
        try (XSSFWorkbook book = workbook(org, "/api/v1/stages/" + stage.get("regional") + "/team.xlsx")) {
            assertThat(header(book, 0)).isEqualTo(columns(compositePage.html(), "team-members"));
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(4);
            assertThat(book.getSheetAt(0).getRow(4).getCell(4).toString()).isEqualTo("替补");
        }
    }

    private static JsonNode row(JsonNode individuals, long personId) {
        for (JsonNode r : individuals) {
            if (r.get("personId").asLong() == personId) {
                return r;
            }
        }
        throw new AssertionError("no row of " + personId);
    }

    private static JsonNode awardOf(JsonNode awards, long personId) {
        return row(awards.get("individual"), personId);
    }

    private static XSSFWorkbook workbook(Api org, String path) throws Exception {
        var xlsx = org.get(path);
        assertThat(xlsx.status()).as(path).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()));
    }

    private static List<String> header(XSSFWorkbook book, int sheet) {
        Row row = book.getSheetAt(sheet).getRow(0);
        List<String> out = new ArrayList<>();
        row.forEach(cell -> out.add(cell.toString()));
        return out;
    }

    /** The non-empty header cells of the first table whose id or class is {@code table} (any table when null). */
    private static List<String> columns(String html, String table) {
        Pattern start = Pattern.compile(table == null ? "<table[^>]*>" : "<table[^>]*(id|class)=\"[^\"]*\\b" + table + "\\b[^\"]*\"[^>]*>");
        Matcher m = start.matcher(html);
        assertThat(m.find()).as("table " + table).isTrue();
        String head = html.substring(m.end(), html.indexOf("</thead>", m.end()));
        List<String> out = new ArrayList<>();
        Matcher th = Pattern.compile("<th[^>]*>([^<]*)</th>").matcher(head);
        while (th.find()) {
            if (!th.group(1).isBlank()) {
                out.add(th.group(1).strip());
            }
        }
        return out;
    }

    /** The state badge of a stage's row on the pipeline page. */
    private static String stageState(String html, String code) {
        Matcher row = Pattern.compile("data-code=\"" + code + "\">.*?<span class=\"badge[^>]*>([^<]*)</span>", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as("the pipeline shows stage " + code).isTrue();
        return row.group(1);
    }
}
