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
        var refused = organizer.upload("/admin/users/import", AccountApiIT.xlsx(List.of(List.of("用户名", "姓名", "密码", "角色", "单位"),
                List.of(imported, "王芳", PASSWORD, "管理员", unitName))));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("第 2 行");
        var done = organizer.upload("/admin/users/import", AccountApiIT.xlsx(List.of(List.of("用户名", "姓名", "密码", "角色", "单位"),
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
}
