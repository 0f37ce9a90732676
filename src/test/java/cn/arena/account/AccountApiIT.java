package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AccountApiIT extends ApiTest {

    @Test
    void meAnswersWhoTheCallerIs() {
        var me = admin().get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("admin");
        assertThat(me.json().get("roles").toString()).contains("ADMIN");
    }

    @Test
    void anonymousCallsAreUnauthorizedProblems() {
        var response = anonymous().get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("登录");
    }

    @Test
    void aTokenWorksUntilRevoked() {
        String username = user("CANDIDATE");
        var issued = as(username).post("/api/v1/auth/token", null);
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        assertThat(issued.json().get("expiresAt").asText()).isNotBlank();

        Api bearer = Api.bearer(port, token);
        assertThat(bearer.get("/api/v1/me").json().get("username").asText()).isEqualTo(username);
        assertThat(bearer.delete("/api/v1/auth/token").status()).isEqualTo(204);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.bearer(port, "not-a-token").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void refusesWeakPasswordsAndTakenUsernamesNamingTheField() {
        String taken = user("GRADER");
        var response = admin().english().post("/api/v1/users", Api.obj("username", taken, "password", "short",
                "displayName", "x", "roles", List.of("GRADER")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").toString()).contains("\"field\":\"username\"").contains("\"field\":\"password\"")
                .contains("taken");
    }

    @Test
    void candidatesMayNotCreateUsers() {
        String candidate = user("CANDIDATE");
        var response = as(candidate).post("/api/v1/users", Api.obj("username", unique("x"), "password", PASSWORD,
                "displayName", "x", "roles", List.of("CANDIDATE")));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void fiveFailedLoginsLockTheAccountButItsTokenKeepsWorking() {
        String username = user("CANDIDATE");
        String token = as(username).post("/api/v1/auth/token", null).json().get("token").asText();
        for (int i = 0; i < 5; i++) {
            assertThat(Api.basic(port, username, "Wrong-Pass-" + i).get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(as(username).get("/api/v1/me").status()).as("locked even with the right password").isEqualTo(401);
        assertThat(Api.bearer(port, token).get("/api/v1/me").status()).as("an exam under way is not broken").isEqualTo(200);

        var audit = admin().get("/api/v1/audit?action=ACCOUNT_LOCKED");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.text()).contains(username);
    }

    @Test
    void importsUsersAllOrNothingWithRowErrors() throws Exception {
        long unit = orgUnit(unique("江阴市行政审批局"), "BUREAU", null);
        String unitName = admin().get("/api/v1/org-units").json().get("items").valueStream()
                .filter(u -> u.get("id").asLong() == unit).findFirst().orElseThrow().get("name").asText();
        String good = unique("imp");
        byte[] broken = xlsx(List.of(
                List.of("用户名", "姓名", "密码", "角色", "单位"),
                List.of(good, "王芳", PASSWORD, "考生", unitName),
                List.of(unique("imp"), "李强", "weak", "阅卷人、考生", unitName),
                List.of(unique("imp"), "赵敏", PASSWORD, "厨师", "不存在的单位")));
        var refused = admin().upload("/api/v1/users/import", broken);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString())
                .contains("\"row\":3").contains("\"column\":\"密码\"")
                .contains("\"row\":4").contains("\"column\":\"角色\"").contains("\"column\":\"单位\"");
        assertThat(admin().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Api.basic(port, good, PASSWORD).get("/api/v1/me").status()).as("nothing imported").isEqualTo(401);

        byte[] fine = xlsx(List.of(
                List.of("用户名", "姓名", "密码", "角色", "单位"),
                List.of(good, "王芳", PASSWORD, "考生", unitName),
                List.of(unique("imp"), "李强", PASSWORD, "GRADER,CANDIDATE", "")));
        var imported = admin().upload("/api/v1/users/import", fine);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);
        var me = Api.basic(port, good, PASSWORD).get("/api/v1/me").json();
        assertThat(me.get("orgUnitId").asLong()).isEqualTo(unit);
    }

    @Test
    void refusesAFileThatIsNotXlsx() {
        var response = admin().upload("/api/v1/users/import", "name,password\n".getBytes(), "users.csv", java.util.Map.of());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("Excel");
    }

    @Test
    void changingOwnPasswordNeedsTheCurrentOneAndThePolicy() {
        String username = user("GRADER");
        assertThat(as(username).put("/api/v1/me/password", Api.obj("currentPassword", "nope", "newPassword", "Better-Pass-99"))
                .status()).isEqualTo(422);
        assertThat(as(username).put("/api/v1/me/password", Api.obj("currentPassword", PASSWORD, "newPassword", "abc"))
                .json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
        assertThat(as(username).put("/api/v1/me/password", Api.obj("currentPassword", PASSWORD, "newPassword", "Better-Pass-99"))
                .status()).isEqualTo(204);
        assertThat(Api.basic(port, username, "Better-Pass-99").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void disablingAnAccountEndsItsTokensAtOnce() {
        String username = user("CANDIDATE");
        String token = as(username).post("/api/v1/auth/token", null).json().get("token").asText();
        long id = as(username).get("/api/v1/me").id();
        assertThat(admin().put("/api/v1/users/" + id + "/enabled", Api.obj("enabled", false)).status()).isEqualTo(204);
        assertThat(Api.bearer(port, token).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(as(username).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(admin().put("/api/v1/users/" + id + "/enabled", Api.obj("enabled", true)).status()).isEqualTo(204);
        assertThat(as(username).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void roleChangesAreAdminOnlyAndAudited() {
        String username = user("CANDIDATE");
        long id = as(username).get("/api/v1/me").id();
        String organizer = user("ORGANIZER");
        assertThat(as(organizer).put("/api/v1/users/" + id + "/roles", Api.obj("roles", List.of("ADMIN"))).status()).isEqualTo(403);
        assertThat(admin().put("/api/v1/users/" + id + "/roles", Api.obj("roles", List.of("考生", "GRADER"))).status()).isEqualTo(204);
        assertThat(as(username).get("/api/v1/me").json().get("roles").toString()).contains("GRADER").contains("CANDIDATE");
        assertThat(admin().get("/api/v1/audit?action=ROLES_CHANGED").text()).contains(username);
    }

    static byte[] xlsx(List<List<String>> rows) throws Exception {
        try (var workbook = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
