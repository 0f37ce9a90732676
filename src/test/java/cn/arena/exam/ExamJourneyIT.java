package cn.arena.exam;

import static cn.arena.exam.ExamFixtures.SECRET;
import static cn.arena.exam.ExamFixtures.bank;
import static cn.arena.exam.ExamFixtures.exam;
import static cn.arena.exam.ExamFixtures.oneOfEach;
import static cn.arena.exam.ExamFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.QuestionCatalog;
import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ExamJourneyIT extends ApiTest {

    @Autowired
    OverdueSweep overdue;

    @Autowired
    ExamDirectory directory;
    @Autowired
    QuestionCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    /** The user's client with a bearer token: one password check instead of one per request. */
    private final Map<String, Api> clients = new java.util.concurrent.ConcurrentHashMap<>();

    private Api token(String username) {
        return clients.computeIfAbsent(username, this::issue);
    }

    private Api issue(String username) {
        var issued = as(username).post("/api/v1/auth/token", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return Api.bearer(port, issued.json().get("token").asString());
    }

    private long published(Api organizer, Map<String, Object> body, String... candidates) {
        var created = organizer.post("/api/v1/exams", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.id();
        var enrolled = organizer.post("/api/v1/exams/" + id + "/candidates", Api.obj("usernames", List.of(candidates)));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        assertThat(enrolled.json().get("enrolled").asInt()).isEqualTo(candidates.length);
        assertThat(organizer.post("/api/v1/exams/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    private static Map<String, JsonNode> byType(JsonNode items) {
        Map<String, JsonNode> byType = new HashMap<>();
        items.forEach(item -> byType.put(item.get("type").asString(), item));
        return byType;
    }

    @Test
    void candidateSitsAnExamFromStartToSubmission() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long bank = bank(token(organizer), "政务服务题库", 2);
        long exam = published(token(organizer), exam("一网通办知识测验", List.of(bank), "PER_CANDIDATE", oneOfEach()), candidate);

        var start = token(candidate).post("/api/v1/exams/" + exam + "/attempt", null);
        assertThat(start.status()).as(start.toString()).isEqualTo(200);
        assertThat(start.text()).doesNotContain(SECRET).doesNotContain("\"answer\"").doesNotContain("analysis")
                .doesNotContain("questionId").doesNotContain("score");
        JsonNode body = start.json();
        long attempt = body.get("attemptId").asLong();
        assertThat(Instant.parse(body.get("deadline").asString())).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(body.get("items")).hasSize(6);
        assertThat(body.get("answers").size()).isZero();
        Map<String, JsonNode> items = byType(body.get("items"));
        assertThat(items.get("SINGLE_CHOICE").get("options")).hasSize(4);
        assertThat(items.get("SINGLE_CHOICE").get("options").get(0).get("key").asString()).isEqualTo("A");
        assertThat(items.get("FILL_BLANK").get("blanks").asInt()).isEqualTo(2);
        assertThat(items.get("SINGLE_CHOICE").has("blanks")).isFalse();
        assertThat(items.get("ESSAY").get("points").asInt()).isEqualTo(10);
        for (int i = 0; i < 6; i++) {
            assertThat(body.get("items").get(i).get("no").asInt()).isEqualTo(i + 1);
        }

        String base = "/api/v1/attempts/" + attempt + "/answers/";
        Map<String, Object> values = Map.of("SINGLE_CHOICE", "C", "MULTIPLE_CHOICE", List.of("A", "D"), "TRUE_FALSE", false,
                "FILL_BLANK", List.of("一网通办", "跨省通办"), "SHORT_ANSWER", "一窗受理，一次办好。", "ESSAY", "营商环境是生产力。");
        for (var entry : values.entrySet()) {
            var saved = token(candidate).put(base + items.get(entry.getKey()).get("no").asInt(), Api.obj("value", entry.getValue()));
            assertThat(saved.status()).as(entry.getKey() + " " + saved).isEqualTo(204);
        }
        List<Object[]> wrong = List.of(new Object[] {"SINGLE_CHOICE", List.of("A")}, new Object[] {"SINGLE_CHOICE", "E"},
                new Object[] {"MULTIPLE_CHOICE", "A"}, new Object[] {"MULTIPLE_CHOICE", List.of("A", "A")},
                new Object[] {"MULTIPLE_CHOICE", List.of("A", "F")}, new Object[] {"TRUE_FALSE", "true"},
                new Object[] {"FILL_BLANK", List.of("只有一空")}, new Object[] {"SHORT_ANSWER", 5},
                new Object[] {"ESSAY", "长".repeat(20_001)});
        for (Object[] w : wrong) {
            var refused = token(candidate).put(base + items.get((String) w[0]).get("no").asInt(), Api.obj("value", w[1]));
            assertThat(refused.status()).as(w[0] + " " + refused).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("value");
        }
        assertThat(token(candidate).put(base + "7", Api.obj("value", "A")).status()).isEqualTo(422);
        assertThat(token(candidate).put(base + "1", Api.obj()).status()).isEqualTo(422);

        int essay = items.get("ESSAY").get("no").asInt();
        assertThat(token(candidate).put(base + essay, Api.obj("value", null)).status()).isEqualTo(204);

        JsonNode resumed = token(candidate).post("/api/v1/exams/" + exam + "/attempt", null).json();
        assertThat(resumed.get("attemptId").asLong()).isEqualTo(attempt);
        assertThat(resumed.get("items").toString()).isEqualTo(body.get("items").toString());
        JsonNode answers = resumed.get("answers");
        assertThat(answers.size()).isEqualTo(5);
        assertThat(answers.has(String.valueOf(essay))).isFalse();
        int single = items.get("SINGLE_CHOICE").get("no").asInt();
        assertThat(answers.get(String.valueOf(single)).asString()).isEqualTo("C");
        assertThat(answers.get(String.valueOf(items.get("MULTIPLE_CHOICE").get("no").asInt())).toString()).isEqualTo("[\"A\",\"D\"]");
        assertThat(answers.get(String.valueOf(items.get("TRUE_FALSE").get("no").asInt())).asBoolean()).isFalse();

        var submitted = token(candidate).post("/api/v1/attempts/" + attempt + "/submit", null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        var again = token(candidate).post("/api/v1/attempts/" + attempt + "/submit", null);
        assertThat(again.json().get("submittedAt").asString()).isEqualTo(submitted.json().get("submittedAt").asString());

        var late = token(candidate).put(base + single, Api.obj("value", "A"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(token(candidate).post("/api/v1/exams/" + exam + "/attempt", null).json().get("answers").get(String.valueOf(single)).asString())
                .isEqualTo("C");

        // Marking sees the responses in the questions' own keys: the shown letter C maps back through the option order.
        SubmittedAttempt forMarking = directory.submitted(attempt).orElseThrow();
        AttemptItem singleItem = forMarking.items().get(single - 1);
        assertThat(singleItem.response().asString()).isEqualTo(singleItem.optionOrder().get(2));
        assertThat(forMarking.items().get(essay - 1).response()).isNull();
        assertThat(directory.submittedAttemptIds(exam)).containsExactly(attempt);
        assertThat(directory.attemptOwner(attempt)).isPresent();
        assertThat(directory.attemptExam(attempt)).contains(exam);
        assertThat(directory.find(exam).orElseThrow().published()).isTrue();
        assertThat(directory.enrolledUserIds(exam)).containsExactly(directory.attemptOwner(attempt).orElseThrow());
        assertThat(directory.isEnrolled(exam, directory.attemptOwner(attempt).orElseThrow())).isTrue();
        assertThat(directory.enrol(exam, directory.enrolledUserIds(exam))).isZero();
        assertThat(catalog.find(singleItem.questionId()).orElseThrow().stem()).isNotBlank();
    }

    @Test
    void fiftyParallelSubmitsMakeOneSubmission() throws Exception {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long bank = bank(token(organizer), "并发提交题库", 1);
        long exam = published(token(organizer), exam("并发提交", List.of(bank), "SHARED", List.of(section("TRUE_FALSE", 1, 1))), candidate);
        long attempt = token(candidate).post("/api/v1/exams/" + exam + "/attempt", null).json().get("attemptId").asLong();
        assertThat(token(candidate).put("/api/v1/attempts/" + attempt + "/answers/1", Api.obj("value", true)).status()).isEqualTo(204);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> token(candidate).post("/api/v1/attempts/" + attempt + "/submit", null));
        }
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(calls)) {
            responses.add(f.get());
        }
        pool.shutdown();
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(responses.stream().map(r -> r.json().get("submittedAt").asString()).distinct()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'attempt.submit' and target = :t")
                .param("t", "attempt:" + attempt).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherCandidatesAttemptIsNotFound() {
        String organizer = user("ORGANIZER");
        String owner = user("CANDIDATE");
        String other = user("CANDIDATE");
        long bank = bank(token(organizer), "他人答卷题库", 1);
        long exam = published(token(organizer), exam("他人答卷", List.of(bank), "PER_CANDIDATE", oneOfEach()), owner, other);
        long attempt = token(owner).post("/api/v1/exams/" + exam + "/attempt", null).json().get("attemptId").asLong();

        assertThat(token(other).get("/api/v1/attempts/" + attempt).status()).isEqualTo(404);
        assertThat(token(other).put("/api/v1/attempts/" + attempt + "/answers/1", Api.obj("value", "A")).status()).isEqualTo(404);
        assertThat(token(other).put("/api/v1/attempts/" + attempt + "/answers/1", Api.obj()).status()).isEqualTo(404);
        assertThat(token(other).post("/api/v1/attempts/" + attempt + "/submit", null).status()).isEqualTo(404);
        assertThat(token(owner).get("/api/v1/attempts/" + attempt).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void onlyEnrolledCandidatesOfPublishedExamsMayStart() {
        String organizer = user("ORGANIZER");
        String enrolled = user("CANDIDATE");
        String stranger = user("CANDIDATE");
        long bank = bank(token(organizer), "报名题库", 1);
        long draft = token(organizer).post("/api/v1/exams", exam("未发布", List.of(bank), "SHARED", oneOfEach())).id();
        token(organizer).post("/api/v1/exams/" + draft + "/candidates", Api.obj("usernames", List.of(enrolled)));
        assertThat(token(enrolled).post("/api/v1/exams/" + draft + "/attempt", null).status()).isEqualTo(404);

        long exam = published(token(organizer), exam("已发布", List.of(bank), "SHARED", oneOfEach()), enrolled);
        assertThat(token(stranger).post("/api/v1/exams/" + exam + "/attempt", null).status()).isEqualTo(404);
        assertThat(token(enrolled).post("/api/v1/exams/" + exam + "/attempt", null).status()).isEqualTo(200);
        JsonNode listed = token(organizer).get("/api/v1/exams/" + exam + "/candidates").json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("username").asString()).isEqualTo(enrolled);
        assertThat(listed.get(0).get("displayName").asString()).isEqualTo("测试" + enrolled);
        assertThat(listed.get(0).get("status").asString()).isEqualTo("OPEN");

        var unknown = token(organizer).post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", List.of(enrolled, "无此人甲", "无此人乙")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("无此人甲").contains("无此人乙");
        assertThat(token(organizer).post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", List.of(enrolled))).json()
                .get("enrolled").asInt()).isZero();
        assertThat(token(enrolled).post("/api/v1/exams", exam("考生不能建考试", List.of(bank), "SHARED", oneOfEach())).status()).isEqualTo(403);
    }

    @Test
    void startingOutsideTheWindowIsAConflict() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long bank = bank(token(organizer), "时间窗题库", 1);
        Map<String, Object> body = exam("明天的考试", List.of(bank), "SHARED", oneOfEach());
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        body.put("windowStart", tomorrow.toString());
        body.put("windowEnd", tomorrow.plus(2, ChronoUnit.HOURS).toString());
        long exam = published(token(organizer), body, candidate);
        var refused = token(candidate).post("/api/v1/exams/" + exam + "/attempt", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("考试尚未开始");
    }

    @Test
    void refusesImpossibleOrMalformedExams() {
        String organizer = user("ORGANIZER");
        long bank = bank(token(organizer), "不足题库", 2);
        var shortSection = token(organizer).post("/api/v1/exams", exam("题不够", List.of(bank), "PER_CANDIDATE",
                List.of(section("SINGLE_CHOICE", 1, 1), section("TRUE_FALSE", 1, 1),
                        Api.obj("type", "FILL_BLANK", "count", 10, "pointsEach", 2, "category", "政务服务/一网通办", "difficulty", 3))));
        assertThat(shortSection.status()).isEqualTo(422);
        JsonNode error = shortSection.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("sections[2]");
        assertThat(error.get("message").asString()).isEqualTo("第3部分（填空题，分类 政务服务/一网通办，难度 3）需要 10 题，题库只有 2 题，缺 8 题");
        var english = token(organizer).english().post("/api/v1/exams", exam("short", List.of(bank), "SHARED", List.of(section("ESSAY", 3, 10))));
        assertThat(english.json().get("errors").get(0).get("message").asString()).isEqualTo("Section 1 (essay) needs 3 questions, the banks have only 2: 1 short");

        Map<String, Object> backwards = exam("时间颠倒", List.of(bank), "SHARED", oneOfEach());
        backwards.put("windowEnd", backwards.get("windowStart"));
        backwards.put("durationMinutes", 0);
        var malformed = token(organizer).post("/api/v1/exams", backwards);
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("errors").findValuesAsString("field")).contains("windowEnd", "durationMinutes");

        var unknownBank = token(organizer).post("/api/v1/exams", exam("无此题库", List.of(bank, 987654321L), "SHARED", oneOfEach()));
        assertThat(unknownBank.status()).isEqualTo(422);
        assertThat(unknownBank.json().get("errors").get(0).get("field").asString()).isEqualTo("bankIds");
        assertThat(token(organizer).get("/api/v1/exams").json().get("items").toString()).doesNotContain("题不够");
    }

    @Test
    void takesAtLeastTheShareOfItemsFromTheNamedBank() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long published = bank(token(organizer), "公开题库", 9);
        long extra = bank(token(organizer), "补充题库", 10);
        Map<String, Object> body = exam("九成来自公开题库", List.of(published, extra), "PER_CANDIDATE", List.of(section("TRUE_FALSE", 10, 1)));
        body.put("bankShare", Api.obj("bankId", published, "minPercent", 95));
        var refused = token(organizer).post("/api/v1/exams", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("bankShare");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("缺 1 题");

        var preview = token(organizer).post("/api/v1/papers/preview", Api.obj("bankIds", List.of(published, extra),
                "sections", body.get("sections"), "bankShare", body.get("bankShare")));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("feasible").asBoolean()).isFalse();
        assertThat(preview.json().get("sections").get(0).get("available").asInt()).isEqualTo(19);
        assertThat(preview.json().get("share").get("shortfall").asInt()).isEqualTo(1);

        body.put("bankShare", Api.obj("bankId", published, "minPercent", 90));
        long exam = published(token(organizer), body, candidate);
        long attempt = token(candidate).post("/api/v1/exams/" + exam + "/attempt", null).json().get("attemptId").asLong();
        token(candidate).post("/api/v1/attempts/" + attempt + "/submit", null);
        long fromPublished = directory.submitted(attempt).orElseThrow().items().stream()
                .filter(i -> catalog.find(i.questionId()).orElseThrow().bankId() == published).count();
        assertThat(fromPublished).isGreaterThanOrEqualTo(9);
    }

    @Test
    void aSharedPaperIsTheSameForEveryCandidate() {
        String organizer = user("ORGANIZER");
        String first = user("CANDIDATE");
        String second = user("CANDIDATE");
        long bank = bank(token(organizer), "统一试卷题库", 6);
        long exam = published(token(organizer), exam("统一试卷", List.of(bank), "SHARED", List.of(section("SINGLE_CHOICE", 3, 1))), first, second);
        List<List<Long>> papers = new ArrayList<>();
        for (String candidate : List.of(first, second)) {
            long attempt = token(candidate).post("/api/v1/exams/" + exam + "/attempt", null).json().get("attemptId").asLong();
            token(candidate).post("/api/v1/attempts/" + attempt + "/submit", null);
            papers.add(directory.submitted(attempt).orElseThrow().items().stream().map(AttemptItem::questionId).sorted().toList());
        }
        assertThat(papers.get(0)).hasSize(3).isEqualTo(papers.get(1));
    }

    @Test
    void enforcesTheDeadlineAndTheServerSubmitsWhatWasSaved() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long bank = bank(token(organizer), "截止题库", 1);
        Map<String, Object> body = exam("三分钟后截止", List.of(bank), "SHARED", List.of(section("TRUE_FALSE", 1, 1)));
        body.put("windowEnd", clock.instant().plusSeconds(180).toString());
        long exam = published(token(organizer), body, candidate);
        JsonNode started = token(candidate).post("/api/v1/exams/" + exam + "/attempt", null).json();
        long attempt = started.get("attemptId").asLong();
        Instant deadline = Instant.parse(started.get("deadline").asString());
        assertThat(deadline).isBefore(clock.instant().plusSeconds(181));
        String answer = "/api/v1/attempts/" + attempt + "/answers/1";
        assertThat(token(candidate).put(answer, Api.obj("value", true)).status()).isEqualTo(204);

        moveClockTo(deadline.plusSeconds(1));
        assertThat(token(candidate).put(answer, Api.obj("value", false)).status()).as("within the grace").isEqualTo(204);
        moveClockTo(deadline.plusSeconds(11));
        var refused = token(candidate).put(answer, Api.obj("value", true));
        assertThat(refused.status()).isEqualTo(409);

        overdue.submitOverdue();
        assertThat(token(candidate).get("/api/v1/attempts/" + attempt).json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(directory.submitted(attempt).orElseThrow().items().get(0).response().asBoolean()).isFalse();
        assertThat(jdbc.sql("select submitted_by from exam_attempt where id = :id").param("id", attempt).query(String.class).single())
                .isEqualTo("SERVER");
    }

    private void moveClockTo(Instant when) {
        moveClock(Duration.between(clock.instant(), when));
    }
}
