package cn.arena.live;

import cn.arena.account.CurrentUser;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** The live final on the JSON API (contract: "Live final (现场决赛)"). */
@RestController
@RequestMapping("/api/v1/stages/{stageId}/live")
class LiveApi {

    record Result(String result, long seq) {}

    record ScreenKey(String key, String url) {}

    record Events(List<LiveEvent> events) {}

    private final LiveSessions sessions;
    private final LiveView view;
    private final LiveHub hub;

    LiveApi(LiveSessions sessions, LiveView view, LiveHub hub) {
        this.sessions = sessions;
        this.view = view;
        this.hub = hub;
    }

    @GetMapping
    @Operation(summary = "The final's state: rounds, teams with scores, the current question (its answer only once judged)")
    Map<String, Object> state(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long stageId,
            @RequestParam(required = false) @Nullable String key) {
        LiveSessions.Reader reader = sessions.reader(user, key, stageId);
        Map<String, Object> state = new LinkedHashMap<>(state(stageId, LiveSessions.Reader.READER));
        if (user != null) {
            sessions.finalist(stageId, user).ifPresent(f -> state.put("me", Map.of("teamId", f.teamId(), "personId", f.personId())));
            // a judge's pad explains a recusal before the judge tries to score
            List<Long> recused = sessions.read(stageId, s -> s.seats().stream().filter(t -> t.seated.recusedJudges().contains(user.id()))
                    .map(LiveState.Team::id).toList());
            if (!recused.isEmpty()) {
                state.put("recusedFor", recused);
            }
        }
        return state;
    }

    @GetMapping("/host")
    @Operation(summary = "The host console's state: the same, with the current question's answer and analysis before reveal")
    Map<String, Object> host(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        sessions.hosted(user, stageId);
        return state(stageId, LiveSessions.Reader.HOST);
    }

    private Map<String, Object> state(long stageId, LiveSessions.Reader reader) {
        var waiting = sessions.read(stageId, s -> s.status == LiveState.Status.READY).booleanValue()
                ? sessions.finalsTeams(stageId) : List.<cn.arena.competition.LiveFinals.FinalTeam>of();
        return sessions.read(stageId, s -> view.of(s, reader, waiting));
    }

    @PutMapping("/rounds")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set the base score and the rounds before START (409 after)")
    void rounds(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @RequestBody JsonNode body) {
        JsonNode base = body.get("baseScore");
        BigDecimal baseScore = base == null || !base.isNumber() ? null : base.decimalValue();
        sessions.configureRounds(user, stageId, baseScore, LiveConfig.rounds(body.get("rounds")));
    }

    @PutMapping("/questions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Load each round's bank questions (RISK by tier; optional tiebreak questions) before START; too few → 422")
    void questions(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @RequestBody JsonNode body) {
        Map<Integer, List<Long>> rounds = new LinkedHashMap<>();
        Map<Integer, List<Long>> tiers = new LinkedHashMap<>();
        JsonNode list = body.get("rounds");
        if (list == null || !list.isArray()) {
            throw Refusal.invalid(Violation.field("rounds", "live.questions.required"));
        }
        for (JsonNode r : list) {
            if (!r.path("round").isInt()) {
                throw Refusal.invalid(Violation.field("rounds", "live.questions.round"));
            }
            if (r.has("tiers")) {
                for (JsonNode t : r.get("tiers")) {
                    tiers.put(t.path("tier").asInt(), ids(t.get("questionIds")));
                }
            } else {
                rounds.put(r.get("round").asInt(), ids(r.get("questionIds")));
            }
        }
        sessions.loadQuestions(user, stageId, new LiveEvent.Plan(rounds, tiers, ids(body.get("tiebreak"))));
    }

