package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Banks, questions and exam bodies for the exam integration tests, made through the HTTP API. */
final class ExamFixtures {

    /** Text put in every analysis and reference answer: it must never reach a candidate. */
    static final String SECRET = "只给阅卷人看的解析";

    private ExamFixtures() {}

    /** A bank with {@code perType} questions of each of the six types; returns its id. */
    static long bank(Api organizer, String name, int perType) {
        long bank = organizer.post("/api/v1/banks", Api.obj("name", name)).id();
        for (int i = 1; i <= perType; i++) {
            question(organizer, bank, Api.obj("type", "SINGLE_CHOICE", "stem", "“一网通办”改革的目标是什么？（" + i + "）",
                    "options", options(4), "answer", "B", "analysis", SECRET + "：单选", "category", "政务服务/一网通办", "difficulty", 2, "points", 1));
            question(organizer, bank, Api.obj("type", "MULTIPLE_CHOICE", "stem", "“放管服”改革包括哪些方面？（" + i + "）",
                    "options", options(4), "answer", List.of("A", "C"), "analysis", SECRET + "：多选", "category", "政务服务/放管服", "difficulty", 3, "points", 2));
            question(organizer, bank, Api.obj("type", "TRUE_FALSE", "stem", "企业开办可以全程网办。（" + i + "）",
                    "answer", true, "analysis", SECRET + "：判断", "category", "营商环境", "difficulty", 1, "points", 1));
            question(organizer, bank, Api.obj("type", "FILL_BLANK", "stem", "长三角政务服务（ ）和（ ）。（" + i + "）",
                    "answer", List.of(List.of("一网通办"), List.of("跨省通办")), "analysis", SECRET + "：填空", "category", "政务服务/一网通办",
                    "difficulty", 3, "points", 2));
            question(organizer, bank, Api.obj("type", "SHORT_ANSWER", "stem", "简述“一窗受理”的含义。（" + i + "）",
                    "answer", SECRET + "：参考答案（简答）", "analysis", SECRET + "：简答", "difficulty", 3, "points", 5));
            question(organizer, bank, Api.obj("type", "ESSAY", "stem", "论述如何优化营商环境。（" + i + "）",
                    "answer", SECRET + "：参考答案（论述）", "analysis", SECRET + "：论述", "difficulty", 4, "points", 10));
        }
        return bank;
    }

    static void question(Api organizer, long bank, Map<String, Object> body) {
        var response = organizer.post("/api/v1/banks/" + bank + "/questions", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    static List<Map<String, Object>> options(int n) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            options.add(Api.obj("key", String.valueOf((char) ('A' + i)), "text", "选项内容" + (char) ('A' + i)));
        }
        return options;
    }

    /** One item of each type, in the order single, multiple, true/false, fill, short, essay. */
    static List<Map<String, Object>> oneOfEach() {
        return List.of(section("SINGLE_CHOICE", 1, 1), section("MULTIPLE_CHOICE", 1, 2), section("TRUE_FALSE", 1, 1),
                section("FILL_BLANK", 1, 2), section("SHORT_ANSWER", 1, 5), section("ESSAY", 1, 10));
    }

    static Map<String, Object> section(String type, int count, int points) {
        return Api.obj("type", type, "count", count, "pointsEach", points);
    }

    /** An exam body open from a minute ago for a day, 60 minutes, with the given banks and sections. */
    static Map<String, Object> exam(String title, List<Long> banks, String variant, List<Map<String, Object>> sections) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Api.obj("title", title, "bankIds", banks, "windowStart", now.minusSeconds(60).toString(),
                "windowEnd", now.plus(1, ChronoUnit.DAYS).toString(), "durationMinutes", 60, "variant", variant,
                "shuffleQuestions", true, "shuffleOptions", true, "sections", sections);
    }
}
