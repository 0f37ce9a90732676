package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.Chromium;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A member studies today's set on a 375 px phone, seeing the key after each answer and the streak grow; an organizer
 * sees the participation chart on a desktop. Screenshots go to {@code target/screenshots/}.
 */
class PracticeBrowserIT extends PracticeTest {

    private static final Path SHOTS = Path.of("target/screenshots");

    @Test
    void aMemberStudiesTodaysSetOnAPhoneAndSeesTheKeyAfterEachAnswer() {
        at("2027-03-01T09:00:00+08:00");
        long id = smallProgramme();
        at("2027-03-02T08:00:00+08:00");
        study(f.members.get("甲"), id);
        at("2027-03-03T08:00:00+08:00");
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(375, 812);
            chromium.login(page, f.usernames.get("甲"), f.passwords.get("甲"));
            page.navigate(chromium.url("/my/practice"));
            page.waitForSelector("#practice-home");
            assertThat(page.textContent("#streak")).isEqualTo("1");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("practice-home-375.png")).setFullPage(true));
            page.click("#study-link");
            for (int no = 1; no <= 3; no++) {
                page.waitForSelector("#answer-submit");
                assertThat(page.textContent(".question-progress")).contains("第 " + no + " 题");
                assertThat(page.locator(".answer-key").count()).as("no key before answering").isZero();
                var right = page.locator(".answer-option", new Page.LocatorOptions().setHasText(PracticeFixture.RIGHT));
                (right.count() > 0 ? right.first() : page.locator(".answer-option").first()).click();
                page.click("#answer-submit");
                page.waitForSelector(".answer-key");
                assertThat(page.textContent(".answer-verdict")).isEqualTo("回答正确");
                assertThat(page.textContent(".answer-analysis")).contains(PracticeFixture.ANALYSIS);
                if (no == 1) {
                    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("practice-study-375.png")).setFullPage(true));
                }
                page.click("#answer-next");
            }
            page.waitForSelector(".study-summary");
            assertThat(page.textContent(".study-summary")).contains("答对 3 题");
            assertThat(page.textContent(".study-streak")).contains("已连续学习 2 天");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("practice-summary-375.png")).setFullPage(true));
            page.navigate(chromium.url("/my/practice/" + id + "/board"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("practice-board-375.png")).setFullPage(true));
            page.navigate(chromium.url("/my/practice/" + id + "/mistakes"));
            assertThat(page.textContent("#no-mistakes")).isEqualTo("错题本是空的");
        }
    }

    @Test
    void aMemberResumesTodaysSetClearsAMistakeByTwoRightAnswersAndFindsTheirOwnRowAndTitle() throws InterruptedException {
        at("2027-03-01T09:00:00+08:00");
        long id = smallProgramme();
        Api jia = f.members.get("甲");
        study(jia, id, 1);
        sit(jia, calendar(id, "2027-03").get("weeks").get(0).get("examId").asLong(), 4);
        at("2027-03-08T00:01:00+08:00");
        runJobUntil(() -> board(f.organizer, id, "period=WEEK&key=2027-W09").get("total").asInt() == 1);
        at("2027-03-08T09:00:00+08:00");
        JsonNode today = jia.get(base(id) + "/daily").json();
        assertThat(jia.put(base(id) + "/daily/answers/1", Api.obj("value", PracticeFixture.right(today.get("items").get(0)))).status())
                .isEqualTo(200);
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(375, 812);
            chromium.login(page, f.usernames.get("甲"), f.passwords.get("甲"));
            page.navigate(chromium.url("/my/practice/" + id + "/study"));
            page.waitForSelector("#answer-submit");
            assertThat(page.textContent(".question-progress")).as("resumes where it stopped").contains("第 2 题");

            page.navigate(chromium.url("/my/practice/" + id + "/mistakes"));
            page.waitForSelector(".mistake .answer-option");
            assertThat(page.locator(".mistake").count()).isEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("practice-mistakes-375.png")).setFullPage(true));
            var card = page.locator(".mistake").first();
            assertThat(card.locator("details").getAttribute("open")).as("the key is folded away until asked for").isNull();
            assertThat(card.locator(".mistake-key").textContent()).as("the key in words, not JSON").doesNotContain("\"");
            var right = card.locator(".answer-option", new com.microsoft.playwright.Locator.LocatorOptions().setHasText(PracticeFixture.RIGHT));
            (right.count() > 0 ? right.first() : card.locator(".answer-option").first()).click();
            card.locator(".practise button.btn-sm").click();
            page.waitForSelector(".mistake .practise p:has-text('回答正确')");
            card.locator(".practise button.btn-sm").click();
            page.waitForSelector(".mistake .practise p:has-text('已移出错题本')");
            assertThat(jia.get(base(id) + "/mistakes").json().get("items")).as("two right in a row cleared it").isEmpty();

            page.navigate(chromium.url("/my/practice/" + id + "/board"));
            page.waitForSelector("#my-row");
            assertThat(page.textContent("#my-row")).contains("第 1 名");
            assertThat(page.textContent("#board")).contains("周周练达人 · 2027-W09");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("practice-board-ranked-375.png")).setFullPage(true));
        }
    }

    @Test
    void aNewMemberMustChangeTheInitialPasswordBeforeReachingHome() throws java.io.IOException {
        at("2027-03-01T09:00:00+08:00");
        smallProgramme();
        java.util.List<String> newcomer = f.newcomer("新人" + unique(""), f.cityA);
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(375, 812);
            page.navigate(chromium.url("/login"));
            page.fill("#username", newcomer.get(1));
            page.fill("#password", newcomer.get(2));
            page.click("#login-submit");
            page.waitForSelector("#initial-password");
            assertThat(page.url()).as("an initial password goes to the password change first").endsWith("/account?initial");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("first-login-375.png")).setFullPage(true));
            for (String held : java.util.List.of("/", "/my/practice")) {
                page.navigate(chromium.url(held));
                page.waitForSelector("#initial-password");
                assertThat(page.url()).as(held + " is out of reach until the password is changed").endsWith("/account?initial");
            }
            page.fill("#currentPassword", newcomer.get(2));
            page.fill("#newPassword", PracticeFixture.CHOSEN);
            page.fill("#confirmPassword", PracticeFixture.CHOSEN);
            page.click("main button[type=submit]");
            page.waitForSelector("#go-home");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("first-login-changed-375.png")).setFullPage(true));
            page.click("#go-home");
            page.waitForLoadState();
            assertThat(page.url()).doesNotContain("/account");
            page.navigate(chromium.url("/my/practice"));
            page.waitForSelector("#practice-home");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("first-login-home-375.png")).setFullPage(true));
        }
    }

    @Test
    void anOrganizerSeesTheParticipationChartAboveItsTable() {
        at("2027-03-01T09:00:00+08:00");
        long id = smallProgramme();
        study(f.members.get("甲"), id);
        study(f.members.get("丁"), id);
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900);
            chromium.login(page, f.organizerName, PASSWORD);
            page.navigate(chromium.url("/practice/" + id));
            page.waitForSelector("#chart-units canvas");
            assertThat(page.locator("#chart-months canvas").count()).isEqualTo(1);
            assertThat(page.textContent("#participants")).isEqualTo("2");
            assertThat(page.locator("#units-table tbody tr").count()).isEqualTo(2);
            assertThat(page.textContent("#never")).contains("戊");
            assertThat(page.locator("#never .never-unit").count()).as("grouped by unit: 乙 in A, 丙 in A1, 戊 in B, 己 the province's").isEqualTo(4);
            assertThat(page.locator("#never .never-unit", new Page.LocatorOptions().setHasText(f.names.get("戊"))).textContent().strip())
                    .startsWith("乙市").contains("1 人");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("practice-dashboard-desktop.png")).setFullPage(true));
        }
    }
}
