package cn.arena.exam;

import static cn.arena.exam.ExamFixtures.bank;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import cn.arena.support.Chromium;

import com.microsoft.playwright.Page;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An organizer builds an exam in the form, sees what the banks can supply before saving, enrols and publishes. */
class OrganizerExamBrowserIT extends ApiTest {

    @Test
    void organizerPreviewsTheBlueprintSavesEnrolsAndPublishes() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        String bankName = "组卷预览题库" + unique("b");
        bank(as(organizer), bankName, 2);

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900);
            String base = "http://localhost:" + port;
            chromium.login(page, organizer, PASSWORD);

            page.navigate(base + "/exams/new");
            page.fill("#title", "窗口人员业务测验");
            page.locator("#banks label", new Page.LocatorOptions().setHasText(bankName)).locator("input").check();
            page.waitForSelector("#preview.alert-danger");
            assertThat(page.textContent("#sections tbody tr .s-shortfall")).isEqualTo("8");
            page.fill("#sections tbody tr .s-count", "2");
            page.waitForSelector("#preview.alert-success");
            page.click("#add-section");
            page.locator("#sections tbody tr").nth(1).locator(".s-type").selectOption("ESSAY");
            page.locator("#sections tbody tr").nth(1).locator(".s-count").fill("1");
            page.waitForSelector("#preview.alert-success");

            DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
            page.fill("#windowStart", LocalDateTime.now().minusHours(1).format(local));
            page.fill("#windowEnd", LocalDateTime.now().plusDays(1).format(local));
            page.click("#new-exam button[type=submit]");
            page.waitForURL(url -> url.matches(".*/exams/\\d+$"));
            assertThat(page.textContent("h1")).isEqualTo("窗口人员业务测验");
            assertThat(page.textContent("#exam-status")).isEqualTo("草稿");

            page.fill("#usernames", candidate + "\n");
            page.click("#enrol-form button[type=submit]");
            page.waitForSelector("table td:text-is('" + candidate + "')");
            page.onDialog(dialog -> dialog.accept());
            page.click("#publish");
            page.waitForSelector("#exam-status:text-is('已发布')");
            Chromium.screenshot(page, "exam-detail");
        }
        assertThat(as(candidate).get("/api/v1/exams").status()).isEqualTo(403);
    }

    @Test
    void aBrowserInUtcTypesTheExamDayInBeijingTimeAndPicksTheCategoryFromTheBanksTree() {
        String organizer = user("ORGANIZER");
        String bankName = "时区题库" + unique("b");
        bank(as(organizer), bankName, 3);

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900, "UTC");
            chromium.login(page, organizer, PASSWORD);
            page.navigate(chromium.url("/exams/new"));
            assertThat(page.textContent("label[for=windowStart]")).contains("北京时间");
            page.fill("#title", "跨时区测验");
            page.locator("#banks label", new Page.LocatorOptions().setHasText(bankName)).locator("input").check();
            page.waitForSelector("#sections tbody tr .s-category option[value='政务服务/一网通办']", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            page.locator("#sections tbody tr .s-category").selectOption("政务服务/一网通办");
            page.fill("#sections tbody tr .s-count", "3");
            page.waitForSelector("#preview.alert-success");
            assertThat(page.textContent("#preview")).contains("共 3 题");
            page.fill("#windowStart", "2026-12-10T09:00");
            page.fill("#windowEnd", "2026-12-10T18:00");
            Chromium.screenshot(page, "exam-new-utc-browser");
            page.click("#new-exam button[type=submit]");
            page.waitForURL(url -> url.matches(".*/exams/\\d+$"));
            assertThat(page.textContent("#exam-summary")).contains("2026-12-10 09:00 – 2026-12-10 18:00").contains("北京时间");

            long exam = Long.parseLong(page.url().replaceAll(".*/exams/", ""));
            var stored = as(organizer).get("/api/v1/exams/" + exam).json();
            assertThat(java.time.Instant.parse(stored.get("windowStart").asString())).isEqualTo("2026-12-10T01:00:00Z");
            assertThat(java.time.Instant.parse(stored.get("windowEnd").asString())).isEqualTo("2026-12-10T10:00:00Z");
            assertThat(stored.get("sections").get(0).get("category").asString()).isEqualTo("政务服务/一网通办");
        }
    }
}
