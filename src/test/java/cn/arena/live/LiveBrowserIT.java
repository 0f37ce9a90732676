package cn.arena.live;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Chromium;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: the host runs a short final of every round kind from the console (buttons and keyboard shortcuts)
 * while two team terminals (375 px) buzz and the big screen (1920×1080, by its key) follows; the screen never shows
 * an answer before the host reveals it. Screenshots are kept under {@code target/live-*.png}.
 */
class LiveBrowserIT extends LiveTest {

    static final String SECRET = "解析密文";

    @Test
    void hostRunsAShortFinalWhileTwoTerminalsBuzzAndTheBigScreenFollows() throws Exception {
        finalOfEightTeams();
        assertThat(host.put(live + "/rounds", obj("baseScore", 100, "rounds", List.of(
                obj("no", 1, "kind", "SPEED", "name", "速答题", "turns", 1, "points", 10, "seconds", 30),
                obj("no", 2, "kind", "BUZZER", "name", "抢答题", "questions", 2, "points", 10, "foul", 10, "seconds", 20),
                obj("no", 3, "kind", "RELAY", "name", "接力答题", "values", List.of(10), "seconds", 30),
                obj("no", 4, "kind", "RISK", "name", "进阶风险题", "tiers", List.of(10, 20), "perTier", 8, "seconds", 60),
                obj("no", 5, "kind", "ESSAY", "name", "论述题", "maxPoints", 20, "trim", 1, "seconds", 300)))).status()).isEqualTo(204);
        long bank = host.post("/api/v1/banks", obj("name", unique("决赛题库"))).id();
        List<Long> essay = questions(bank, "论述", 8);
        assertThat(host.put(live + "/questions", obj("rounds", List.of(obj("round", 1, "questionIds", questions(bank, "速答", 8)),
                obj("round", 2, "questionIds", questions(bank, "抢答", 2)), obj("round", 3, "questionIds", questions(bank, "接力", 8)),
                obj("round", 4, "tiers", List.of(obj("tier", 10, "questionIds", questions(bank, "风险10分", 8)),
                        obj("tier", 20, "questionIds", questions(bank, "风险20分", 8)))),
                obj("round", 5, "questionIds", essay)))).status()).isEqualTo(204);
        List<String> judges = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            judges.add(user("JUDGE", f.city()));
        }
        assertThat(host.post("/api/v1/stages/" + f.finalStage() + "/judges", obj("usernames", judges)).status()).isEqualTo(200);
        String screenUrl = host.get(live + "/screen-key").json().get("url").asString();

