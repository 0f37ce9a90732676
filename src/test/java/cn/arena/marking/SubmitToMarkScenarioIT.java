package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.exam.AttemptSubmitted;
import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The marking module with only what it depends on (exam, paper, bank, account, shared, and org, which implements
 * account's org port): a submission reaches marking as an event after it commits, and marking answers with
 * {@link AttemptMarked} for an attempt of objective items.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "org", webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SubmitToMarkScenarioIT {

    @LocalServerPort
    int port;

    @Test
    void aSubmittedAttemptOfObjectiveItemsIsMarkedThroughItsEvent(Scenario scenario) {
        Api admin = Api.basic(port, "admin", ApiTest.ADMIN_PASSWORD);
        String organizer = "scenario-org-" + System.nanoTime();
        String candidate = "scenario-cand-" + System.nanoTime();
        for (var user : List.of(List.of(organizer, "ORGANIZER"), List.of(candidate, "CANDIDATE"))) {
            assertThat(admin.post("/api/v1/users", Api.obj("username", user.get(0), "password", ApiTest.PASSWORD,
                    "displayName", "场景" + user.get(0), "roles", List.of(user.get(1)))).status()).isEqualTo(201);
        }
        Api org = Api.basic(port, organizer, ApiTest.PASSWORD);
        Api cand = Api.basic(port, candidate, ApiTest.PASSWORD);
        long bank = org.post("/api/v1/banks", Api.obj("name", "场景题库")).id();
        assertThat(org.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "TRUE_FALSE",
                "stem", "政务服务中心应当推行“一窗受理、集成服务”。", "answer", true, "points", 5)).status()).isEqualTo(201);
        Instant now = Instant.now();
        long exam = org.post("/api/v1/exams", Api.obj("title", "场景考试", "bankIds", List.of(bank),
                "windowStart", now.minus(Duration.ofMinutes(5)).toString(), "windowEnd", now.plus(Duration.ofHours(1)).toString(),
                "durationMinutes", 30, "variant", "SHARED", "sections", List.of(Api.obj("type", "TRUE_FALSE", "count", 1, "pointsEach", 5))))
                .id();
        assertThat(org.post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", List.of(candidate))).status()).isEqualTo(200);
        assertThat(org.post("/api/v1/exams/" + exam + "/publish", null).status()).isEqualTo(200);
        long attempt = cand.post("/api/v1/exams/" + exam + "/attempt", null).json().get("attemptId").asLong();
        assertThat(cand.put("/api/v1/attempts/" + attempt + "/answers/1", Api.obj("value", true)).status()).isEqualTo(204);

        scenario.stimulate(() -> cand.post("/api/v1/attempts/" + attempt + "/submit", null).status())
                .andWaitForEventOfType(AttemptMarked.class)
                .matching(marked -> marked.attemptId() == attempt)
                .toArriveAndVerify((marked, status) -> {
                    assertThat(status).isEqualTo(200);
                    assertThat(marked.examId()).isEqualTo(exam);
                    assertThat(marked.score()).isEqualByComparingTo(new BigDecimal("5"));
                });
        assertThat(org.get("/api/v1/exams/" + exam + "/ranking").json().get("rows")).hasSize(1);
    }
}
