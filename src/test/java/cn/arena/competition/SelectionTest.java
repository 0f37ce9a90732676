package cn.arena.competition;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Tests of a province's selection: a paper on which any score 0–100 is a choice of items, sat through the exam API. */
abstract class SelectionTest extends CompetitionTest {

    static final int[] ITEM_POINTS = {37, 32, 16, 8, 4, 2, 1};

    /** Each person's bearer token, taken once from the account their first sitting issued. */
    final Map<Long, String> tokenOf = new HashMap<>();
    /** Each person's score in the first paper they sat (the city round). */
    final Map<Long, Integer> cityScore = new HashMap<>();

    /** An organizer of the unit with a bearer token: hundreds of calls without a password hash each. */
    Api organizer(long unit) {
        return Api.bearer(port, token(user("ORGANIZER", unit), PASSWORD));
    }

    /** Sits the exam as the person (the city round's account, or its kept token), scoring exactly {@code score} of 100. */
    void sitAs(@Nullable JsonNode account, long personId, long exam, int score, boolean slow) {
        String token = tokenOf.computeIfAbsent(personId, p -> token(account.get("username").asString(), account.get("initialPassword").asString()));
        cityScore.putIfAbsent(personId, score);
        Api candidate = Api.bearer(port, token);
        var attempt = candidate.post("/api/v1/exams/" + exam + "/attempt", null);
        assertThat(attempt.status()).as(attempt.toString()).isEqualTo(200);
        long attemptId = attempt.json().get("attemptId").asLong();
        Set<Integer> chosen = items(score);
        int left = score;
        for (JsonNode item : attempt.json().get("items")) {
            int points = item.get("points").asInt();
            if (chosen.contains(points)) {
                boolean answer = item.get("stem").asString().contains("正确");
                assertThat(candidate.put("/api/v1/attempts/" + attemptId + "/answers/" + item.get("no").asInt(), obj("value", answer)).status())
                        .isEqualTo(204);
                left -= points;
            }
        }
        assertThat(left).isZero();
        if (slow) {
            moveClock(Duration.ofMinutes(5));
        }
        assertThat(candidate.post("/api/v1/attempts/" + attemptId + "/submit", null).status()).isEqualTo(200);
    }

    /** Seven true/false items worth 37, 32, 16, 8, 4, 2 and 1 points (100 in all): any score is a choice of items. */
    static long binaryBank(Api org) {
        long bank = org.post("/api/v1/banks", obj("name", unique("江苏练兵比武题库"))).id();
        for (int i = 0; i < ITEM_POINTS.length; i++) {
            boolean answer = i % 2 == 0;
            var q = org.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE",
                    "stem", "人社窗口判断题" + i + "（本题答案：" + (answer ? "正确" : "错误") + "）", "answer", answer, "points", 1,
                    "difficulty", 3, "category", "综合服务规范"));
            assertThat(q.status()).as(q.toString()).isEqualTo(201);
        }
        return bank;
    }

    static long binaryExam(Api org, long bank, String title) {
        return binaryExam(org, bank, title, IntStream.of(ITEM_POINTS));
    }

    /**
     * The seven items and one more worth {@code extra} that nobody answers: the paper's total is 100 + extra, so a
     * score of s is s of 100 + extra (the bank gets the eighth question it needs).
     */
    static long binaryExamOutOf(Api org, long bank, String title, int extra) {
        var q = org.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE", "stem", "人社窗口附加判断题（本题答案：正确）",
                "answer", true, "points", 1, "difficulty", 3, "category", "综合服务规范"));
        assertThat(q.status()).as(q.toString()).isEqualTo(201);
        return binaryExam(org, bank, title, IntStream.concat(IntStream.of(ITEM_POINTS), IntStream.of(extra)));
    }

    private static long binaryExam(Api org, long bank, String title, IntStream points) {
        var exam = org.post("/api/v1/exams", obj("title", title, "bankIds", List.of(bank),
                "windowStart", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                "windowEnd", OffsetDateTime.now(ZoneOffset.UTC).plusHours(3).toString(), "durationMinutes", 60,
                "variant", "SHARED", "shuffleQuestions", false, "shuffleOptions", false,
                "sections", points.mapToObj(p -> obj("type", "TRUE_FALSE", "count", 1, "pointsEach", p)).toList()));
        assertThat(exam.status()).as(exam.toString()).isEqualTo(201);
        return exam.id();
    }

    /** The items (by points) that make up a score: 37 when the rest cannot reach it, then its binary digits. */
    private static Set<Integer> items(int score) {
        Set<Integer> chosen = new HashSet<>();
        int rest = score;
        if (rest > 63) {
            chosen.add(37);
            rest -= 37;
        }
        for (int bit = 32; bit >= 1; bit /= 2) {
            if ((rest & bit) != 0) {
                chosen.add(bit);
            }
        }
        return chosen;
    }
}
