package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiangsuTemplateTest {

    private static String source() throws IOException {
        try (var in = JiangsuTemplateTest.class.getResourceAsStream("/competition/templates/jiangsu-hrss-2020.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void jiangsuRunsFromTheCityRoundThroughTheProvinceToTheRegionalAndNationalTeams() throws IOException {
        CompetitionTemplate t = CompetitionTemplate.parse(source());
        assertThat(t.code()).isEqualTo("jiangsu-hrss-2020");
        assertThat(t.stages()).extracting(CompetitionTemplate.StageSpec::code)
                .containsExactly("city", "province-written", "province-interview", "regional", "national");
        assertThat(t.stages()).extracting(CompetitionTemplate.StageSpec::kind).containsExactly(StageKind.WRITTEN, StageKind.WRITTEN,
                StageKind.INTERVIEW, StageKind.LIVE_FINAL, StageKind.LIVE_FINAL);
        assertThat(t.rules()).isNull();
    }

    @Test
    void jiangsuSelectsAsThePlanSays() throws IOException {
        SelectionRules rules = CompetitionTemplate.parse(source()).selection();
        assertThat(rules.entry().fieldMinimum()).isEqualTo(10);
        assertThat(rules.city()).isEqualTo(new SelectionRules.City("city", "province-written", 2, 4, 5, 10,
                List.of(WrittenResult.TieBreak.LESS_TIME, WrittenResult.TieBreak.EARLIER_SUBMIT)));
        assertThat(rules.interview()).isEqualTo(new SelectionRules.Interview("province-interview", new BigDecimal("100"), 1, 2));
        assertThat(rules.composite().parts()).extracting(CompositeScore.Part::weight)
                .containsExactly(new BigDecimal("30"), new BigDecimal("30"), new BigDecimal("40"));
        assertThat(rules.awards().individual()).containsExactly(new AwardRanges.Range("ZHISHITONG", "江苏省人社知识通", 1, 10),
                new AwardRanges.Range("LABOUR_MEDAL", "五一劳动奖章（申报）", 1, 1), new AwardRanges.Range("TECH_EXPERT", "江苏省技术能手", 1, 2),
                new AwardRanges.Range("INNOVATION_EXPERT", "江苏省五一创新能手", 2, 3));
        assertThat(rules.awards().team()).extracting(r -> r.from() + "-" + r.to()).containsExactly("1-2", "3-5", "6-9");
        assertThat(rules.awards().organisations()).extracting(r -> r.from() + "-" + r.to()).containsExactly("1-1", "2-3", "4-6");
        assertThat(rules.regional()).isEqualTo(new SelectionRules.Regional("regional", 1, TeamTieBreak.MEMBER_SCORES));
        assertThat(rules.national()).isEqualTo(new SelectionRules.National("national", 4));
    }

    @Test
    void theRulesInForceReadAsJson() throws IOException {
        String json = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(CompetitionTemplate.parse(source()).selection());
        assertThat(json).contains("\"fieldMinimum\":10").contains("\"weight\":30").contains("\"code\":\"ZHISHITONG\"")
                .contains("\"tieBreak\":[\"LESS_TIME\",\"EARLIER_SUBMIT\"]");
    }

    @Test
    void refusesCompositeWeightsThatDoNotAddUpAndUnknownStagesAndTieBreaks() throws IOException {
        assertThatThrownBy(() -> CompetitionTemplate.parse(source().replace("weight: 40", "weight: 50")))
                .hasMessageContaining("add up to 100");
        assertThatThrownBy(() -> CompetitionTemplate.parse(source().replace("to: province-written", "to: semifinal")))
                .hasMessageContaining("semifinal");
        assertThatThrownBy(() -> CompetitionTemplate.parse(source().replace("[LESS_TIME, EARLIER_SUBMIT]", "[COIN_TOSS]")))
                .isInstanceOf(IllegalArgumentException.class);
        // full marks are the paper's total: a template stating its own could differ from the exam actually sat
        assertThatThrownBy(() -> CompetitionTemplate.parse(source().replace("{stage: city, weight: 30}", "{stage: city, weight: 30, fullMarks: 100}")))
                .hasMessageContaining("fullMarks");
        assertThatThrownBy(() -> CompetitionTemplate.parse(source().replace("tieBreak: MEMBER_SCORES", "tieBreak: COIN_TOSS")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
