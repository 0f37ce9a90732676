package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The organizer's results page releases and enrols graders with htmx, answering the section it changed. */
class ResultsPageIT extends MarkingTest {

    @Test
    void releasingWhileAnAttemptWaitsForMarksOffersTheForcedReleaseAndReleasesNothing() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", unique("题库"))).id();
        addQuestions(organizer, bank);
        long exam = createExam(organizer, bank, unique("论述测验"), null, List.of(Api.obj("type", "ESSAY", "count", 1, "pointsEach", 20)));
        enrolAndPublish(organizer, exam, List.of(candidate));
        Sitting sitting = start(candidate, exam);
        answer(sitting, ESSAY, "优化营商环境，就是解放生产力。");
        assertThat(as(candidate).post("/api/v1/attempts/" + sitting.attemptId() + "/submit", null).status()).isEqualTo(200);
        WebSession web = WebSession.login(port, organizer, PASSWORD);

        WebSession.Page waiting = web.htmx("/exams/" + exam + "/release", Map.of());
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.html()).contains("id=\"release-section\"").contains("id=\"release-force\"").contains("成绩未发布");
        assertThat(as(organizer).post("/api/v1/exams/" + exam + "/release", null).status()).as("still unreleased").isEqualTo(409);

        WebSession.Page forced = web.htmx("/exams/" + exam + "/release?force=true", Map.of());
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.html()).contains("成绩已于").contains(organizer).doesNotContain("id=\"release\"");
        assertThat(as(organizer).get("/api/v1/exams/" + exam + "/ranking").status()).isEqualTo(200);
    }

    @Test
    void enrollingGradersFromThePageSaysHowManyAndAnUnknownNameIsRefusedInPlace() {
        String organizer = user("ORGANIZER");
        String grader = user("GRADER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", unique("题库"))).id();
        addQuestions(organizer, bank);
        long exam = createExam(organizer, bank, unique("测验"), null);
        WebSession web = WebSession.login(port, organizer, PASSWORD);

        WebSession.Page refused = web.htmx("/exams/" + exam + "/graders", Map.of("usernames", grader + "，nobody-here"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html()).contains("nobody-here").contains("alert-danger");

        WebSession.Page enrolled = web.htmx("/exams/" + exam + "/graders", Map.of("usernames", grader));
        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(enrolled.html()).as("the refused try enrolled nobody").contains("已加入 1 名阅卷人");
    }
}
