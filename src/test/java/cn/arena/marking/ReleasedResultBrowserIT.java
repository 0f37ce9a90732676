package cn.arena.marking;

import cn.arena.support.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;

import com.microsoft.playwright.Page;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * In headless Chromium: a grader marks the short answer on the blind marking screen; at phone width the candidate first
 * finds a friendly "not yet released" page and, after the organizer releases (through the API), sees the score, each
 * item's points, the correct answers and the analysis; the organizer's results page shows the ranking and statistics.
 */
class ReleasedResultBrowserIT extends MarkingTest {

    @Test
    void candidateSeesTheReleasedResultOnAPhone() {
        String organizer = user("ORGANIZER");
        String grader = user("GRADER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", "浏览器测试题库")).id();
        addQuestions(organizer, bank);
        long exam = createExam(organizer, bank, "一网通办知识测试", null);
        String candidate = user("CANDIDATE");
        enrolAndPublish(organizer, exam, List.of(candidate));
        Sitting sitting = start(candidate, exam);
        answer(sitting, SINGLE, sitting.key(SINGLE, "数据共享、业务协同"));
        answer(sitting, TF, false);
        answer(sitting, FILL, List.of("一网通办", "跨省通办"));
        answer(sitting, SHORT, "一窗受理");
        assertThat(as(candidate).post("/api/v1/attempts/" + sitting.attemptId() + "/submit", null).status()).isEqualTo(200);
        assertReceived(organizer, exam, 1);
        String resultUrl = "http://localhost:" + port + "/my/attempts/" + sitting.attemptId() + "/result";

        try (Chromium chromium = Chromium.launch(port)) {
            // The grader marks the one short answer on the blind marking screen.
            Page marker = chromium.page(1280, 900);
            chromium.login(marker, grader, PASSWORD);
            marker.navigate("http://localhost:" + port + "/marking");
            marker.click("#marking-exams a[href='/marking/exams/" + exam + "']");
            marker.waitForSelector("#task-stem:has-text('一窗一网一次')");
            assertThat(marker.textContent("#task-answer")).isEqualTo("一窗受理");
            assertThat(marker.textContent("#task-reference")).isEqualTo("一窗受理、一网通办、一次办好");
            assertThat(marker.textContent("main")).doesNotContain(candidate);
            marker.fill("#mark-points", "11");
            marker.click("#mark-save");
            marker.waitForSelector("#mark-points.is-invalid");
            assertThat(marker.textContent("#mark-points-error")).contains("0").contains("10");
            marker.fill("#mark-points", "6");
            marker.fill("#mark-comment", "要点不全");
            marker.click("#mark-save");
            marker.waitForSelector("#marking-done:not(.d-none)");
            // Second thoughts before release: reopen the previous task and change its mark.
            marker.click("#done-previous");
            marker.waitForSelector("#marking-task:not(.d-none)");
            assertThat(marker.inputValue("#mark-points")).isEqualTo("6");
            assertThat(marker.inputValue("#mark-comment")).isEqualTo("要点不全");
            marker.fill("#mark-points", "7");
            marker.click("#mark-save");
            marker.waitForSelector("#marking-done:not(.d-none)");
            assertMarked(organizer, exam, 1);

            Page page = chromium.page(375, 740);
            chromium.login(page, candidate, PASSWORD);

            page.navigate(resultUrl);
            assertThat(page.textContent("#result-waiting")).contains("尚未发布");
            assertThat(page.content()).doesNotContain(ANALYSIS);

            assertThat(as(organizer).post("/api/v1/exams/" + exam + "/release", null).status()).isEqualTo(200);
            page.navigate("http://localhost:" + port + "/my/exams");
            page.click("a[href='/my/attempts/" + sitting.attemptId() + "/result']");
            page.waitForSelector("#result-score");
            // 2 (single) + 0 (true/false) + 4 (fill-blank) + 7 (short answer, graded) = 13
            assertThat(page.textContent("#result-score").strip()).isEqualTo("13.00");
            String fill = page.textContent("#item-" + sitting.no(FILL) + " .item-correct");
            assertThat(fill).isEqualTo("一网通办；跨省通办");
            assertThat(page.textContent("#item-" + sitting.no(TF) + " .item-answer")).isEqualTo("错误");
            assertThat(page.textContent("#item-" + sitting.no(TF) + " .item-correct")).isEqualTo("正确");
            assertThat(page.textContent("#item-" + sitting.no(SINGLE) + " .item-correct"))
                    .isEqualTo(sitting.key(SINGLE, "数据共享、业务协同"));
            assertThat(page.textContent("#item-" + sitting.no(SINGLE))).contains(ANALYSIS);
            assertThat(page.textContent("#item-" + sitting.no(ESSAY) + " .item-answer")).isEqualTo("未作答");
            assertThat(page.textContent("#item-" + sitting.no(SHORT))).contains("要点不全").contains("得分 7 / 10");
            // Nothing wider than the phone: no horizontal scrolling.
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);

            // The organizer's results page shows the release, the ranking and the item statistics.
            Page staff = chromium.page(1280, 900);
            chromium.login(staff, organizer, PASSWORD);
            staff.navigate("http://localhost:" + port + "/marking");
            staff.click("#marking-exams a[href='/exams/" + exam + "/results']");
            staff.waitForSelector("#ranking");
            assertThat(staff.textContent("#release-state")).contains(organizer);
            assertThat(staff.textContent("#ranking")).contains(candidate).contains("13.00");
            assertThat(staff.locator("#item-stats tbody tr").count()).isEqualTo(6);
        }
    }

}
