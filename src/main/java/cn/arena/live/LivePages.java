package cn.arena.live;

import cn.arena.account.CurrentUser;
import cn.arena.competition.LiveFinals;
import cn.arena.shared.Refusal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The live final's pages: host console, buzzer station, replay, team terminal, big screen (by its key, no login) and
 * judge pad. Each is a shell that follows the stream and renders the state from the API ({@code static/js/live.js}).
 */
@Controller
class LivePages {

    private final LiveSessions sessions;
    private final LiveFinals finals;

    LivePages(LiveSessions sessions, LiveFinals finals) {
        this.sessions = sessions;
        this.finals = finals;
    }

    @GetMapping("/live/{stageId}/host")
    String host(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, Model model) {
        return page(model, sessions.hosted(user, stageId), "host", null);
    }

    /** The buzzer station: wired buzzer boxes typing keys into this page, one key per team; a host's page. */
    @GetMapping("/live/{stageId}/station")
    String station(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, Model model) {
        return page(model, sessions.hosted(user, stageId), "station", null);
    }

    /** The replay of a final, moment by moment through its event log; a host's page. */
    @GetMapping("/live/{stageId}/replay")
    String replay(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, Model model) {
        return page(model, sessions.hosted(user, stageId), "replay", null);
    }

    @GetMapping("/live/{stageId}/terminal")
    String terminal(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, Model model) {
        sessions.reader(user, null, stageId);
        return page(model, stage(stageId), "terminal", null);
    }

    @GetMapping("/live/{stageId}/judge")
    String judge(@AuthenticationPrincipal CurrentUser user, @PathVariable long stageId, Model model) {
        sessions.reader(user, null, stageId);
        return page(model, stage(stageId), "judge", null);
    }

    @GetMapping("/live/{stageId}/screen")
    String screen(@AuthenticationPrincipal @Nullable CurrentUser user, @PathVariable long stageId,
            @RequestParam(required = false) @Nullable String key, Model model) {
        sessions.reader(user, key, stageId);
        return page(model, stage(stageId), "screen", key);
    }

    private LiveFinals.FinalStage stage(long stageId) {
        return finals.find(stageId).orElseThrow(Refusal::notFound);
    }

    private static String page(Model model, LiveFinals.FinalStage stage, String role, @Nullable String key) {
        model.addAttribute("stage", stage);
        model.addAttribute("role", role);
        model.addAttribute("key", key == null ? "" : key);
        return "live/" + role;
    }
}
