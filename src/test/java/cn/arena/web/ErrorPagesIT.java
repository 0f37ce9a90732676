package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import cn.arena.support.WebSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pages fail as pages: localized, with a way back; the API keeps its problem details. */
class ErrorPagesIT extends ApiTest {

    @Test
    void aPageTheRoleMayNotSeeIsALocalized403PageNotAnInternalError() {
        WebSession candidate = WebSession.login(port, user("CANDIDATE"), PASSWORD);
        WebSession.Page denied = candidate.get("/admin/users");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.html()).contains("<html").contains("无权访问").contains("id=\"error-home\"").contains("返回上一页")
                .doesNotContain("服务器内部错误").doesNotContain("\"title\"");

        WebSession.Page english = WebSession.login(port, user("CANDIDATE"), PASSWORD, "en").get("/admin/users");
        assertThat(english.status()).isEqualTo(403);
        assertThat(english.html()).contains("Access denied").contains("Back to home").doesNotContain("无权访问");
    }

    @Test
    void anUnknownPageIsALocalized404PageNotJson() {
        WebSession web = WebSession.login(port, user("ORGANIZER"), PASSWORD);
        WebSession.Page missing = web.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.html()).contains("<html").contains("页面不存在").contains("id=\"error-home\"").doesNotContain("\"title\"");

        WebSession.Page english = WebSession.login(port, user("ORGANIZER"), PASSWORD, "en").get("/no-such-page");
        assertThat(english.html()).contains("Page not found");
    }

    @Test
    void anotherCandidatesResultIsA404PageThatRevealsNothing() {
        String organizer = user("ORGANIZER");
        String owner = user("CANDIDATE");
        long attempt = attemptOf(organizer, owner);

        WebSession.Page theirs = WebSession.login(port, user("CANDIDATE"), PASSWORD).get("/my/attempts/" + attempt + "/result");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.html()).contains("<html").contains("页面不存在").doesNotContain("\"title\"");
    }

    @Test
    void aMalformedAddressIsABadRequestPageNotAServerError() {
        WebSession.Page bad = WebSession.login(port, user("ORGANIZER"), PASSWORD).get("/exams/not-a-number");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html()).contains("请求无法处理").doesNotContain("服务器内部错误");
    }

    @Test
    void theApiKeepsProblemDetails() {
        Api.Response unknown = admin().get("/api/v1/no-such-endpoint");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(unknown.json().get("status").asInt()).isEqualTo(404);

        Api.Response outOfScope = admin().get("/api/v1/exams/987654321");
        assertThat(outOfScope.status()).isEqualTo(404);
        assertThat(outOfScope.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(outOfScope.json().get("detail").asText()).isEqualTo("未找到该对象，或您无权查看");

        Api.Response denied = as(user("ORGANIZER")).get("/api/v1/audit");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("detail").asText()).isEqualTo("您的角色无权执行此操作");
    }

    private long attemptOf(String organizer, String candidate) {
        Api api = as(organizer);
        long bank = api.post("/api/v1/banks", Api.obj("name", unique("题库"))).id();
        assertThat(api.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "TRUE_FALSE", "stem", "企业开办可以全程网办。",
                "answer", true, "points", 1)).status()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long exam = api.post("/api/v1/exams", Api.obj("title", unique("测验"), "bankIds", List.of(bank),
                "windowStart", now.minusSeconds(60).toString(), "windowEnd", now.plus(1, ChronoUnit.DAYS).toString(),
                "durationMinutes", 30, "variant", "SHARED", "sections", List.of(Api.obj("type", "TRUE_FALSE", "count", 1, "pointsEach", 1)))).id();
        assertThat(api.post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", List.of(candidate))).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/exams/" + exam + "/publish", null).status()).isEqualTo(200);
        var started = as(candidate).post("/api/v1/exams/" + exam + "/attempt", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json().get("attemptId").asLong();
    }
}
