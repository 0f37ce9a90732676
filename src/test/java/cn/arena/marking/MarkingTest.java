package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What marking tests set up through the HTTP API: a bank of the six types, an exam, candidates' sittings and answers. */
abstract class MarkingTest extends ApiTest {

    private final Map<String, Api> clients = new HashMap<>();

    /** The user's client with a bearer token: one password check per user instead of one per request. */
    @Override
    protected Api as(String username) {
        return clients.computeIfAbsent(username, u -> {
            var issued = super.as(u).post("/api/v1/auth/token", null);
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            return Api.bearer(port, issued.json().get("token").asString());
        });
    }

    static final String SINGLE = "“一网通办”改革的核心是什么？";
    static final String MULTI = "下列属于“放管服”改革内容的有哪些？";
    static final String TF = "政务服务中心应当推行“一窗受理、集成服务”。";
    static final String FILL = "长三角政务服务实现（ ）和（ ）。";
    static final String SHORT = "简述“一窗一网一次”改革的含义。";
    static final String ESSAY = "论述优化营商环境对地方发展的意义。";
    static final String ANALYSIS = "数据多跑路，群众少跑腿。";

    /** A candidate's sitting: attempt id and, per stem, the item as shown to them. */
    record Sitting(String username, long attemptId, Map<String, JsonNode> byStem, JsonNode startJson) {

        int no(String stem) {
            return byStem.get(stem).get("no").asInt();
        }

        /** The key this candidate saw for an option text. */
        String key(String stem, String optionText) {
            for (JsonNode option : byStem.get(stem).get("options")) {
                if (option.get("text").asString().equals(optionText)) {
                    return option.get("key").asString();
                }
            }
            throw new AssertionError("no option " + optionText);
        }
    }

    protected void addQuestions(String organizer, long bank) {
        String path = "/api/v1/banks/" + bank + "/questions";
        post(organizer, path, Api.obj("type", "SINGLE_CHOICE", "stem", SINGLE, "options", options("数据共享、业务协同", "多头跑、反复跑",
                "线下办理为主", "材料层层提交"), "answer", "A", "analysis", ANALYSIS, "category", "政务服务/一网通办", "points", 2));
        post(organizer, path, Api.obj("type", "MULTIPLE_CHOICE", "stem", MULTI, "options", options("简政放权", "放管结合", "优化服务",
                "层层审批"), "answer", List.of("A", "B", "C"), "analysis", "放管服即简政放权、放管结合、优化服务。", "points", 4));
        post(organizer, path, Api.obj("type", "TRUE_FALSE", "stem", TF, "answer", true, "analysis", "一窗受理是基本要求。", "points", 2));
        post(organizer, path, Api.obj("type", "FILL_BLANK", "stem", FILL, "answer", List.of(List.of("一网通办"), List.of("跨省通办", "跨省办")),
                "analysis", "长三角一体化。", "points", 4));
        post(organizer, path, Api.obj("type", "SHORT_ANSWER", "stem", SHORT, "answer", "一窗受理、一网通办、一次办好",
                "keywords", List.of("一窗", "一网", "一次"), "analysis", "即“一窗一网一次”。", "points", 10));
        post(organizer, path, Api.obj("type", "ESSAY", "stem", ESSAY, "answer", "营商环境就是生产力……", "analysis", "言之成理即可。", "points", 20));
    }

    static List<Map<String, Object>> options(String... texts) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            options.add(Api.obj("key", String.valueOf((char) ('A' + i)), "text", texts[i]));
        }
        return options;
    }

    protected long createExam(String organizer, long bank, String title, @Nullable String tieBreak) {
        return createExam(organizer, bank, title, tieBreak, List.of(
                Api.obj("type", "SINGLE_CHOICE", "count", 1, "pointsEach", 2),
                Api.obj("type", "MULTIPLE_CHOICE", "count", 1, "pointsEach", 4),
                Api.obj("type", "TRUE_FALSE", "count", 1, "pointsEach", 2),
                Api.obj("type", "FILL_BLANK", "count", 1, "pointsEach", 4),
                Api.obj("type", "SHORT_ANSWER", "count", 1, "pointsEach", 10),
                Api.obj("type", "ESSAY", "count", 1, "pointsEach", 20)));
    }

    protected long createExam(String organizer, long bank, String title, @Nullable String tieBreak, List<Map<String, Object>> sections) {
        Instant now = Instant.now();
        var created = as(organizer).post("/api/v1/exams", Api.obj("title", title, "bankIds", List.of(bank),
                "windowStart", now.minus(Duration.ofMinutes(5)).toString(), "windowEnd", now.plus(Duration.ofHours(2)).toString(),
                "durationMinutes", 90, "variant", "PER_CANDIDATE", "shuffleQuestions", true, "shuffleOptions", true,
                "sections", sections, "multipleChoiceScoring", "PARTIAL", "tieBreak", tieBreak));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    protected void enrolAndPublish(String organizer, long exam, List<String> candidates) {
        var enrolled = as(organizer).post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", candidates));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        var published = as(organizer).post("/api/v1/exams/" + exam + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    protected Sitting start(String candidate, long exam) {
        var started = as(candidate).post("/api/v1/exams/" + exam + "/attempt", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        Map<String, JsonNode> byStem = new HashMap<>();
        started.json().get("items").forEach(item -> byStem.put(item.get("stem").asString(), item));
        return new Sitting(candidate, started.json().get("attemptId").asLong(), byStem, started.json());
    }

    protected void answer(Sitting s, String stem, Object value) {
        var saved = as(s.username()).put("/api/v1/attempts/" + s.attemptId() + "/answers/" + s.no(stem), Api.obj("value", value));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(204);
    }

    protected void post(String user, String path, Object body) {
        var response = as(user).post(path, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    protected Map<String, JsonNode> statsByStem(String organizer, long exam) {
        Map<String, JsonNode> stats = new HashMap<>();
        as(organizer).get("/api/v1/exams/" + exam + "/item-stats").json().get("items").forEach(i -> stats.put(i.get("stem").asString(), i));
        return stats;
    }

    /** Marking finishes the automatic marking of every submitted attempt before it answers an organizer: no waiting. */
    protected void assertReceived(String organizer, long exam, int attempts) {
        JsonNode items = as(organizer).get("/api/v1/exams/" + exam + "/item-stats").json().get("items");
        assertThat(items).isNotEmpty();
        assertThat(items.valueStream().map(i -> i.get("attempts").asInt())).allMatch(n -> n == attempts);
    }

    protected void assertMarked(String organizer, long exam, int attempts) {
        assertThat(as(organizer).get("/api/v1/exams/" + exam + "/ranking").json().get("rows")).hasSize(attempts);
    }

    static Map<Integer, JsonNode> byNo(JsonNode result) {
        Map<Integer, JsonNode> items = new HashMap<>();
        result.get("items").forEach(i -> items.put(i.get("no").asInt(), i));
        return items;
    }

    static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    static List<Integer> ranks(JsonNode rows) {
        return rows.valueStream().map(r -> r.get("rank").asInt()).toList();
    }
}
