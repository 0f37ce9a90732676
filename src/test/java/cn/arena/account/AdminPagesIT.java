package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import cn.arena.support.WebSession;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AdminPagesIT extends ApiTest {

    @Test
    void anAdminCreatesAUserFromTheForm() {
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        assertThat(web.get("/admin/users").html()).contains("admin");
        String username = unique("grader");
        var created = web.post("/admin/users", Map.of("username", username, "displayName", "阅卷老师", "password", PASSWORD,
                "roles", "GRADER"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(as(username).get("/api/v1/me").json().get("roles").toString()).contains("GRADER");
        assertThat(web.get("/admin/users?q=" + username).html()).contains(username).contains("阅卷人");

        var refused = web.post("/admin/users", Map.of("username", username, "displayName", "x", "password", "weak", "roles", "GRADER"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("已被使用").doesNotContain("value=\"weak\"");
    }

    @Test
    void anOrganizerSeesOnlyTheUsersOfTheirScopeAndImportsIntoIt() throws Exception {
        long district = orgUnit(unique("江阴市"), "COUNTY", null);
        long elsewhere = orgUnit(unique("宜兴市"), "COUNTY", null);
        String mine = user("CANDIDATE", district);
        String theirs = user("CANDIDATE", elsewhere);
        WebSession organizer = WebSession.login(port, user("ORGANIZER", district), PASSWORD);
        String list = organizer.get("/admin/users").html();
        assertThat(list).contains(mine).doesNotContain(theirs).doesNotContain(">admin<");

        String unitName = admin().get("/api/v1/org-units/" + district).json().get("name").asText();
        String imported = unique("imp");
        var refused = organizer.upload("/admin/users/import", Api.xlsx(List.of(List.of("用户名", "姓名", "密码", "角色", "单位"),
                List.of(imported, "王芳", PASSWORD, "管理员", unitName))));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("第 2 行");
        var done = organizer.upload("/admin/users/import", Api.xlsx(List.of(List.of("用户名", "姓名", "密码", "角色", "单位"),
                List.of(imported, "王芳", PASSWORD, "考生", unitName))));
        assertThat(done.status()).isEqualTo(302);
        assertThat(organizer.get("/admin/users").html()).contains(imported);
    }

    @Test
    void theAuditPageAndExportAreForAdminsAndTheExportIsAudited() throws Exception {
        String organizer = user("ORGANIZER");
        assertThat(WebSession.login(port, organizer, PASSWORD).get("/admin/audit").status()).isEqualTo(403);
        assertThat(as(organizer).get("/api/v1/audit.xlsx").status()).isEqualTo(403);

        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        var unfiltered = web.get("/admin/audit");
        assertThat(unfiltered.status()).isEqualTo(200);
        assertThat(unfiltered.html()).contains("USER_CREATED").contains("LOGIN");
        assertThat(admin().get("/api/v1/audit.xlsx").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/audit").json().get("items")).isNotEmpty();
        var page = web.get("/admin/audit?action=USER_CREATED");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("USER_CREATED").contains(organizer).doesNotContain(">LOGIN<");

        Api.Response export = admin().get("/api/v1/audit.xlsx?action=USER_CREATED");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("audit.xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("操作");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("USER_CREATED");
            boolean listed = false;
            for (var row : sheet) {
                listed |= row.getRowNum() > 0 && organizer.equals(row.getCell(4).getStringCellValue());
            }
            assertThat(listed).isTrue();
        }
        assertThat(admin().get("/api/v1/audit?action=AUDIT_EXPORTED").json().get("items").get(0).get("detail").asText()).startsWith("rows=");
    }

    @Test
    void theUsersPageListsUnitsByNameAndOffersThemToPickNotToTypeAnId() {
        String city = unique("无锡市");
        long parent = orgUnit(city, "CITY", null);
        String county = unique("江阴市");
        long unit = orgUnit(county, "COUNTY", parent);
        String member = user("CANDIDATE", unit);
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);

        String page = web.get("/admin/users?q=" + member).html();
        assertThat(page).contains(city + " / " + county).contains("<datalist id=\"org-units\"")
                .contains("value=\"" + city + " / " + county + "\"").doesNotContain("所属单位编号")
                .doesNotContain(">" + unit + "<");

        String created = unique("cand");
        var done = web.post("/admin/users", Map.of("username", created, "displayName", "李娜", "password", PASSWORD, "roles", "CANDIDATE",
                "orgUnit", city + " / " + county));
        assertThat(done.status()).isEqualTo(302);
        assertThat(as(created).get("/api/v1/me").json().get("orgUnitId").asLong()).isEqualTo(unit);

        var unknown = web.post("/admin/users", Map.of("username", unique("cand"), "displayName", "李娜", "password", PASSWORD,
                "roles", "CANDIDATE", "orgUnit", "不存在的单位"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.html()).contains("找不到名为“不存在的单位”的单位");
    }

    @Test
    void anOrganizerEditsAUsersNameAndUnitInPlaceWithinTheirScopeOnly() {
        String district = unique("江阴市");
        long mine = orgUnit(district, "COUNTY", null);
        String town = unique("澄江街道");
        orgUnit(town, "TOWN", mine);
        String elsewhere = unique("宜兴市");
        orgUnit(elsewhere, "COUNTY", null);
        String member = user("CANDIDATE", mine);
        long id = as(member).get("/api/v1/me").json().get("id").asLong();
        WebSession organizer = WebSession.login(port, user("ORGANIZER", mine), PASSWORD);

        WebSession.Page form = organizer.get("/admin/users/" + id + "/edit");
        assertThat(form.html()).contains("u-edit-form").contains("value=\"" + district + "\"").doesNotContain("<html");

        WebSession.Page saved = organizer.htmx("/admin/users/" + id, Map.of("displayName", "王芳", "orgUnit", district + " / " + town));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.html()).contains("王芳").contains(district + " / " + town).contains("已保存");
        assertThat(WebSession.login(port, member, PASSWORD).get("/").html()).contains("王芳");

        WebSession.Page outside = organizer.htmx("/admin/users/" + id, Map.of("displayName", "王芳", "orgUnit", elsewhere));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.html()).contains("找不到名为“" + elsewhere + "”的单位");
        WebSession.Page blank = organizer.htmx("/admin/users/" + id, Map.of("displayName", " ", "orgUnit", district));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(admin().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(WebSession.login(port, member, PASSWORD).get("/").html()).as("refused edits change nothing").contains("王芳");
    }

    @Test
    void disablingUnlockingAndResettingAPasswordFromTheUsersPage() {
        String member = user("CANDIDATE");
        long id = as(member).get("/api/v1/me").json().get("id").asLong();
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);

        WebSession.Page disabled = web.htmx("/admin/users/" + id + "/enabled?enabled=false", Map.of());
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.html()).contains("已停用").contains("u-enable");
        assertThat(as(member).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(web.htmx("/admin/users/" + id + "/enabled?enabled=true", Map.of()).html()).contains("已启用");
        assertThat(as(member).get("/api/v1/me").status()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            Api.basic(port, member, "wrong-password-" + i).get("/api/v1/me");
        }
        assertThat(as(member).get("/api/v1/me").status()).as("locked").isEqualTo(401);
        assertThat(web.get("/admin/users?q=" + member).html()).contains("已锁定").contains("u-unlock");
        assertThat(web.htmx("/admin/users/" + id + "/unlock", Map.of()).html()).contains("已解锁").contains("正常");
        assertThat(as(member).get("/api/v1/me").status()).isEqualTo(200);

        WebSession.Page reset = web.htmx("/admin/users/" + id + "/password", Map.of());
        assertThat(reset.status()).isEqualTo(200);
        String password = reset.html().replaceAll("(?s).*新密码：(\\S+?)（.*", "$1");
        assertThat(as(member).get("/api/v1/me").status()).as("the old password is gone").isEqualTo(401);
        Api reissued = Api.basic(port, member, password);
        Api.Response held = reissued.get("/api/v1/me");
        assertThat(held.status()).as("a reset password opens nothing until its owner chooses their own").isEqualTo(403);
        assertThat(held.json().get("type").asText()).isEqualTo("urn:arena:problem:password-change-required");
        assertThat(reissued.put("/api/v1/me/password", Api.obj("currentPassword", password, "newPassword", "Chosen-After-Reset-1")).status())
                .isEqualTo(204);
        assertThat(Api.basic(port, member, "Chosen-After-Reset-1").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(web.get("/admin/users?q=" + member).html()).as("shown once").doesNotContain(password);
    }

    @Test
    void anotherScopesUserCannotBeChangedFromThePage() {
        long district = orgUnit(unique("江阴市"), "COUNTY", null);
        String theirs = user("CANDIDATE", orgUnit(unique("宜兴市"), "COUNTY", null));
        long id = as(theirs).get("/api/v1/me").json().get("id").asLong();
        WebSession organizer = WebSession.login(port, user("ORGANIZER", district), PASSWORD);

        assertThat(organizer.htmx("/admin/users/" + id + "/enabled?enabled=false", Map.of()).status()).isEqualTo(404);
        assertThat(organizer.htmx("/admin/users/" + id + "/password", Map.of()).status()).isEqualTo(404);
        assertThat(as(theirs).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void usersAreInTheAdminMenu() {
        assertThat(WebSession.login(port, "admin", ADMIN_PASSWORD).get("/").html()).contains("href=\"/admin/users\"");
        assertThat(WebSession.login(port, user("ORGANIZER"), PASSWORD).get("/").html()).contains("href=\"/admin/users\"");
        assertThat(WebSession.login(port, user("CANDIDATE"), PASSWORD).get("/").html()).doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void theAuditPageNamesActionsFiltersByAListAndADayRangeAndShowsReadableAddresses() {
        String organizer = user("ORGANIZER");
        WebSession.login(port, organizer, PASSWORD);
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        String today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();

        String page = web.get("/admin/audit").html();
        assertThat(page).contains("<option value=\"LOGIN\"").contains("title=\"LOGIN\">登录<").contains("title=\"USER_CREATED\">创建用户<")
                .contains("北京时间")
                .doesNotContain("0:0:0:0:0:0:0:1").doesNotContain(">SUCCESS<");

        String logins = web.get("/admin/audit?action=LOGIN&from=" + today + "&to=" + today).html();
        assertThat(logins).contains(organizer).contains("title=\"LOGIN\">登录<").doesNotContain("title=\"USER_CREATED\"");
        assertThat(web.get("/admin/audit?action=LOGIN&to=2020-01-01").html()).contains("没有符合条件的记录").doesNotContain(organizer);
        assertThat(web.get("/admin/audit?outcome=FAILURE&from=" + today).html()).doesNotContain("title=\"LOGIN\"");
        assertThat(web.get("/admin/audit?from=2026-13-45").html()).contains("日期格式应为 2026-12-01：2026-13-45");

        assertThat(WebSession.login(port, "admin", ADMIN_PASSWORD, "en").get("/admin/audit?action=LOGIN").html())
                .contains("title=\"LOGIN\">Signed in<").contains(">Success<");
    }
}
