package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.org.OrgUnitKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompetitionTemplateTest {

    private static String source() throws IOException {
        try (var in = CompetitionTemplateTest.class.getResourceAsStream("/competition/templates/jiangyin-2021.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void jiangyinHasAWrittenPreliminaryAndALiveFinal() throws IOException {
        CompetitionTemplate t = CompetitionTemplate.parse(source());
        assertThat(t.code()).isEqualTo("jiangyin-2021");
        assertThat(t.stages()).extracting(CompetitionTemplate.StageSpec::code, CompetitionTemplate.StageSpec::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("preliminary", StageKind.WRITTEN),
                        org.assertj.core.groups.Tuple.tuple("final", StageKind.LIVE_FINAL));
        assertThat(t.committee()).hasSize(10).first().extracting(CompetitionTemplate.CommitteeMember::name).isEqualTo("江国虔");
        assertThat(t.timeline()).hasSize(4);
    }

    @Test
    void jiangyinTeamRulesAreTheNotices() throws IOException {
        TeamCompositionRule team = CompetitionTemplate.parse(source()).rules().team();
        assertThat(team.size()).isEqualTo(5);
        assertThat(team.ruleFor(OrgUnitKind.TOWN).orElseThrow().minimum()).isEqualTo(Map.of("COMMUNITY_STAFF", 2));
        assertThat(team.ruleFor(OrgUnitKind.DEV_ZONE).orElseThrow().minimum()).isEqualTo(Map.of("COMMUNITY_STAFF", 2));
        assertThat(team.ruleFor(OrgUnitKind.SUB_CENTRE).orElseThrow().minimum()).isEqualTo(Map.of("FRONT_DESK", 2));
        assertThat(team.ruleFor(OrgUnitKind.DEPARTMENT).orElseThrow().minimum()).isEqualTo(Map.of("FRONT_DESK", 2));
        assertThat(team.ruleFor(OrgUnitKind.COMMUNITY)).isEmpty();
        assertThat(team.ruleFor(OrgUnitKind.BUREAU)).isEmpty();
    }

    @Test
    void jiangyinScoresAdvancesAndAwardsAsTheNoticeSays() throws IOException {
        CompetitionRules rules = CompetitionTemplate.parse(source()).rules();
        assertThat(rules.teamScore()).isEqualTo(new CompetitionRules.TeamScore(TeamAggregate.SUM, TeamTieBreak.MEMBER_SCORES));
        assertThat(rules.advancement()).isEqualTo(new CompetitionRules.Advancement("preliminary", "final",
                new AdvancementRule(8, AdvancementRule.CutLineTies.ALL_ADVANCE), 3));
        assertThat(rules.awards().individual().stage()).isEqualTo("preliminary");
        assertThat(rules.awards().individual().tiers().tiers()).containsExactly(new AwardTiers.Tier(Award.FIRST, 1),
                new AwardTiers.Tier(Award.SECOND, 4), new AwardTiers.Tier(Award.THIRD, 10), new AwardTiers.Tier(Award.EXCELLENCE, 20));
        assertThat(rules.awards().team().stage()).isEqualTo("final");
        assertThat(rules.awards().team().tiers().tiers()).containsExactly(new AwardTiers.Tier(Award.FIRST, 1),
                new AwardTiers.Tier(Award.SECOND, 3), new AwardTiers.Tier(Award.THIRD, 8));
    }

    @Test
    void refusesATemplateNamingAnUnknownStage() throws IOException {
        String broken = source().replace("from: preliminary", "from: semifinal");
        assertThatThrownBy(() -> CompetitionTemplate.parse(broken)).hasMessageContaining("semifinal");
    }

    @Test
    void everyRuleLineSaysWhichPartOfTheNoticeItImplements() throws IOException {
        List<String> uncommented = source().lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#") && !l.contains("#")).toList();
        assertThat(uncommented).isEmpty();
    }
}
