package cn.arena.exam;

import static cn.arena.exam.ExamFixtures.bank;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** An organizer builds an exam in the form, sees what the banks can supply before saving, enrols and publishes. */
class OrganizerExamBrowserIT extends ApiTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    @Test
    void organizerPreviewsTheBlueprintSavesEnrolsAndPublishes() {
        Assumptions.assumeTrue(Files.exists(CHROMIUM), "Debian's chromium is not installed: apt-get install chromium fonts-noto-cjk");
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        String bankName = "组卷预览题库" + unique("b");
        bank(as(organizer), bankName, 2);

        try (Playwright playwright = Playwright.create();
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")))) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN")).newPage();
            String base = "http://localhost:" + port;
            page.navigate(base + "/login");
            page.fill("#username", organizer);
            page.fill("#password", PASSWORD);
            page.click("#login-submit");
            page.waitForURL(base + "/");

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
            page.click("#publish");
            page.waitForSelector("#exam-status:text-is('已发布')");
        }
        assertThat(as(candidate).get("/api/v1/exams").status()).isEqualTo(403);
    }
}
