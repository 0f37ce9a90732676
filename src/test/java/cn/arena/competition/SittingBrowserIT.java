package cn.arena.competition;

import static cn.arena.competition.CompetitionFixtures.rows;
import static cn.arena.competition.CompetitionFixtures.team;
import static cn.arena.competition.CompetitionFixtures.validMembers;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.Chromium;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium, an organizer arranges a sitting on the stage page by picking the exam by its title and typing
 * rooms as rows, sees the one-time passwords once, finds the sitting again after a reload on its own page (without
 * passwords), downloads its sign-in sheet, re-issues a password, and advances the stage through its preview: first
 * told why nobody can advance, then, with results released, shown who would and confirming it.
 */
class SittingBrowserIT extends CompetitionTest {

    @Test
    void anOrganizerArrangesASittingFindsItAgainDownloadsTheSignInSheetAndAdvancesThroughThePreview() throws Exception {
        long county = orgUnit(unique("江阴市"), "COUNTY", null);
        String townName = unique("青阳镇为民服务中心");
        long town = orgUnit(townName, "TOWN", county);
        String organizer = user("ORGANIZER", county);
        Api org = as(organizer);
        var created = org.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", unique("场次页面测试"),
                "orgUnitId", county, "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString()));
        long preliminary = created.json().get("stages").get(0).get("id").asLong();
        long registered = org.post("/api/v1/competitions/" + created.id() + "/teams", team(town, validMembers("TOWN"))).id();
        assertThat(org.post("/api/v1/teams/" + registered + "/approve", null).status()).isEqualTo(200);
        long bank = trueFalseBank(org, 2);
        String title = unique("初赛 第一场");
        long exam = exam(org, bank, 2, title);
        String draftTitle = unique("初赛草稿");
        draftExam(org, bank, 2, draftTitle);

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900);
            chromium.login(page, organizer, PASSWORD);
            page.navigate(chromium.url("/stages/" + preliminary));
            assertThat(page.isVisible("#no-sittings")).isTrue();
            // the exam is picked by its title among the published ones; the draft is not offered
            assertThat(page.textContent("#exam-id")).contains(title).doesNotContain(draftTitle);
            page.selectOption("#exam-id", page.locator("#exam-id option", new Page.LocatorOptions().setHasText(title)).getAttribute("value"));
            // a refusal is shown beside the form, which keeps what was typed
            page.click("#create-sitting");
            page.waitForSelector("#sitting-errors .alert");
            assertThat(page.textContent("#sitting-errors")).contains("请选择本场次的单位类型");
            page.check("#kind-TOWN");
            page.locator(".room-name").nth(0).fill("第一会议室");
            page.locator(".room-seats").nth(0).fill("3");
            page.click("#add-room");
            page.locator(".room-name").nth(1).fill("第四会议室");
            page.locator(".room-seats").nth(1).fill("2");
            page.click("#create-sitting");
            page.waitForSelector("#issued-accounts");
            Locator issued = page.locator("#issued-accounts tbody tr");
            assertThat(issued.count()).isEqualTo(5);
            List<String[]> logins = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                logins.add(new String[] {issued.nth(i).locator(".username").textContent(), issued.nth(i).locator(".password").textContent()});
            }
            Chromium.screenshot(page, "stage-sitting-created");

            // after a reload the sitting is listed, and the passwords are gone
            page.reload();
            assertThat(page.textContent("#sittings")).contains(title).contains("5");
            assertThat(page.content()).doesNotContain(logins.get(0)[1]);
            page.click("#sittings .sitting-link");
            page.waitForSelector("#seats");
            assertThat(page.textContent("#sitting-exam")).isEqualTo(title);
            Locator seats = page.locator("#seats tbody tr");
            assertThat(seats.count()).isEqualTo(5);
            assertThat(seats.nth(0).textContent()).contains("第一会议室").contains(townName).contains(logins.get(0)[0]);
            assertThat(seats.nth(3).textContent()).contains("第四会议室");
            assertThat(page.content()).doesNotContain(logins.get(0)[1]);
            Chromium.screenshot(page, "sitting-page");

            Download download = page.waitForDownload(() -> page.click("#sign-in-sheet"));
            List<List<String>> rows = rows(Files.readAllBytes(download.path()));
            assertThat(rows.get(0)).containsExactly("考场", "座号", "姓名", "单位", "账号", "签名");
            assertThat(rows).hasSize(6);
            assertThat(rows.get(1).get(0)).isEqualTo("第一会议室");
            assertThat(rows.get(1).get(4)).isEqualTo(logins.get(0)[0]);

            // a lost password re-issued after a confirmation: shown once, and the old one no longer signs in
            page.onDialog(dialog -> dialog.accept());
            seats.nth(0).locator(".reissue-one").click();
            page.waitForSelector("#reissued-accounts");
            String renewed = page.textContent("#reissued-accounts .password");
            assertThat(renewed).isNotBlank().isNotEqualTo(logins.get(0)[1]);
            assertThat(Api.basic(port, logins.get(0)[0], logins.get(0)[1]).post("/api/v1/auth/token", null).status()).isEqualTo(401);
            logins.get(0)[1] = renewed;
            Chromium.screenshot(page, "sitting-reissued");

            // before any result: nobody absent, and the preview says why nobody can advance
            page.navigate(chromium.url("/stages/" + preliminary));
            assertThat(page.textContent("#individual-standings")).contains("待出成绩").doesNotContain("缺考");
            page.click("#advance");
            page.waitForSelector("#advance-preview .advance-blocked");
            assertThat(page.textContent("#advance-preview")).contains("还没有已发布的成绩");
            assertThat(page.isVisible("#confirm-advance")).isFalse();

            // four of five sit, results are released: the preview names the team, and confirming advances it
            for (int i = 0; i < 4; i++) {
                sit(logins.get(i)[0], logins.get(i)[1], exam, 1 + i % 2);
            }
            release(org, exam);
            page.reload();
            assertThat(page.textContent("#individual-standings")).contains("缺考");
            page.click("#advance");
            page.waitForSelector("#advance-preview #advancing");
            assertThat(page.textContent("#advancing")).contains(townName);
            Chromium.screenshot(page, "stage-advance-preview");
            assertThat(org.get("/api/v1/stages/" + preliminary + "/standings").json().get("teams").get(0).get("advanced").asBoolean()).isFalse();
            page.click("#confirm-advance");
            page.waitForSelector("#advance-done");
            assertThat(page.textContent("#advance-done")).contains("已确定晋级").contains(townName);
            page.click("#reload-standings");
            page.waitForSelector("#team-standings .advanced");
            Chromium.screenshot(page, "stage-advanced");
        }
    }
}
