package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole marking journey through the HTTP API: a bank of all six types, an exam with shuffled options and partial
 * multiple-choice scoring, three candidates who answer and submit, objective marks on submit, blind grading, release,
 * results in each candidate's own keys, the ranking with a shared rank, and the results workbook.
 */
class MarkingJourneyIT extends MarkingTest {

    /** Called directly, synchronously, as the event registry calls it when it redelivers a submission. */
    @Autowired
    AutomaticMarking marking;

    @Test
    void marksReleasesAndRanksAnExamOfAllSixTypes() {
        String organizer = user("ORGANIZER");
        String grader = user("GRADER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", "阅卷测试题库")).id();
        addQuestions(organizer, bank);
        long exam = createExam(organizer, bank, "政务服务技能竞赛初赛（阅卷）", null);
        List<String> candidates = List.of(user("CANDIDATE"), user("CANDIDATE"), user("CANDIDATE"));
        enrolAndPublish(organizer, exam, candidates);
        assertThat(as(organizer).post("/api/v1/exams/" + exam + "/graders", Api.obj("usernames", List.of(grader))).json()
                .get("enrolled").asInt()).isEqualTo(1);

        Sitting first = start(candidates.get(0), exam);
        Sitting second = start(candidates.get(1), exam);
        Sitting third = start(candidates.get(2), exam);
        for (Sitting s : List.of(first, second, third)) {
            assertThat(s.startJson().toString()).doesNotContain(ANALYSIS).doesNotContain("\"answer\"").doesNotContain("analysis");
        }

        // First: every objective item right (fill-blank with an accepted alternative and full-width folding).
        answer(first, SINGLE, first.key(SINGLE, "数据共享、业务协同"));
        answer(first, MULTI, List.of(first.key(MULTI, "简政放权"), first.key(MULTI, "放管结合"), first.key(MULTI, "优化服务")));
        answer(first, TF, true);
        answer(first, FILL, List.of("一网通办", " 跨省办 "));
        answer(first, SHORT, "甲：一窗受理、一网通办、一次办好");
        answer(first, ESSAY, "甲：营商环境就是生产力");
        // Second: a correct subset of the multiple choice (half under PARTIAL), one blank of two, the single choice wrong.
        answer(second, SINGLE, second.key(SINGLE, "多头跑、反复跑"));
        answer(second, MULTI, List.of(second.key(MULTI, "简政放权"), second.key(MULTI, "放管结合")));
        answer(second, TF, true);
        answer(second, FILL, List.of("一网通办", "异地办"));
        answer(second, SHORT, "乙：窗口统一受理");
        answer(second, ESSAY, "乙：优化营商环境激发市场活力");
        // Third: a wrong choice in the multiple choice (0), false on true/false, the essay left blank.
        answer(third, SINGLE, third.key(SINGLE, "数据共享、业务协同"));
        answer(third, MULTI, List.of(third.key(MULTI, "简政放权"), third.key(MULTI, "层层审批")));
        answer(third, TF, false);
        answer(third, FILL, List.of("ＡＢＣ", "跨省通办"));
        answer(third, SHORT, "丙：少跑腿");

        for (Sitting s : List.of(first, second, third)) {
            var submitted = as(s.username()).post("/api/v1/attempts/" + s.attemptId() + "/submit", null);
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        }
        assertReceived(organizer, exam, 3);