        try (Chromium chromium = Chromium.launch(port)) {
            Page console = chromium.page(1440, 900);
            chromium.login(console, f.organizer(), PASSWORD);
            console.onDialog(d -> d.accept());
            console.navigate(chromium.url("/live/" + f.finalStage() + "/host"));
            Page one = terminal(chromium, 0);
            Page two = terminal(chromium, 1);
            Page screen = chromium.page(1920, 1080);
            screen.navigate(screenUrl);
            waitSeq(screen, 0);

            click(console, "#btn-start");
            click(console, "[data-command=NEXT_ROUND]");
            for (int q = 0; q < 8; q++) {
                press(console, "n");
                waitSeq(screen, seq());
                assertThat(screen.content()).doesNotContain(SECRET);
                press(console, q % 2 == 0 ? "r" : "w");
                waitSeq(screen, seq());
                assertThat(screen.textContent("#live-answer")).contains(SECRET + "速答" + (q + 1));
            }
            screen.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/live-screen-speed.png")));
            // the screen followed those events from the stream alone: it fetched the state once, on loading
            Object stateFetches = screen.evaluate("() => performance.getEntriesByType('resource')"
                    + ".filter(r => new URL(r.name).pathname.endsWith('/live')).length");
            assertThat(((Number) stateFetches).intValue()).as("state fetches of the screen over %d events", seq()).isLessThanOrEqualTo(2);

            click(console, "[data-command=NEXT_ROUND]");
            press(console, "n");
            waitSeq(one, seq());
            one.click("#live-buzz");
            one.waitForSelector(".live-early");
            press(console, "o");
            waitSeq(two, seq());
            two.click("#live-buzz");
            two.waitForSelector(".live-won");
            waitSeq(screen, seq());
            assertThat(screen.textContent("#live-winner")).contains(host.get(live).json().get("teams").get(1).get("unitName").asString());
            assertThat(console.textContent("#live-buzzes")).contains("抢答犯规").contains("抢答成功");
            assertThat(console.textContent("#live-answer")).contains(SECRET);
            assertThat(screen.content()).doesNotContain(SECRET);
            screen.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/live-screen.png")));
            one.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/live-terminal.png")));
            console.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/live-host.png")));
            press(console, "r");
            waitSeq(screen, seq());
            assertThat(screen.textContent("#live-answer")).contains(SECRET);
            press(console, "n");
            press(console, "o");
            waitSeq(one, seq());
            one.click("#live-buzz");
            one.waitForSelector(".live-won");
            press(console, "w");

            click(console, "[data-command=NEXT_ROUND]");
            for (int q = 0; q < 8; q++) {
                press(console, "n");
                press(console, "r");
            }
            click(console, "[data-command=NEXT_ROUND]");
            for (int q = 0; q < 8; q++) {
                click(console, "#live-tiers button");
                press(console, q % 3 == 0 ? "w" : "r");
            }
            click(console, "[data-command=NEXT_ROUND]");
            Page pad = chromium.page(375, 812);
            chromium.login(pad, judges.get(0), PASSWORD);
            pad.navigate(chromium.url("/live/" + f.finalStage() + "/judge"));
            for (int t = 0; t < 8; t++) {
                press(console, "n");
                waitSeq(pad, seq());
                pad.fill("#essay-points", "16");
                pad.click("#essay-form button");
                pad.waitForSelector("#live-ok:not(.d-none)");
                if (t == 0) {
                    pad.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/live-judge.png")));
                }
                for (String judge : judges.subList(1, 3)) {
                    assertThat(as(judge).put(live + "/essay/" + f.teams().get(t), obj("points", 14 + t % 3)).status()).isEqualTo(204);
                }
                click(console, "[data-essay]");
            }
            click(console, "[data-command=FINISH]");
            waitSeq(screen, seq());
            assertThat(screen.getAttribute("#live", "data-status")).isEqualTo("FINISHED");
            assertThat(screen.textContent("#live-teams")).contains("第1名");
            screen.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/live-screen-standings.png")));
        }
        assertThat(host.get(live).json().get("status").asString()).isEqualTo("FINISHED");
    }

    private List<Long> questions(long bank, String round, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(host.post("/api/v1/banks/" + bank + "/questions", obj("type", "SINGLE_CHOICE", "stem", round + "第" + i
                    + "题：企业开办全流程网上办理的时限是？", "options", List.of(obj("key", "A", "text", "1个工作日"), obj("key", "B", "text", "3个工作日"),
                    obj("key", "C", "text", "5个工作日"), obj("key", "D", "text", "7个工作日")),
                    "answer", "A", "analysis", SECRET + round + i, "points", 10, "difficulty", 3, "category", "决赛")).id());
        }
        return ids;
    }

    private Page terminal(Chromium chromium, int seat) {
        Page page = chromium.page(375, 812);
        String username = f.usernames().get(seat).get(0);
        chromium.login(page, username, f.passwords().get(username));
        page.navigate(chromium.url("/live/" + f.finalStage() + "/terminal"));
        return page;
    }

    /** Clicks and waits until the page has rendered the event the click made. */
    private void click(Page page, String selector) {
        long before = seq();
        page.click(selector);
        waitSeqAbove(page, before);
    }

    private void press(Page page, String key) {
        long before = seq();
        page.keyboard().press(key);
        waitSeqAbove(page, before);
    }

    private static void waitSeq(Page page, long seq) {
        page.waitForFunction("s => Number(document.getElementById('live').dataset.seq) >= s", (int) seq);
    }

    private static void waitSeqAbove(Page page, long seq) {
        waitSeq(page, seq + 1);
    }
}
