package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.live.LiveEvent.BuzzResult;
import cn.arena.live.LiveEvent.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streams' text, written once per kind of reader: the same bytes as one SseEmitter event per event and stream, the
 * last event carrying the state after it.
 */
class LiveHubFramesTest {

    private static final Instant AT = Instant.parse("2026-12-01T06:00:00.123456Z");

    private final List<LiveEvent> events = List.of(
            LiveEvent.of(Type.BUZZED).team(7L, 71L).question(2, 501L, null).judged(null, BuzzResult.WON).numbered(41, AT),
            LiveEvent.of(Type.ESSAY_SCORED).team(7L, null).question(5, 509L, null).essay(3L, new BigDecimal("14.50")).numbered(42, AT),
            LiveEvent.of(Type.ADJUSTED).team(8L, null).points(new BigDecimal("-5"), null).ruling("仲裁：\n抢答犯规", null, "host")
                    .numbered(43, AT));

    private static final String STATE = "{\"status\":\"RUNNING\",\"seq\":43,\"teams\":[{\"teamId\":8,\"score\":95}]}";

    @Test
    void eachReaderGetsWhatOneSseEventPerEventWouldHaveWritten() {
        LiveHub.Frames frames = new LiveHub.Frames(events, STATE);
        assertThat(text(frames, LiveSessions.Reader.HOST)).isEqualTo(asSseEmitterWritesThem(events));
        assertThat(text(frames, LiveSessions.Reader.READER))
                .isEqualTo(asSseEmitterWritesThem(events.stream().map(LiveEvent::forReaders).toList()));
    }

    @Test
    void onlyTheLastEventCarriesTheStateAfterIt() {
        for (LiveSessions.Reader reader : LiveSessions.Reader.values()) {
            String[] frames = text(new LiveHub.Frames(events, STATE), reader).split("\n\n");
            assertThat(frames).hasSize(3);
            assertThat(frames[0]).doesNotContain("\"state\"");
            assertThat(frames[1]).doesNotContain("\"state\"");
            JsonNode last = LiveStore.JSON.readTree(frames[2].substring(frames[2].indexOf("data:") + 5));
            assertThat(last.get("seq").asLong()).isEqualTo(43);
            assertThat(last.get("type").asString()).isEqualTo("ADJUSTED");
            assertThat(last.get("state")).isEqualTo(LiveStore.JSON.readTree(STATE));
        }
    }

    @Test
    void aJudgesEssayScoreReachesTheHostOnly() {
        LiveHub.Frames frames = new LiveHub.Frames(events, STATE);
        assertThat(text(frames, LiveSessions.Reader.HOST).split("\n\n")[1]).contains("\"judgeId\":3").contains("\"score\":14.50");
        assertThat(text(frames, LiveSessions.Reader.READER).split("\n\n")[1]).startsWith("id:42\ndata:{\"seq\":42,")
                .doesNotContain("judgeId").doesNotContain("\"score\"");
    }

    private static String text(LiveHub.Frames frames, LiveSessions.Reader reader) {
        return new String(frames.bytes(reader), StandardCharsets.UTF_8);
    }

    private static String asSseEmitterWritesThem(List<LiveEvent> shown) {
        return shown.stream().map(e -> SseEmitter.event().id(String.valueOf(e.seq())).data(json(e, e == shown.get(shown.size() - 1))).build()
                .stream().map(DataWithMediaType::getData).map(String::valueOf).collect(Collectors.joining())).collect(Collectors.joining());
    }

    private static String json(LiveEvent e, boolean withState) {
        if (!withState) {
            return LiveStore.JSON.writeValueAsString(e);
        }
        ObjectNode node = LiveStore.JSON.valueToTree(e);
        node.set("state", LiveStore.JSON.readTree(STATE));
        return LiveStore.JSON.writeValueAsString(node);
    }
}
