package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import cn.arena.support.Chromium;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a candidate sees on a phone: a home page saying what is open, coming and released, and error pages with a way back. */
class CandidateHomeBrowserIT extends ApiTest {

    @Test
    void theCandidatesHomePageShowsWhatIsOpenComingAndReleased() {
        String organizer = user("ORGANIZER");
        String candidate = user("CANDIDATE");
        Api staff = as(organizer);
        long bank = staff.post("/api/v1/banks", Api.obj("name", unique("题库"))).id();
        assertThat(staff.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "TRUE_FALSE", "stem", "企业开办可以全程网办。",
                "answer", true, "points", 2)).status()).isEqualTo(201);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long open = exam(staff, bank, "窗口业务月考", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), candidate);
        exam(staff, bank, "下月练兵测验", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(4)), candidate);
        long done = exam(staff, bank, "政策知识测验", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), candidate);
        var attempt = as(candidate).post("/api/v1/exams/" + done + "/attempt", null).json();
        long attemptId = attempt.get("attemptId").asLong();
        assertThat(as(candidate).put("/api/v1/attempts/" + attemptId + "/answers/1", Api.obj("value", true)).status()).isEqualTo(204);
        assertThat(as(candidate).post("/api/v1/attempts/" + attemptId + "/submit", null).status()).isEqualTo(200);
        release(staff, done);

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(375, 800);
            chromium.login(page, candidate, PASSWORD);
            assertThat(page.textContent("#home-open")).contains("窗口业务月考").contains("请在").contains("北京时间");
            assertThat(page.textContent("#home-upcoming")).contains("下月练兵测验");
            assertThat(page.textContent("#home-released")).contains("政策知识测验").contains("得分 2");
            assertThat(page.content()).doesNotContain("接口文档");
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);
            Chromium.screenshot(page, "candidate-home");

            page.click("#home-released .home-result");
            page.waitForURL(url -> url.endsWith("/my/attempts/" + attemptId + "/result"));
            page.navigate(chromium.url("/"));
            page.click("#home-open .home-start");
            page.waitForURL(url -> url.endsWith("/my/exams/" + open));
        }
    }

    @Test
    void aCandidateOnAForbiddenPageReadsWhyAndGoesBackHome() {
        String candidate = user("CANDIDATE");
        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(375, 800);
            chromium.login(page, candidate, PASSWORD);
            page.navigate(chromium.url("/admin/users"));
            assertThat(page.textContent("#error-heading")).isEqualTo("无权访问");
            assertThat(page.textContent("#error-reason")).contains("联系管理员");
            Chromium.screenshot(page, "error-403-phone");
            page.click("#error-home");
            page.waitForURL(chromium.url("/"));

            page.navigate(chromium.url("/no-such-page"));
            assertThat(page.textContent("#error-heading")).isEqualTo("页面不存在");
            page.click("#error-previous");
            page.waitForURL(chromium.url("/"));
        }
    }

    private long exam(Api staff, long bank, String title, Instant start, Instant end, String candidate) {
        var created = staff.post("/api/v1/exams", Api.obj("title", title, "bankIds", List.of(bank), "windowStart", start.toString(),
                "windowEnd", end.toString(), "durationMinutes", 30, "variant", "SHARED",
                "sections", List.of(Api.obj("type", "TRUE_FALSE", "count", 1, "pointsEach", 2))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.id();
        assertThat(staff.post("/api/v1/exams/" + id + "/candidates", Api.obj("usernames", List.of(candidate))).status()).isEqualTo(200);
        assertThat(staff.post("/api/v1/exams/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    /** Objective items are marked on submit, so a release right after the last submit succeeds. */
    private static void release(Api staff, long exam) {
        var released = staff.post("/api/v1/exams/" + exam + "/release", null);
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
    }
}