    private static List<Long> ids(@Nullable JsonNode node) {
        List<Long> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (!node.isArray()) {
            throw Refusal.invalid(Violation.field("questionIds", "live.questions.ids"));
        }
        for (JsonNode id : node) {
            if (!id.isIntegralNumber()) {
                throw Refusal.invalid(Violation.field("questionIds", "live.questions.ids"));
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    @PostMapping("/commands")
    @Operation(summary = "A host's command (START, NEXT_ROUND, NEXT_QUESTION, OPEN, JUDGE, TIMEOUT, ADJUST, UNDO, TIEBREAK, FINISH); idempotent by commandId")
    Map<String, Object> command(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @RequestBody JsonNode body) {
        long seq = sessions.command(user, stageId, command(body));
        return Map.of("seq", seq, "state", sessions.read(stageId, seq, s -> view.of(s, LiveSessions.Reader.READER, List.of())));
    }

    private static LiveCommand command(JsonNode b) {
        List<Violation> problems = new ArrayList<>();
        String type = b.path("type").asString("");
        if (type.isBlank()) {
            problems.add(Violation.field("type", "live.command.type"));
        }
        JsonNode correct = b.get("correct");
        if (correct != null && !correct.isNull() && !correct.isBoolean()) {
            problems.add(Violation.field("correct", "live.command.correct.required"));
        }
        JsonNode tier = b.get("tier");
        if (tier != null && !tier.isNull() && !tier.isInt()) {
            problems.add(Violation.field("tier", "live.command.tier.unknown", List.of()));
        }
        JsonNode points = b.get("points");
        if (points != null && !points.isNull() && !points.isNumber()) {
            problems.add(Violation.field("points", "live.command.points.invalid"));
        }
        JsonNode team = b.get("teamId");
        if (team != null && !team.isNull() && !team.isIntegralNumber()) {
            problems.add(Violation.field("teamId", "live.command.team.unknown"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return new LiveCommand(b.path("commandId").asString(""), type, correct == null || correct.isNull() ? null : correct.asBoolean(),
                tier == null || tier.isNull() ? null : tier.asInt(), b.has("tier"), team == null || team.isNull() ? null : team.asLong(),
                points == null || points.isNull() ? null : points.decimalValue(), b.path("reason").isString() ? b.get("reason").asString() : null,
                b.has("seats") ? ids(b.get("seats")) : null, b.has("teamIds") ? ids(b.get("teamIds")) : null);
    }

    @PostMapping("/buzz")
    @Operation(summary = "A finalist's buzz, timed when the server receives it: WON, LATE, EARLY (foul), LOCKED or CLOSED")
    Result buzz(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        LiveSessions.Appended a = sessions.buzz(user, stageId);
        return new Result(a.event().result().name(), a.seq());
    }

    record Press(@Nullable String pressId) {}

    @PostMapping("/buzz/{teamId}")
    @Operation(summary = "The buzzer station: a key pressed for a team, by a host of the final (audited); timed on receipt, idempotent by pressId")
    Result stationBuzz(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @PathVariable long teamId,
            @RequestBody(required = false) @Nullable Press press) {
        LiveSessions.Appended a = sessions.stationBuzz(user, stageId, teamId, press == null ? null : press.pressId());
        return new Result(a.event().result().name(), a.seq());
    }

    @GetMapping("/replay")
    @Operation(summary = "Replay (organizer): the state after event seq — the fold of events 1…seq, answers only as revealed then — and that event")
    Map<String, Object> replay(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @RequestParam long seq) {
        LiveSessions.Moment m = sessions.replay(user, stageId, seq);
        var waiting = m.state().status == LiveState.Status.READY ? sessions.finalsTeams(stageId) : List.<cn.arena.competition.LiveFinals.FinalTeam>of();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seq", seq);
        body.put("last", m.last());
        body.put("event", m.event());
        body.put("state", view.of(m.state(), LiveSessions.Reader.READER, waiting));
        return body;
    }

    @PutMapping("/essay/{teamId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A judge's essay score for the team answering now (replaces the judge's own until judged); recused → 409 RECUSAL")
    void essay(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, @PathVariable long teamId, @RequestBody JsonNode body) {
        JsonNode points = body.get("points");
        if (points != null && !points.isNull() && !points.isNumber()) {
            throw Refusal.invalid(Violation.field("points", "live.essay.points.required"));
        }
        sessions.essayScore(user, stageId, teamId, points == null || points.isNull() ? null : points.decimalValue());
    }

    @GetMapping("/events")
    @Operation(summary = "The event log after a seq, in order (also with ?key=)")
    Events events(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long stageId,
            @RequestParam(defaultValue = "0") long after, @RequestParam(required = false) @Nullable String key) {
        return new Events(sessions.events(stageId, after, sessions.reader(user, key, stageId)));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The events as Server-Sent Events (id: seq), resuming after Last-Event-ID (also with ?key=)")
    @ApiResponse(responseCode = "200", description = "each event as id:<seq> and data:<event JSON>, then the live ones; the last "
            + "event of each sending also carries state, the final's state after it as GET …/live gives it (without me and recusedFor)",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
    void stream(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long stageId,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable Long lastEventId,
            @RequestParam(required = false) @Nullable Long after, @RequestParam(required = false) @Nullable String key,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveSessions.Reader reader = sessions.reader(user, key, stageId);
        long from = lastEventId != null ? lastEventId : after != null ? after : 0;
        hub.subscribe(request, response, stageId, from, reader);
    }

    @GetMapping("/screen-key")
    @Operation(summary = "The big screen's key and link: state, stream and events read with ?key= without a login")
    ScreenKey screenKey(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId) {
        String key = sessions.screenKey(user, stageId);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/live/{stageId}/screen").queryParam("key", key)
                .buildAndExpand(stageId).toUriString();
        return new ScreenKey(key, url);
    }
}