        // Before release: nothing for candidates.
        var early = as(first.username()).get("/api/v1/attempts/" + first.attemptId() + "/result");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.text()).doesNotContain(ANALYSIS);
        assertThat(as(first.username()).get("/api/v1/exams/" + exam + "/ranking").status()).isEqualTo(409);
        assertThat(as(first.username()).get("/api/v1/attempts/" + first.attemptId()).text()).doesNotContain(ANALYSIS).doesNotContain("score");
        assertThat(as(organizer).post("/api/v1/exams/" + exam + "/release", null).status()).isEqualTo(409);

        // Objective marks so far are visible to organizers in the statistics.
        Map<String, JsonNode> stats = statsByStem(organizer, exam);
        assertThat(stats.get(SINGLE).get("facility").asDouble()).isEqualTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.001));
        assertThat(stats.get(ESSAY).get("answered").asInt()).isEqualTo(2);

        JsonNode overview = as(grader).get("/api/v1/marking/exams").json().get("items").valueStream()
                .filter(e -> e.get("examId").asLong() == exam).findFirst().orElseThrow();
        assertThat(overview.get("attempts").asInt()).isEqualTo(3);
        assertThat(overview.get("open").asInt()).isEqualTo(5);
        assertThat(overview.get("manages").asBoolean()).isFalse();

        // Blind grading: five tasks (the blank essay needs none), none of them naming the candidate.
        Map<String, Integer> pointsByAnswer = Map.of("甲：一窗受理、一网通办、一次办好", 8, "甲：营商环境就是生产力", 15,
                "乙：窗口统一受理", 10, "乙：优化营商环境激发市场活力", 19, "丙：少跑腿", 5);
        List<String> forbidden = new ArrayList<>();
        for (Sitting s : List.of(first, second, third)) {
            forbidden.add(s.username());
            forbidden.add("测试" + s.username());
        }
        String firstShortTask = null;
        int marked = 0;
        while (true) {
            var next = as(grader).get("/api/v1/exams/" + exam + "/marking/next");
            if (next.status() == 204) {
                break;
            }
            assertThat(next.status()).as(next.toString()).isEqualTo(200);
            JsonNode task = next.json();
            assertThat(task.propertyNames()).doesNotContain("attemptId", "userId", "username", "displayName");
            for (String word : forbidden) {
                assertThat(next.text()).doesNotContain(word);
            }
            // Only these fields: nothing that leads back to the attempt or the candidate.
            assertThat(task.propertyNames()).containsExactlyInAnyOrder("taskId", "type", "stem", "reference", "answer", "maxPoints",
                    "suggested", "points", "comment");
            String taskId = task.get("taskId").asString();
            String answerText = task.get("answer").asString();
            assertThat(task.get("reference").asString()).isNotBlank();
            int max = task.get("maxPoints").asInt();
            var tooMany = as(grader).put("/api/v1/marking/" + taskId, Api.obj("points", max + 1));
            assertThat(tooMany.status()).isEqualTo(422);
            assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("points");
            assertThat(as(grader).put("/api/v1/marking/" + taskId, Api.obj("points", -1)).status()).isEqualTo(422);
            int points = pointsByAnswer.get(answerText);
            if (answerText.startsWith("甲：一窗")) {
                firstShortTask = taskId;
                points = 7; // changed below, before release
            }
            var saved = as(grader).put("/api/v1/marking/" + taskId, Api.obj("points", points, "comment", "要点基本齐全"));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(204);
            marked++;
        }
        assertThat(marked).isEqualTo(5);
        assertThat(as(grader).put("/api/v1/marking/" + firstShortTask, Api.obj("points", 8)).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/audit?action=MARK_CHANGED").text()).contains("7.00 -> 8.00");

        // A candidate cannot grade.
        assertThat(as(first.username()).get("/api/v1/exams/" + exam + "/marking/next").status()).isEqualTo(403);

        assertMarked(organizer, exam, 3);
        var release = as(organizer).post("/api/v1/exams/" + exam + "/release", null);
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        assertThat(as(grader).put("/api/v1/marking/" + firstShortTask, Api.obj("points", 9)).status()).isEqualTo(409);

        // Results in each candidate's own keys, with the key and the analysis.
        JsonNode result = as(first.username()).get("/api/v1/attempts/" + first.attemptId() + "/result").json();
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("35");
        Map<Integer, JsonNode> items = byNo(result);
        JsonNode single = items.get(first.no(SINGLE));
        assertThat(single.get("earned").decimalValue()).isEqualByComparingTo("2");
        assertThat(single.get("answer").asString()).isEqualTo(first.key(SINGLE, "数据共享、业务协同"));
        assertThat(single.get("correctAnswer").asString()).isEqualTo(first.key(SINGLE, "数据共享、业务协同"));
        assertThat(single.get("analysis").asString()).isEqualTo(ANALYSIS);
        JsonNode multi = items.get(first.no(MULTI));
        assertThat(texts(multi.get("correctAnswer"))).containsExactlyElementsOf(
                List.of(first.key(MULTI, "简政放权"), first.key(MULTI, "放管结合"), first.key(MULTI, "优化服务")).stream().sorted().toList());
        assertThat(items.get(first.no(TF)).get("correctAnswer").asBoolean()).isTrue();
        assertThat(texts(items.get(first.no(FILL)).get("correctAnswer"))).containsExactly("一网通办", "跨省通办");
        assertThat(items.get(first.no(FILL)).get("earned").decimalValue()).isEqualByComparingTo("4");

        JsonNode secondResult = as(second.username()).get("/api/v1/attempts/" + second.attemptId() + "/result").json();
        Map<Integer, JsonNode> secondItems = byNo(secondResult);
        assertThat(secondItems.get(second.no(MULTI)).get("earned").decimalValue()).isEqualByComparingTo("2");
        assertThat(secondItems.get(second.no(FILL)).get("earned").decimalValue()).isEqualByComparingTo("2");
        assertThat(secondItems.get(second.no(SINGLE)).get("earned").decimalValue()).isEqualByComparingTo("0");
        assertThat(secondResult.get("score").decimalValue()).isEqualByComparingTo("35");

        JsonNode thirdResult = as(third.username()).get("/api/v1/attempts/" + third.attemptId() + "/result").json();
        Map<Integer, JsonNode> thirdItems = byNo(thirdResult);
        assertThat(thirdItems.get(third.no(MULTI)).get("earned").decimalValue()).isEqualByComparingTo("0");
        assertThat(thirdItems.get(third.no(FILL)).get("earned").decimalValue()).isEqualByComparingTo("2");
        assertThat(thirdItems.get(third.no(ESSAY)).get("answer").isNull()).isTrue();
        assertThat(thirdResult.get("score").decimalValue()).isEqualByComparingTo("9");

        // A redelivered submission (the event registry retries after a crash) changes nothing.
        marking.markSubmitted(first.attemptId());
        assertThat(as(first.username()).get("/api/v1/attempts/" + first.attemptId() + "/result").json().get("score").decimalValue())
                .isEqualByComparingTo("35");
        assertThat(as(grader).get("/api/v1/exams/" + exam + "/marking/next").status()).isEqualTo(204);

        // Someone else's result is not there at all.
        assertThat(as(second.username()).get("/api/v1/attempts/" + first.attemptId() + "/result").status()).isEqualTo(404);
        assertThat(as(grader).get("/api/v1/attempts/" + first.attemptId() + "/result").status()).isEqualTo(404);

        // Equal scores share a rank: 1, 1, 3.
        JsonNode rows = as(organizer).get("/api/v1/exams/" + exam + "/ranking").json().get("rows");
        assertThat(rows).hasSize(3);
        assertThat(ranks(rows)).containsExactly(1, 1, 3);
        assertThat(rows.get(2).get("username").asString()).isEqualTo(third.username());
        assertThat(rows.get(2).get("displayName").asString()).isEqualTo("测试" + third.username());
        assertThat(as(first.username()).get("/api/v1/exams/" + exam + "/ranking").json().get("rows")).hasSize(3);

        // The results workbook.
        var xlsx = as(organizer).get("/api/v1/exams/" + exam + "/results.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("名次");
            assertThat(header.getLastCellNum()).isEqualTo((short) (5 + 6));
            Row last = sheet.getRow(3);
            assertThat(last.getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo(third.username());
            assertThat(last.getCell(3).getNumericCellValue()).isEqualTo(9);
            assertThat(last.getCell(4 + third.no(SHORT)).getNumericCellValue()).isEqualTo(5);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(admin().get("/api/v1/audit?action=RESULTS_EXPORTED").text()).contains("exam:" + exam);
    }

    @Test
    void breaksTiesByEarlierSubmissionWhenTheExamSaysSo() {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", "判断题库")).id();
        post(organizer, "/api/v1/banks/" + bank + "/questions", Api.obj("type", "TRUE_FALSE", "stem", TF, "answer", true,
                "analysis", ANALYSIS, "points", 1));
        long exam = createExam(organizer, bank, "周周练（并列）", "EARLIER_SUBMIT",
                List.of(Api.obj("type", "TRUE_FALSE", "count", 1, "pointsEach", 5)));
        List<String> candidates = List.of(user("CANDIDATE"), user("CANDIDATE"), user("CANDIDATE"));
        enrolAndPublish(organizer, exam, candidates);
        for (String candidate : candidates) {
            Sitting s = start(candidate, exam);
            answer(s, TF, true);
            assertThat(as(candidate).post("/api/v1/attempts/" + s.attemptId() + "/submit", null).status()).isEqualTo(200);
        }
        assertMarked(organizer, exam, 3);
        JsonNode rows = as(organizer).get("/api/v1/exams/" + exam + "/ranking").json().get("rows");
        assertThat(ranks(rows)).containsExactly(1, 2, 3);
        assertThat(rows.valueStream().map(r -> r.get("username").asString()).toList()).containsExactlyElementsOf(candidates);
        assertThat(as(candidates.get(0)).get("/api/v1/exams/" + exam + "/ranking").status()).isEqualTo(409);
        assertThat(as(user("GRADER")).get("/api/v1/exams/" + exam + "/marking/next").status()).isEqualTo(204);
        assertThat(as(organizer).post("/api/v1/exams/" + exam + "/release", null).status()).isEqualTo(200);
        assertThat(as(candidates.get(0)).get("/api/v1/exams/" + exam + "/ranking").status()).isEqualTo(200);
        assertThat(as(user("CANDIDATE")).get("/api/v1/exams/" + exam + "/ranking").status()).isEqualTo(404);
    }

    @Test
    void aScopedGraderMarksOnlyTheExamsItIsEnrolledOn() {
        long city = orgUnit(unique("无锡市"), "CITY", null);
        String organizer = user("ORGANIZER", city);
        String scopedGrader = user("GRADER", city);
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", "简答题库")).id();
        post(organizer, "/api/v1/banks/" + bank + "/questions", Api.obj("type", "SHORT_ANSWER", "stem", SHORT,
                "answer", "一窗受理、一网通办、一次办好", "points", 10));
        long exam = createExam(organizer, bank, "简答练习", null, List.of(Api.obj("type", "SHORT_ANSWER", "count", 1, "pointsEach", 10)));
        String candidate = user("CANDIDATE", city);
        enrolAndPublish(organizer, exam, List.of(candidate));
        Sitting s = start(candidate, exam);
        answer(s, SHORT, "一窗受理");
        as(candidate).post("/api/v1/attempts/" + s.attemptId() + "/submit", null);
        assertReceived(organizer, exam, 1);

        assertThat(as(scopedGrader).get("/api/v1/exams/" + exam + "/marking/next").status()).isEqualTo(404);
        assertThat(as(organizer).post("/api/v1/exams/" + exam + "/graders", Api.obj("usernames", List.of(candidate))).status())
                .isEqualTo(422);
        as(organizer).post("/api/v1/exams/" + exam + "/graders", Api.obj("usernames", List.of(scopedGrader)));
        var task = as(scopedGrader).get("/api/v1/exams/" + exam + "/marking/next");
        assertThat(task.status()).isEqualTo(200);
        // The same grader asking again gets the task it holds, not a second one.
        assertThat(as(scopedGrader).get("/api/v1/exams/" + exam + "/marking/next").json().get("taskId"))
                .isEqualTo(task.json().get("taskId"));
        assertThat(as(user("ORGANIZER", orgUnit(unique("苏州市"), "CITY", null))).get("/api/v1/exams/" + exam + "/item-stats").status())
                .isEqualTo(404);
    }
}
