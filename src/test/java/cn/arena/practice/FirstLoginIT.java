package cn.arena.practice;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.WebSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A roll's initial password works only to change it: until its owner has chosen their own, every API call but the
 * change, the token and health is refused (403, type password-change-required) on Basic, Bearer and session alike, and
 * every page goes to the change page. The chosen password is bcrypt.
 */
class FirstLoginIT extends PracticeTest {

    private static final String TYPE = "urn:arena:problem:password-change-required";

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInitialPasswordOpensNothingButItsChangeOnTheApi() throws IOException {
        at("2027-03-01T09:00:00+08:00");
        long id = smallProgramme();
        List<String> newcomer = f.newcomer("新人" + unique(""), f.cityA);
        String username = newcomer.get(1);
        String initial = newcomer.get(2);
        Api basic = Api.basic(port, username, initial);

        for (String path : List.of("/api/v1/me", base(id) + "/daily", base(id) + "/me", "/api/v1/practice/programmes")) {
            Api.Response refused = basic.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("type").asText()).isEqualTo(TYPE);
            assertThat(refused.json().get("detail").asText()).contains("请先修改初始密码");
        }
        assertThat(basic.english().get("/api/v1/me").json().get("detail").asText()).contains("Change your initial password first");
        assertThat(basic.put(base(id) + "/daily/answers/1", obj("value", "A")).status()).isEqualTo(403);
        assertThat(store.studiedDayCounts(id, java.time.LocalDate.of(2027, 3, 1), java.time.LocalDate.of(2027, 3, 1)))
                .as("nothing was done for them").isEmpty();
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);

        // a token can be had (that is how phones sign in), but it opens no more than the password does
        Api.Response token = basic.post("/api/v1/auth/token", null);
        assertThat(token.status()).isEqualTo(201);
        Api bearer = Api.bearer(port, token.json().get("token").asText());
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(403);
        assertThat(bearer.get(base(id) + "/daily").json().get("type").asText()).isEqualTo(TYPE);

        // keeping the handed-out password is no change
        Api.Response same = basic.put("/api/v1/me/password", obj("currentPassword", initial, "newPassword", initial));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
        assertThat(basic.get("/api/v1/me").status()).isEqualTo(403);

        assertThat(bearer.put("/api/v1/me/password", obj("currentPassword", initial, "newPassword", PracticeFixture.CHOSEN)).status())
                .isEqualTo(204);
        assertThat(bearer.get("/api/v1/me").status()).as("the same token, now that the password is chosen").isEqualTo(200);
        assertThat(bearer.get(base(id) + "/daily").status()).isEqualTo(200);
        Api chosen = Api.basic(port, username, PracticeFixture.CHOSEN);
        assertThat(chosen.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(basic.get("/api/v1/me").status()).as("the initial password is gone").isEqualTo(401);
        assertThat(jdbc.sql("select password_hash from account_user where username = :u").param("u", username).query(String.class).single())
                .startsWith("{bcrypt}");
    }

    @Test
    void anInitialPasswordHoldsTheSessionAtTheChangePage() throws IOException {
        List<String> newcomer = f.newcomer("新人" + unique(""), f.cityB);
        String username = newcomer.get(1);
        String initial = newcomer.get(2);
        WebSession web = WebSession.login(port, username, initial);

        for (String page : List.of("/", "/my/practice", "/my/exams")) {
            WebSession.Page held = web.get(page);
            assertThat(held.status()).as(page).isEqualTo(302);
            assertThat(held.location()).as(page).endsWith("/account?initial");
        }
        WebSession.Page change = web.get("/account?initial");
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.html()).contains("id=\"initial-password\"");
        WebSession.Page api = web.get("/api/v1/me");
        assertThat(api.status()).as("the session's API calls too").isEqualTo(403);
        assertThat(api.html()).contains(TYPE);

        WebSession.Page mismatch = web.post("/account/password",
                Map.of("currentPassword", initial, "newPassword", PracticeFixture.CHOSEN, "confirmPassword", "Other-2027!"));
        assertThat(mismatch.html()).contains("id=\"initial-password\"");
        assertThat(web.get("/my/practice").status()).as("still held").isEqualTo(302);

        WebSession.Page changed = web.post("/account/password",
                Map.of("currentPassword", initial, "newPassword", PracticeFixture.CHOSEN, "confirmPassword", PracticeFixture.CHOSEN));
        assertThat(changed.html()).contains("密码已修改").contains("id=\"go-home\"").doesNotContain("id=\"initial-password\"");
        assertThat(web.get("/my/practice").status()).isEqualTo(200);
        assertThat(web.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(WebSession.login(port, username, PracticeFixture.CHOSEN).get("/my/practice").status())
                .as("a new sign-in with the chosen password goes anywhere").isEqualTo(200);
    }

    @Test
    void membersWithAChosenPasswordAreNotHeld() {
        WebSession web = WebSession.login(port, f.usernames.get("甲"), f.passwords.get("甲"));
        assertThat(web.get("/my/practice").status()).isEqualTo(200);
        assertThat(f.members.get("甲").get("/api/v1/me").status()).isEqualTo(200);
    }
}
