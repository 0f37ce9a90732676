package cn.arena.competition;

import static cn.arena.competition.CompetitionFixtures.idNumber;
import static cn.arena.competition.CompetitionFixtures.mobile;
import static cn.arena.competition.CompetitionFixtures.withBadCheckDigit;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;


import cn.arena.support.Api;
import cn.arena.support.Chromium;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * In headless Chromium: a unit contact registers a team through the online form (a bad ID number is shown on its
 * member first), the organizer sees the team and approves it, and after the preliminary is sat and released through the
 * API, the organizer applies advancement on the stage page and sees the team in the advancement list, names its
 * finalists, enters its final score and finds it on the award list.
 */
class TeamRegistrationBrowserIT extends CompetitionTest {

    @Test
    void aUnitContactRegistersAndTheOrganizerApprovesAndSeesTheAdvancementList() throws Exception {
        long county = orgUnit(unique("江阴市"), "COUNTY", null);
        String townName = unique("青阳镇为民服务中心");
        long town = orgUnit(townName, "TOWN", county);
        String organizer = user("ORGANIZER", county);
        String contact = user("UNIT_CONTACT", town);
        var created = as(organizer).post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "浏览器报名测试",
                "orgUnitId", county, "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString()));
        long competition = created.id();
        long preliminary = created.json().get("stages").get(0).get("id").asLong();
        String base = "http://localhost:" + port;
        String[] names = {"王丽娟", "李建国", "张敏", "刘洋", "陈静"};
        String[] categories = {"COMMUNITY_STAFF", "COMMUNITY_STAFF", "FRONT_DESK", "BACK_OFFICE", "MANAGEMENT"};
        String goodId = idNumber();

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900);
            chromium.login(page, contact, PASSWORD);
            page.navigate(base + "/competitions");
            page.click("text=浏览器报名测试");
            page.click("#register-link");
            page.waitForSelector("#team-form");
            page.fill("#contactName", "仇淑婕");
            page.fill("#contactPhone", "0510-88027737");
            Locator rows = page.locator(".member-row");
            for (int i = 0; i < 5; i++) {
                Locator row = rows.nth(i);
                row.locator(".m-name").fill(names[i]);
                row.locator(".m-id").fill(i == 1 ? withBadCheckDigit(goodId) : idNumber());
                row.locator(".m-mobile").fill(mobile());
                row.locator(".m-category").selectOption(categories[i]);
            }
            page.click("#submit-team");
            page.waitForSelector("#errors .alert-danger");
            assertThat(page.textContent("#errors")).contains("第 2 名队员");
            assertThat(rows.nth(1).locator(".m-errors").textContent()).isNotBlank();
            assertThat(rows.nth(0).locator(".m-errors").textContent()).isBlank();
            assertThat(rows.nth(1).locator(".m-name").inputValue()).as("what was typed stays").isEqualTo(names[1]);
            assertThat(page.locator("#no-teams").isVisible()).isTrue();
            Chromium.screenshot(page, "registration-refused");

            Page phone = chromium.page(375, 812);
            chromium.login(phone, contact, PASSWORD);
            phone.navigate(base + "/competitions/" + competition + "/register");
            phone.waitForSelector("#team-form");
            assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth")).as("the form fits a 375 px phone").isLessThanOrEqualTo(375);
            assertThat(phone.locator(".member-row .m-id").first().boundingBox().width).as("room for an 18-digit ID number").isGreaterThan(250);
            Chromium.screenshot(phone, "registration-phone");
            phone.close();

            rows.nth(1).locator(".m-id").fill(goodId);
            page.click("#submit-team");
            page.waitForSelector("#registered");
            assertThat(page.textContent("#registered")).contains(townName).contains("已提交");
            assertThat(page.textContent("#my-teams")).contains(townName).contains("待审核");
            assertThat(page.textContent("#errors")).as("the earlier refusal is cleared").isBlank();
            assertThat(rows.nth(1).locator(".m-errors").textContent()).isBlank();
            assertThat(rows.nth(0).locator(".m-name").inputValue()).as("the form is emptied").isEmpty();

            Page staff = chromium.page(1280, 900);
            chromium.login(staff, organizer, PASSWORD);
            staff.navigate(base + "/competitions/" + competition);
            staff.click("#teams-link");
            staff.waitForSelector("#teams");
            assertThat(staff.textContent("#teams")).contains(townName).contains("王丽娟").doesNotContain(goodId);
            staff.click("#teams .reject");
            staff.click("#teams .confirm-reject");
            staff.waitForSelector("#team-error .alert-danger");
            assertThat(staff.textContent("#team-error")).as("a rejection needs its reason").contains("驳回原因");
            staff.fill("#teams .reject-reason", "人员性质填写有误");
            staff.click("#teams .confirm-reject");
            staff.waitForSelector("#teams .team-status:text('已驳回')");
            assertThat(staff.textContent("#teams .team-reason")).contains("人员性质填写有误");
            Chromium.screenshot(staff, "teams-rejected");
            staff.click("#teams .approve");
            staff.waitForSelector("#teams .team-status:text('已通过')");

            // the preliminary, set up and sat through the API
            Api org = as(organizer);
            long bank = trueFalseBank(org, 4);
            long exam = exam(org, bank, 4, "初赛");
            JsonNode sitting = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", exam, "unitKinds", List.of("TOWN"))).json();
            int right = 4;
            for (JsonNode account : sitting.get("accounts")) {
                sit(account.get("username").asString(), account.get("initialPassword").asString(), exam, right--);
            }
            release(org, exam);

            staff.navigate(base + "/stages/" + preliminary);
            assertThat(staff.textContent("#team-standings")).contains(townName).contains("50");
            staff.click("#advance");
            staff.click("#confirm-advance");
            staff.click("#reload-standings");
            staff.waitForSelector("#team-standings .advanced");
            assertThat(staff.textContent("#team-standings tr:has(.advanced) .unit-name")).isEqualTo(townName);
            assertThat(staff.locator("#individual-standings tbody tr").count()).isEqualTo(5);

            // the final: three finalists named and the live score entered by hand, then the award list
            long fin = created.json().get("stages").get(1).get("id").asLong();
            staff.navigate(base + "/stages/" + fin);
            Locator card = staff.locator(".final-team").first();
            card.locator(".finalist").nth(0).check();
            card.locator(".finalist").nth(1).check();
            card.locator(".name-finalists").click();
            staff.waitForSelector(".final-team .team-result .alert-danger");
            card.locator(".finalist").nth(2).check();
            card.locator(".name-finalists").click();
            staff.waitForSelector(".final-team .team-result .alert-success");
            assertThat(card.locator(".team-result").textContent()).contains(townName);
            card.locator(".final-score").fill("88.5");
            card.locator(".save-score").click();
            staff.waitForSelector("#team-standings td:text('88.50')");
            staff.navigate(base + "/competitions/" + competition + "/awards");
            assertThat(staff.textContent("#team-awards")).contains("一等奖").contains(townName);
            assertThat(staff.textContent("#individual-awards")).contains("一等奖").contains("二等奖");

            // the contact takes the team back, after confirming
            page.navigate(base + "/competitions/" + competition + "/register");
            page.onceDialog(dialog -> dialog.accept());
            page.click("#my-teams .withdraw");
            page.waitForSelector("#registered");
            assertThat(page.textContent("#registered")).contains("已撤回");
            assertThat(page.textContent("#my-teams .team-status")).isEqualTo("已撤回");
        }
    }

}
