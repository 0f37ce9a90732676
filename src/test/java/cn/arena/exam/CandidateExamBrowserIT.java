package cn.arena.exam;

import static cn.arena.exam.ExamFixtures.bank;
import static cn.arena.exam.ExamFixtures.exam;
import static cn.arena.exam.ExamFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import cn.arena.support.Chromium;

import com.microsoft.playwright.Page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A candidate on a phone-sized screen answers, reloads mid-exam, finds the answers still there, and submits. */
class CandidateExamBrowserIT extends ApiTest {

    @Autowired JdbcClient jdbc;

    @Test
    void candidateAnswersReloadsAndSubmitsOnAPhone() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        long bank = bank(as(organizer), "浏览器测试题库", 2);
        Api api = as(organizer);
        long exam = api.post("/api/v1/exams", exam("手机端答题", List.of(bank), "PER_CANDIDATE", List.of(section("SINGLE_CHOICE", 1, 1),
                section("MULTIPLE_CHOICE", 1, 2), section("TRUE_FALSE", 1, 1), section("FILL_BLANK", 1, 2), section("SHORT_ANSWER", 1, 5)))).id();
        api.post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", List.of(candidate)));
        api.post("/api/v1/exams/" + exam + "/publish", null);

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(375, 812);
            String base = "http://localhost:" + port;
            chromium.login(page, candidate, PASSWORD);

            page.navigate(base + "/my/exams");
            assertThat(page.textContent("main")).contains("手机端答题");
            page.click(".start-exam");
            page.waitForSelector("#navigator button");
            assertThat(page.locator("#navigator button").count()).isEqualTo(5);
            assertThat(page.content()).doesNotContain(ExamFixtures.SECRET);

            page.click("#navigator button[data-no='1']");
            page.locator("#item-body input[type=radio]").nth(1).check();
            waitSaved(page);
            // The page's answers go with a token, not the session cookie: saving never touches the stored session.
            long sessionTouched = lastAccess(candidate);
            page.click("#next");
            page.locator("#item-body input[type=checkbox]").nth(0).check();
            page.locator("#item-body input[type=checkbox]").nth(2).check();
            waitSaved(page);
            page.click("#next");
            page.locator("#item-body input[type=radio]").nth(0).check();
            waitSaved(page);
            page.click("#next");
            page.locator("#item-body input").nth(0).fill("一网通办");
            page.locator("#item-body input").nth(1).fill("跨省通办");
            page.locator("#item-body input").nth(1).press("Tab");
            waitSaved(page);
            assertThat(page.textContent("#save-state")).isEqualTo("已保存");
            assertThat(lastAccess(candidate)).as("the session's last access after three more saves").isEqualTo(sessionTouched);

            page.reload();
            page.waitForSelector("#navigator button");
            assertThat(page.locator("#navigator button.btn-success").count()).isEqualTo(4);
            page.click("#navigator button[data-no='1']");
            assertThat(page.locator("#item-body input[type=radio]").nth(1).isChecked()).isTrue();
            page.click("#navigator button[data-no='2']");
            assertThat(page.locator("#item-body input[type=checkbox]").nth(0).isChecked()).isTrue();
            assertThat(page.locator("#item-body input[type=checkbox]").nth(1).isChecked()).isFalse();
            assertThat(page.locator("#item-body input[type=checkbox]").nth(2).isChecked()).isTrue();
            page.click("#navigator button[data-no='4']");
            assertThat(page.locator("#item-body input").nth(1).inputValue()).isEqualTo("跨省通办");

