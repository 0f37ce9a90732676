package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rounds as the jiangyin-2021 template configures them, and rounds refused for what their kind lacks. */
class LiveConfigTest {

    @Test
    void jiangyinTemplateConfiguresTheContractsFiveRounds() throws Exception {
        String yaml;
        try (var in = getClass().getResourceAsStream("/competition/templates/jiangyin-2021.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LiveConfig config = LiveConfig.fromTemplate(yaml);
        assertThat(config.baseScore()).isEqualByComparingTo("100");
        assertThat(config.rounds()).extracting(Round::kind)
                .containsExactly(RoundKind.SPEED, RoundKind.BUZZER, RoundKind.RELAY, RoundKind.RISK, RoundKind.ESSAY);
        Round speed = config.rounds().get(0);
        assertThat(speed.turns()).isEqualTo(2);
        assertThat(speed.points()).isEqualTo(10);
        assertThat(config.rounds().get(1).questions()).isEqualTo(10);
        assertThat(config.rounds().get(1).foul()).isEqualTo(10);
        assertThat(config.rounds().get(2).values()).containsExactly(10, 20, 30);
        assertThat(config.rounds().get(3).tiers()).containsExactly(10, 20, 30);
        assertThat(config.rounds().get(3).perTier()).isEqualTo(4);
        assertThat(config.rounds().get(4).maxPoints()).isEqualTo(20);
        assertThat(config.rounds().get(4).trim()).isEqualTo(1);
        assertThat(speed.questionsNeeded(8)).isEqualTo(16);
    }

    @Test
    void aRoundWithoutWhatItsKindNeedsIsRefusedNamingTheField() {
        var node = LiveStore.JSON.valueToTree(List.of(java.util.Map.of("no", 1, "kind", "RISK", "name", "进阶风险题")));
        assertThatThrownBy(() -> LiveConfig.rounds((tools.jackson.databind.JsonNode) node)).isInstanceOfSatisfying(Refusal.class, r ->
                assertThat(r.violations()).extracting(v -> v.field()).containsExactly("rounds[0].tiers", "rounds[0].perTier"));
    }
}
