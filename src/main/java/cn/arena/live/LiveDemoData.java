package cn.arena.live;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionType;
import cn.arena.competition.LiveFinals;
import cn.arena.shared.DemoMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo live final's question set on a demo start, once: every round of the template takes its questions from the
 * demo bank — single-choice and true/false for the spoken rounds, essay and short-answer questions for ESSAY — and
 * three more for a tiebreak. With the competition's demo data (finalists, judges) the final is ready to START.
 */
@Component
@Order(50)
class LiveDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LiveDemoData.class);

    /** The bank module's demo bank (its DemoQuestions). */
    static final String BANK = "政务服务技能竞赛题库（演示）";

    private final DemoMode demo;
    private final LiveFinals finals;
    private final LiveSessions sessions;
    private final LiveStore store;
    private final QuestionCatalog questions;

    LiveDemoData(DemoMode demo, LiveFinals finals, LiveSessions sessions, LiveStore store, QuestionCatalog questions) {
        this.demo = demo;
        this.finals = finals;
        this.sessions = sessions;
        this.store = store;
        this.questions = questions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.isOn()) {
            return;
        }
        var stage = finals.demo();
        var bank = questions.findBankByName(BANK);
        if (stage.isEmpty() || bank.isEmpty()) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, false);
        long stageId = stage.get().stageId();
        sessions.hosted(system, stageId);
        LiveConfig config = store.session(stageId).orElseThrow().config();
        if (!config.plan().rounds().isEmpty() || !config.plan().tiers().isEmpty()) {
            return;
        }
        Deque<Long> spoken = ids(bank.get(), QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE);
        Deque<Long> essays = ids(bank.get(), QuestionType.ESSAY, QuestionType.SHORT_ANSWER);
        int teams = finals.teams(stageId).size();
        Map<Integer, List<Long>> rounds = new LinkedHashMap<>();
        Map<Integer, List<Long>> tiers = new LinkedHashMap<>();
        for (Round r : config.rounds()) {
            if (r.kind() == RoundKind.RISK) {
                r.tiersOrEmpty().forEach(tier -> tiers.put(tier, take(spoken, r.questionsNeeded(teams))));
            } else {
                rounds.put(r.no(), take(r.kind() == RoundKind.ESSAY ? essays : spoken, r.questionsNeeded(teams)));
            }
        }
        sessions.loadQuestions(system, stageId, new LiveEvent.Plan(rounds, tiers, take(spoken, 3)));
        log.info("Demo live final ready to run: host console at /live/{}/host (demo-organizer)", stageId);
    }

    private Deque<Long> ids(long bank, QuestionType... types) {
        return new ArrayDeque<>(Stream.of(types).flatMap(t -> questions.eligible(List.of(bank), t, null, null).stream())
                .map(Question::id).toList());
    }

    private static List<Long> take(Deque<Long> from, int count) {
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < count && !from.isEmpty(); i++) {
            taken.add(from.poll());
        }
        return taken;
    }
}