            page.click("#submit");
            page.waitForSelector("#confirm.show");
            assertThat(page.textContent("#confirm-unanswered")).contains("5");
            page.click("#confirm-submit");
            page.waitForSelector("#submitted:not(.d-none)");
            assertThat(page.textContent("#submitted")).contains("答卷已提交");
        }
    }

    @Test
    void theFirstTapOnANavigatorNumberAfterTypingShowsThatItem() {
        String candidate = user("CANDIDATE");
        long exam = publishedExam(candidate, "填空后点题号", List.of(section("FILL_BLANK", 1, 2), section("SHORT_ANSWER", 1, 5),
                section("TRUE_FALSE", 2, 1)));
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.touchPage(375, 812);
            open(chromium, page, candidate, exam);

            page.locator("#item-body input").nth(0).fill("一网通办");
            page.tap("#navigator button[data-no='3']");
            assertThat(page.textContent("#item-body")).startsWith("3 / 4");

            page.tap("#navigator button[data-no='2']");
            page.fill("#item-body textarea", "一窗受理，就是一个窗口收件。");
            page.tap("#navigator button[data-no='4']");
            assertThat(page.textContent("#item-body")).startsWith("4 / 4");
            waitSaved(page);
            assertThat(page.locator("#navigator button.btn-success").count()).isEqualTo(2);
        }
    }

    @Test
    void answersGivenOfflineAreKeptShownAsUnsavedAndStoredOnceBackOnline() {
        String candidate = user("CANDIDATE");
        long exam = publishedExam(candidate, "断网答题", List.of(section("SINGLE_CHOICE", 1, 1), section("TRUE_FALSE", 1, 1),
                section("FILL_BLANK", 1, 2), section("SHORT_ANSWER", 1, 5)));
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(375, 812);
            open(chromium, page, candidate, exam);

            page.context().setOffline(true);
            page.locator("#item-body input[type=radio]").nth(1).check();
            page.waitForSelector("#save-state[data-state='offline']");
            assertThat(page.getAttribute("#item-state", "data-state")).isEqualTo("offline");
            page.click("#next");
            page.locator("#item-body input[type=radio]").nth(0).check();
            page.click("#next");
            page.locator("#item-body input").nth(0).fill("一网通办");
            page.locator("#item-body input").nth(1).fill("跨省通办");
            page.click("#next");
            page.fill("#item-body textarea", "一窗受理，就是一个窗口收件。");
            page.click("#prev");
            page.waitForSelector("#item-state[data-state='offline']");
            assertThat(page.textContent("#save-state")).isEqualTo("离线，答案已暂存在本机");
            assertThat(page.locator("#navigator button.btn-success").count()).isEqualTo(4);
            assertThat(storedAnswers(candidate, exam).size()).as("nothing reached the server while offline").isZero();

            page.context().setOffline(false);
            page.waitForSelector("#save-state[data-state='saved']", new Page.WaitForSelectorOptions().setTimeout(15_000));
            JsonNode stored = storedAnswers(candidate, exam);
            assertThat(stored.get("1").asString()).isEqualTo("B");
            assertThat(stored.get("2").asBoolean()).isTrue();
            assertThat(stored.get("3").toString()).isEqualTo("[\"一网通办\",\"跨省通办\"]");
            assertThat(stored.get("4").asString()).isEqualTo("一窗受理，就是一个窗口收件。");
        }
    }

    private long publishedExam(String candidate, String title, List<Map<String, Object>> sections) {
        Api api = as(user("ORGANIZER"));
        long bank = bank(api, unique("浏览器测试题库"), 2);
        long exam = api.post("/api/v1/exams", exam(title, List.of(bank), "PER_CANDIDATE", sections)).id();
        api.post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", List.of(candidate)));
        api.post("/api/v1/exams/" + exam + "/publish", null);
        return exam;
    }

    private void open(Chromium chromium, Page page, String candidate, long exam) {
        chromium.login(page, candidate, PASSWORD);
        page.navigate(chromium.url("/my/exams"));
        page.click(".start-exam");
        page.waitForSelector("#navigator button");
    }

    /** The answers the server holds for the candidate's attempt (resuming it returns them). */
    private JsonNode storedAnswers(String candidate, long exam) {
        return as(candidate).post("/api/v1/exams/" + exam + "/attempt", null).json().get("answers");
    }

    private long lastAccess(String username) {
        return jdbc.sql("select max(last_access_time) from spring_session where principal_name = :u").param("u", username)
                .query(Long.class).single();
    }

    private static void waitSaved(Page page) {
        page.waitForSelector("#save-state[data-state='saved']");
    }
}
