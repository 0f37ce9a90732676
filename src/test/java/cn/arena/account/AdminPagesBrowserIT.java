package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import cn.arena.support.Chromium;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** An admin at a desktop: edits a user's unit by picking its name, disables the user, and filters the audit log. */
class AdminPagesBrowserIT extends ApiTest {

    @Test
    void anAdminMovesAUserToAUnitPickedByNameThenDisablesThem() {
        String city = unique("无锡市");
        long parent = orgUnit(city, "CITY", null);
        String county = unique("江阴市");
        orgUnit(county, "COUNTY", parent);
        String member = user("CANDIDATE");
        long id = as(member).get("/api/v1/me").json().get("id").asLong();

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900);
            chromium.login(page, "admin", ADMIN_PASSWORD);
            page.click("nav a[href='/admin/users']");
            page.fill("input[name=q]", member);
            page.click("form[role=search] button");
            // The search reloads the page; a click before it lands would hit the old list, which is then replaced.
            page.waitForURL(url -> url.contains("q=" + member));
            page.click("#user-" + id + " .u-edit");
            page.waitForSelector("#user-" + id + " .u-edit-form");
            assertThat(page.locator("#org-units option[value='" + city + " / " + county + "']").count()).isEqualTo(1);
            page.fill("#edit-name-" + id, "周敏");
            page.fill("#edit-unit-" + id, city + " / " + county);
            Chromium.screenshot(page, "users-edit");
            page.click("#user-" + id + " .u-save");
            page.waitForSelector("#user-" + id + " .u-notice");
            assertThat(page.textContent("#user-" + id + " .u-unit")).isEqualTo(city + " / " + county);
            assertThat(page.textContent("#user-" + id + " .u-name")).isEqualTo("周敏");

            page.onDialog(dialog -> dialog.accept());
            page.click("#user-" + id + " .u-disable");
            page.waitForSelector("#user-" + id + " .u-enable");
            assertThat(page.textContent("#user-" + id + " .u-standing")).contains("已停用");
            Chromium.screenshot(page, "users-disabled");
        }
        assertThat(as(member).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anAdminFiltersTheAuditLogByActionNameAndDay() {
        String organizer = user("ORGANIZER");
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900);
            chromium.login(page, organizer, PASSWORD);
            Page admin = chromium.page(1280, 900);
            chromium.login(admin, "admin", ADMIN_PASSWORD);
            admin.navigate(chromium.url("/admin/audit"));
            admin.selectOption("#audit-action", new com.microsoft.playwright.options.SelectOption().setLabel("登录"));
            String today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
            admin.fill("#audit-from", today);
            admin.fill("#audit-to", today);
            admin.click("#audit-apply");
            admin.waitForURL(url -> url.contains("action=LOGIN"));
            assertThat(admin.textContent("#audit-table")).contains(organizer).contains("登录").doesNotContain("创建用户")
                    .doesNotContain("0:0:0:0:0:0:0:1");
            assertThat(admin.locator("#audit-table tbody td.audit-action").allTextContents()).containsOnly("登录");
            Chromium.screenshot(admin, "audit-filtered");
        }
    }
}
