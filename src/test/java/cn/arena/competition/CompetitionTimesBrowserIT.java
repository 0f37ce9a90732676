package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Chromium;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium running in UTC, as a laptop set to another zone: the registration deadline typed in the new-competition form is read
 * as Beijing time, and the list and overview show it back in Beijing time, labelled.
 */
class CompetitionTimesBrowserIT extends CompetitionTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void theDeadlineTypedInABrowserOutsideBeijingIsReadAndShownAsBeijingTime() {
        long county = orgUnit(unique("江阴市"), "COUNTY", null);
        String organizer = user("ORGANIZER", county);
        String name = unique("时区测试竞赛");
        LocalDate day = LocalDate.ofInstant(clock.instant(), BEIJING).plusDays(10);

        try (Chromium chromium = Chromium.launch(port)) {
            Page page = chromium.page(1280, 900, "UTC");
            chromium.login(page, organizer, PASSWORD);
            page.navigate(chromium.url("/competitions"));
            page.selectOption("#template", "jiangyin-2021");
            page.fill("#name", name);
            page.fill("#deadline", day + "T09:00");
            page.click("#create");
            page.waitForSelector("#competition-overview");
            assertThat(page.textContent("#deadline")).isEqualTo(day + " 09:00 北京时间");

            long id = Long.parseLong(page.url().replaceAll(".*/competitions/(\\d+).*", "$1"));
            Instant saved = Instant.parse(as(organizer).get("/api/v1/competitions/" + id).json().get("registrationDeadline").asString());
            assertThat(saved).isEqualTo(day.atTime(9, 0).atZone(BEIJING).toInstant());

            page.navigate(chromium.url("/competitions"));
            assertThat(page.textContent("#competitions tr:has-text('" + name + "')")).contains(day + " 09:00");
            assertThat(page.textContent("#competitions thead")).contains("北京时间");
        }
    }
}
