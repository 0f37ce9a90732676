package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The team awards after a live final's FINISH: a tie on the FIRST boundary is ordered by a tiebreak round (附加赛)
 * between the tied teams, whose points are not added to their scores; without one the tied teams share the rank. A
 * team whose score went below zero (a jury ruling) keeps it in the stage and in the awards.
 */
class LiveAwardsIT extends LiveTest {

    /** One BUZZER round of two questions: seats 1 and 2 each win one (110, 110), seat 3 fouls (90), seat 8 loses 150 by ruling. */
    void tieOnTheFirstBoundary() throws Exception {
        finalOfEightTeams();
        oneBuzzerRound(2, 1, "解析");
        command("START");
        command("NEXT_ROUND");
        command("NEXT_QUESTION");
        command("OPEN");
        assertThat(buzz(1)).isEqualTo("WON");
        command("JUDGE", "correct", true);
        command("NEXT_QUESTION");
        assertThat(buzz(3)).isEqualTo("EARLY");
        command("OPEN");
        assertThat(buzz(2)).isEqualTo("WON");
        command("JUDGE", "correct", true);
        JsonNode s = command("ADJUST", "teamId", team(8), "points", -150, "reason", "仲裁：严重违规");
        assertThat(s.get("teams").get(7).get("score").decimalValue()).isEqualByComparingTo("-50");
    }

    @Test
    void aTiebreakRoundOrdersTheTiedTeamsInTheAwardsWithoutChangingTheirScores() throws Exception {
        tieOnTheFirstBoundary();
        var partial = send("TIEBREAK", "teamIds", List.of(team(1), team(4)));
        assertThat(partial.status()).isEqualTo(409);
        assertThat(partial.json().get("rule").asString()).isEqualTo("NOT_TIED");
        command("TIEBREAK", "teamIds", List.of(team(1), team(2)));
        command("NEXT_QUESTION");
        command("OPEN");
        assertThat(buzz(4)).as("not in the tiebreak").isEqualTo("LOCKED");
        assertThat(buzz(2)).isEqualTo("WON");
        command("JUDGE", "correct", true);
        JsonNode finished = command("FINISH");
        assertThat(finished.get("teams").get(1).get("score").decimalValue()).as("tiebreak points are not added").isEqualByComparingTo("110");

        assertThat(teamAwards()).containsExactly("FIRST 1 S2 110", "SECOND 2 S1 110", "SECOND 3 S4 100", "SECOND 3 S5 100",
                "SECOND 3 S6 100", "SECOND 3 S7 100", "THIRD 7 S3 90", "THIRD 8 S8 -50");
    }

    @Test
    void withoutATiebreakTheTiedTeamsShareTheRankAndItsAward() throws Exception {
        tieOnTheFirstBoundary();
        command("FINISH");
        assertThat(teamAwards()).containsExactly("FIRST 1 S1 110", "FIRST 1 S2 110", "SECOND 3 S4 100", "SECOND 3 S5 100",
                "SECOND 3 S6 100", "SECOND 3 S7 100", "THIRD 7 S3 90", "THIRD 8 S8 -50");
        var standings = host.get("/api/v1/stages/" + f.finalStage() + "/standings").json().get("teams");
        assertThat(standings.get(7).get("score").decimalValue()).as("below zero in the stage").isEqualByComparingTo("-50");
    }

    List<String> teamAwards() {
        var awards = host.get("/api/v1/competitions/" + f.competition() + "/awards");
        assertThat(awards.status()).as(awards.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode a : awards.json().get("team")) {
            rows.add(a.get("award").asString() + " " + a.get("rank").asInt() + " S" + (f.teams().indexOf(a.get("teamId").asLong()) + 1) + " "
                    + a.get("score").decimalValue().stripTrailingZeros().toPlainString());
        }
        return rows;
    }
}
