package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Chromium;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * In Chromium at 1366×900: keys pressed at the buzzer station buzz for their teams, each team's card shows its result
 * (WON, LATE, EARLY, LOCKED), a key can be changed on the page and the countdown runs on the server's clock though
 * the laptop's is an hour off; the host console offers the tiebreak for the teams on one score; then the replay
 * steps, scrubs and goes back through the same final, showing the answer only from the moment it was revealed.
 * Screenshots under {@code target/screenshots/live-station.png}, {@code live-host-tiebreak.png}, {@code live-replay*.png}.
 */
class LiveStationReplayBrowserIT extends LiveTest {

    static final String SECRET = "回放解析密文";

    @Test
    void theStationBuzzesByKeyAndTheReplayStepsThroughTheFinal() throws Exception {
        finalOfEightTeams();
        oneBuzzerRound(2, 1, SECRET);

        try (Chromium chromium = Chromium.launch(port)) {
            Page station = chromium.page(1366, 900);
            chromium.login(station, f.organizer(), PASSWORD);
            // this laptop's clock is an hour fast: the countdown must still run on the server's
            station.addInitScript("(() => { const real = Date.now; Date.now = () => real.call(Date) + 3600000; })()");
            // the final's stage page leads to its live pages
            station.navigate(chromium.url("/stages/" + f.finalStage()));
            station.click("#live-station-link");
            station.waitForSelector(".live-station-team");
            assertThat(station.locator(".live-station-team").count()).isEqualTo(8);
            assertThat(station.textContent(".live-station-team[data-team='" + team(1) + "'] kbd")).isEqualTo("1");

            command("START");
            command("NEXT_ROUND");
            command("NEXT_QUESTION");
            waitSeq(station, seq());
            station.keyboard().press("3");
            result(station, 3, "EARLY", "犯规");
            command("OPEN");
            waitSeq(station, seq());
            station.keyboard().press("1");
            result(station, 1, "WON", "抢到");
            station.waitForFunction("() => document.getElementById('live-countdown').textContent !== ''");
            int left = Integer.parseInt(station.textContent("#live-countdown").replace("s", ""));
            assertThat(left).as("seconds left to answer, on the server's clock").isBetween(1, 20);
            station.keyboard().press("2");
            result(station, 2, "LATE", "慢了");
            station.keyboard().press("1");
            result(station, 1, "WON", "抢到");
            assertThat(host.get(live).json().get("current").get("buzzes").get(3).get("result").asString()).as("seat 1 again").isEqualTo("LOCKED");

            // seat 4's box types "a": set on the page, kept in this browser
            station.click("details summary");
            station.fill("#station-key-" + team(4), "a");
            station.click("h1");
            station.keyboard().press("a");
            result(station, 4, "LATE", "慢了");
            station.keyboard().press("4");
            station.keyboard().press("5");
            result(station, 5, "LATE", "慢了");
            assertThat(host.get(live).json().get("current").get("buzzes")).as("4 is no longer seat 4's key").hasSize(6);
            Chromium.screenshot(station, "live-station");
            command("JUDGE", "correct", true);
            command("NEXT_QUESTION");
            command("OPEN");
            command("TIMEOUT");

            // the host console offers a tiebreak for the six teams on 100 (all of them), confirmed before it begins
            Page console = chromium.page(1366, 900);
            chromium.login(console, f.organizer(), PASSWORD);
            console.onDialog(d -> d.accept());
            console.navigate(chromium.url("/live/" + f.finalStage() + "/host"));
            console.waitForSelector("#live-tiebreak button");
            assertThat(console.locator("#live-tiebreak button").count()).isEqualTo(1);
            assertThat(console.textContent("#live-tiebreak button")).contains("100");
            Chromium.screenshot(console, "live-host-tiebreak-offer");
            long beforeTiebreak = seq();
            console.click("#live-tiebreak button");
            waitSeq(console, beforeTiebreak + 1);
            assertThat(console.textContent("#live-teams")).contains("附加赛 0");
            assertThat(host.get(live).json().get("tiebreakTeams")).extracting(t -> t.asLong())
                    .containsExactly(team(2), team(4), team(5), team(6), team(7), team(8));
            Chromium.screenshot(console, "live-host-tiebreak");
            command("NEXT_QUESTION");
            command("OPEN");
            command("TIMEOUT");
            command("FINISH");
            long last = seq();
            assertThat(last).isEqualTo(19);

            Page replay = chromium.page(1366, 900);
            chromium.login(replay, f.organizer(), PASSWORD);
            replay.navigate(chromium.url("/live/" + f.finalStage() + "/replay"));
            waitSeq(replay, last);
            assertThat(replay.textContent("#live-teams")).contains("第1名");
            replay.click("#replay-first");
            waitExactly(replay, 0);
            assertThat(replay.textContent("#live-round")).isEqualTo("未开始");
            assertThat(replay.isDisabled("#replay-prev")).isTrue();
            for (int n = 1; n <= 9; n++) {
                replay.click("#replay-next");
                waitExactly(replay, n);
                assertThat(replay.content()).as("moment " + n).doesNotContain(SECRET);
            }
            assertThat(replay.textContent("#replay-moment")).contains("9").contains("19");
            assertThat(replay.locator("#live-buzzes li").count()).isEqualTo(5);
            assertThat(replay.textContent("#replay-event")).contains("抢答").contains("慢了一步");
            Chromium.screenshot(replay, "live-replay");
            replay.click("#replay-next");
            waitExactly(replay, 10);
            assertThat(replay.isHidden("#live-answer")).isTrue();
            replay.click("#replay-next");
            waitExactly(replay, 11);
            assertThat(replay.textContent("#live-answer")).contains(SECRET + 1);
            Chromium.screenshot(replay, "live-replay-revealed");

            // scrub with the slider, then step back with the arrow key
            replay.evalOnSelector("#replay-seq", "(s) => { s.value = 4; s.dispatchEvent(new Event('input')); }");
            waitExactly(replay, 4);
            assertThat(replay.textContent("#live-buzzes")).contains("抢答犯规");
            assertThat(replay.textContent("#live-teams")).contains("90");
            replay.click("h1");
            replay.keyboard().press("ArrowLeft");
            waitExactly(replay, 3);
            assertThat(replay.locator("#live-buzzes li").count()).isZero();
            assertThat(replay.textContent("#live-stem")).contains("第1题");
        }
    }

    private void result(Page station, int seat, String result, String label) {
        String card = ".live-station-team[data-team='" + team(seat) + "']";
        station.waitForSelector(card + "[data-result='" + result + "']");
        assertThat(station.textContent(card + " .live-station-result")).isEqualTo(label);
    }

    private static void waitSeq(Page page, long seq) {
        page.waitForFunction("s => Number(document.getElementById('live').dataset.seq) >= s", (int) seq);
    }

    private static void waitExactly(Page page, long seq) {
        page.waitForFunction("s => document.getElementById('live').dataset.seq === String(s)", (int) seq);
    }
}
