package cn.arena.practice;

import static cn.arena.practice.PracticeFixture.right;
import static cn.arena.practice.PracticeFixture.wrong;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Practice tests through the HTTP API: a fresh {@link PracticeFixture} province per test, and ways to study and sit. */
abstract class PracticeTest extends ApiTest {

    @Autowired
    PracticeSchedule schedule;

    @Autowired
    PracticeStore store;

    PracticeFixture f;

    @BeforeEach
    void province() throws IOException {
        String tag = unique("");
        f = PracticeFixture.make(new PracticeFixture.Maker() {
            public long unit(String name, String kind, Long parent) {
                return orgUnit(name, kind, parent);
            }

            public String user(String role, Long unit) {
                return PracticeTest.this.user(role, unit);
            }

            public Api as(String username) {
                return PracticeTest.this.as(username);
            }

            public Api admin() {
                return PracticeTest.this.admin();
            }

            public Api basic(String username, String password) {
                return Api.basic(port, username, password);
            }
        }, tag);
    }

    void at(String shanghaiTime) {
        moveClock(Duration.between(clock.instant(), OffsetDateTime.parse(shanghaiTime).toInstant()));
    }

    long programme(Map<String, Object> rules) {
        Api.Response r = f.organizer.post("/api/v1/practice/programmes",
                obj("name", "2027年练兵比武", "orgUnitId", f.province, "bankIds", List.of(f.bank), "year", 2027, "rules", rules));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    long smallProgramme() {
        return programme(obj("daily", obj("questions", 3, "starDays", 2), "weekly", obj("questions", 4, "aceTop", 1),
                "monthly", obj("questions", 4), "annualTop", 1));
    }

    String base(long id) {
        return "/api/v1/practice/programmes/" + id;
    }

    /** Studies today's whole set, answering right except the item numbers given. */
    JsonNode study(Api member, long id, int... wrongNos) {
        JsonNode day = member.get(base(id) + "/daily").json();
        for (JsonNode item : day.get("items")) {
            int no = item.get("no").asInt();
            if (day.get("answered").has(String.valueOf(no))) {
                continue;
            }
            boolean wrongOne = java.util.Arrays.stream(wrongNos).anyMatch(n -> n == no);
            Api.Response r = member.put(base(id) + "/daily/answers/" + no, obj("value", wrongOne ? wrong(item) : right(item)));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        return day;
    }

    /** Sits a weekly practice or contest: the first {@code right} items right, the rest wrong, then submits. */
    void sit(Api member, long examId, int right) {
        Api.Response started = member.post("/api/v1/exams/" + examId + "/attempt", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        long attempt = started.json().get("attemptId").asLong();
        int answered = 0;
        for (JsonNode item : started.json().get("items")) {
            Object value = answered++ < right ? right(item) : wrong(item);
            assertThat(member.put("/api/v1/attempts/" + attempt + "/answers/" + item.get("no").asInt(), obj("value", value)).status())
                    .isEqualTo(204);
        }
        assertThat(member.post("/api/v1/attempts/" + attempt + "/submit", null).status()).isEqualTo(200);
    }

    /** Runs the practice job until the condition holds (marking follows a submit asynchronously). */
    void runJobUntil(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 80 && !done.getAsBoolean(); i++) {
            schedule.runOnce();
            Thread.sleep(250);
        }
        assertThat(done.getAsBoolean()).as("the practice job got there").isTrue();
    }

    JsonNode calendar(long id, String month) {
        return f.organizer.get(base(id) + "/calendar?month=" + month).json();
    }

    JsonNode board(Api api, long id, String query) {
        Api.Response r = api.get(base(id) + "/leaderboard?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static List<String> titles(JsonNode me) {
        List<String> titles = new ArrayList<>();
        me.get("titles").forEach(t -> titles.add(t.get("code").asText() + " " + t.get("period").asText()));
        return titles;
    }

}
