package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import cn.arena.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The organizer's exam page changes data with htmx: fragments back, refusals as a localized fragment, nothing changed. */
class ExamPagesIT extends ApiTest {

    @Test
    void enrollingFromTheExamPageAnswersTheRefreshedCandidateList() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long exam = draftExam(organizer);
        WebSession web = WebSession.login(port, organizer, PASSWORD);

        WebSession.Page enrolled = web.htmx("/exams/" + exam + "/candidates", Map.of("usernames", candidate + "\n"));
        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(enrolled.html()).contains("id=\"candidates\"").contains(candidate).contains("新报名 1 人")
                .doesNotContain("<html");
        assertThat(as(organizer).get("/api/v1/exams/" + exam + "/candidates").json().get("items")).hasSize(1);
    }

    @Test
    void aRefusedEnrolmentIsALocalizedFragmentAndEnrolsNobody() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long exam = draftExam(organizer);

        WebSession.Page refused = WebSession.login(port, organizer, PASSWORD)
                .htmx("/exams/" + exam + "/candidates", Map.of("usernames", candidate + "\nno-such-user"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html()).contains("alert-danger").contains("未保存").contains("no-such-user").doesNotContain("<html");
        assertThat(as(organizer).get("/api/v1/exams/" + exam + "/candidates").json().get("items")).isEmpty();

        WebSession.Page english = WebSession.login(port, organizer, PASSWORD, "en")
                .htmx("/exams/" + exam + "/candidates", Map.of("usernames", "no-such-user"));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.html()).contains("Not saved").contains("no-such-user");
    }

    @Test
    void publishingFromTheExamPageAnswersTheSummaryNowPublished() {
        String organizer = user("ORGANIZER");
        long exam = draftExam(organizer);

        WebSession.Page published = WebSession.login(port, organizer, PASSWORD).htmx("/exams/" + exam + "/publish", Map.of());
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.html()).contains("id=\"exam-summary\"").contains("考试已发布").doesNotContain("id=\"publish\"");
        assertThat(as(organizer).get("/api/v1/exams/" + exam).json().get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void anotherScopesExamIsNotFoundOnItsPageAndThroughHtmx() {
        long unit = orgUnit(unique("江阴市"), "COUNTY", null);
        long exam = draftExam(user("ORGANIZER", unit));
        WebSession outsider = WebSession.login(port, user("ORGANIZER", orgUnit(unique("宜兴市"), "COUNTY", null)), PASSWORD);

        assertThat(outsider.get("/exams/" + exam).status()).isEqualTo(404);
        WebSession.Page fragment = outsider.htmx("/exams/" + exam + "/publish", Map.of());
        assertThat(fragment.status()).isEqualTo(404);
        assertThat(fragment.html()).contains("alert-danger").doesNotContain("<html");
        assertThat(admin().get("/api/v1/exams/" + exam).json().get("status").asText()).isEqualTo("DRAFT");
    }

    private long draftExam(String organizer) {
        Api api = as(organizer);
        long bank = ExamFixtures.bank(api, unique("题库"), 1);
        var created = api.post("/api/v1/exams", ExamFixtures.exam(unique("测验"), List.of(bank), "SHARED",
                List.of(ExamFixtures.section("SINGLE_CHOICE", 1, 1))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }
}
