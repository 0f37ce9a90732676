package cn.arena.competition;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Integration tests of competitions: exams sat by the accounts a sitting issued, and released, all through the API. */
abstract class CompetitionTest extends ApiTest {

    /** A bank of true/false items of 5 points whose stems give their answer away, so a test chooses each score. */
    static long trueFalseBank(Api org, int count) {
        long bank = org.post("/api/v1/banks", obj("name", unique("江阴初赛题库"))).id();
        for (int i = 1; i <= count; i++) {
            boolean answer = i % 3 != 0;
            var q = org.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE",
                    "stem", "江阴初赛判断题" + i + "（本题答案：" + (answer ? "正确" : "错误") + "）", "answer", answer, "points", 5,
                    "difficulty", 3, "category", "政务服务"));
            assertThat(q.status()).as(q.toString()).isEqualTo(201);
        }
        return bank;
    }

    /** A shared, unshuffled, published exam of {@code count} items from the bank, open now: what a sitting may use. */
    static long exam(Api org, long bank, int count, String title) {
        long exam = draftExam(org, bank, count, title);
        var published = org.post("/api/v1/exams/" + exam + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return exam;
    }

    /** The same exam left in draft. */
    static long draftExam(Api org, long bank, int count, String title) {
        var exam = org.post("/api/v1/exams", obj("title", title, "bankIds", List.of(bank),
                "windowStart", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                "windowEnd", OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).toString(), "durationMinutes", 90,
                "variant", "SHARED", "shuffleQuestions", false, "shuffleOptions", false,
                "sections", List.of(obj("type", "TRUE_FALSE", "count", count, "pointsEach", 5))));
        assertThat(exam.status()).as(exam.toString()).isEqualTo(201);
        return exam.id();
    }

    String token(String username, String password) {
        var issued = Api.basic(port, username, password).post("/api/v1/auth/token", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("token").asString();
    }

    /** Sits the exam as the issued account, answering {@code right} items correctly (read off the stem) and no others. */
    void sit(String username, String password, long exam, int right) {
        Api candidate = Api.bearer(port, token(username, password));
        var attempt = candidate.post("/api/v1/exams/" + exam + "/attempt", null);
        assertThat(attempt.status()).as(attempt.toString()).isEqualTo(200);
        long attemptId = attempt.json().get("attemptId").asLong();
        int answered = 0;
        for (JsonNode item : attempt.json().get("items")) {
            if (answered == right) {
                break;
            }
            boolean answer = item.get("stem").asString().contains("正确");
            var saved = candidate.put("/api/v1/attempts/" + attemptId + "/answers/" + item.get("no").asInt(), obj("value", answer));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(204);
            answered++;
        }
        assertThat(candidate.post("/api/v1/attempts/" + attemptId + "/submit", null).status()).isEqualTo(200);
    }

    /** Releases the exam: the automatic marking of every submitted attempt is finished by the release itself. */
    static void release(Api org, long exam) {
        var released = org.post("/api/v1/exams/" + exam + "/release", null);
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
    }
}
