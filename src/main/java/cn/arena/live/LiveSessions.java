package cn.arena.live;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.bank.QuestionCatalog;
import cn.arena.competition.LiveFinals;
import cn.arena.competition.StageJudges;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the finals: every command, buzz and judge's score is decided against the state under the session row's lock
 * and appended to the log before it is acknowledged. The state of a session is the fold of its log; this node keeps a
 * fold per session and brings it up to the log's last seq before each use, so the database alone is the truth and
 * any node may take any request.
 */
@Service
class LiveSessions {

    /** Who reads a final: the host sees the current answer early and the judges' scores; everyone else does not. */
    enum Reader { HOST, READER }

    /** A finalist at a terminal: their team and themselves. */
    record Finalist(long teamId, long personId) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LiveStore store;
    private final LiveFinals finals;
    private final StageJudges judges;
    private final People people;
    private final OrgTree tree;
    private final QuestionCatalog questions;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final LiveHub hub;
    private final LiveNotifications notifications;
    private final Map<Long, Folded> folds = new ConcurrentHashMap<>();

    /** This node's fold of one session's log, guarded by its lock. */
    private static final class Folded {
        final ReentrantLock lock = new ReentrantLock();
        @Nullable LiveState state;
    }

    LiveSessions(LiveStore store, LiveFinals finals, StageJudges judges, People people, OrgTree tree, QuestionCatalog questions,
            AuditLog audit, Clock clock, TransactionTemplate tx, LiveHub hub, LiveNotifications notifications) {
        this.store = store;
        this.finals = finals;
        this.judges = judges;
        this.people = people;
        this.tree = tree;
        this.questions = questions;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.hub = hub;
        this.notifications = notifications;
    }

    // ---- who may do what

    LiveFinals.FinalStage hosted(CurrentUser user, long stageId) {
        if (!user.isAdmin() && !user.has(Role.ORGANIZER)) {
            throw Refusal.forbidden();
        }
        LiveFinals.FinalStage stage = finals.managed(user, stageId);
        ensureSession(stage);
        return stage;
    }

    /** The final as this caller may read it (organizer in scope, judge, finalist, or the screen key); otherwise 404. */
    Reader reader(@Nullable CurrentUser user, @Nullable String key, long stageId) {
        LiveFinals.FinalStage stage = finals.find(stageId).orElseThrow(Refusal::notFound);
        ensureSession(stage);
        if (user != null && finals.canManage(user, stage)) {
            return Reader.HOST;
        }
        if (key != null && store.stageOfScreenKey(key).filter(s -> s == stageId).isPresent()) {
            return Reader.READER;
        }
        if (user != null && (judges.isJudge(stageId, user.id()) || finalist(stage, user).isPresent())) {
            return Reader.READER;
        }
        throw Refusal.notFound();
    }

    /** The team and person this user plays for in the final, if a finalist. */
    Optional<Finalist> finalist(long stageId, CurrentUser user) {
        return finalist(finals.find(stageId).orElseThrow(Refusal::notFound), user);
    }

    private Optional<Finalist> finalist(LiveFinals.FinalStage stage, CurrentUser user) {
        LiveState s = read(stage.stageId(), st -> st);
        if (s.status != LiveState.Status.READY) {
            for (LiveState.Team t : s.seats()) {
                Long person = t.seated.personOfAccount().get(user.id());
                if (person != null) {
                    return Optional.of(new Finalist(t.id(), person));
                }
            }
            return Optional.empty();
        }
        for (LiveFinals.FinalTeam t : finals.teams(stage.stageId())) {
            for (long person : t.finalistIds()) {
                if (people.accountOf(person).filter(a -> a == user.id()).isPresent()) {
                    return Optional.of(new Finalist(t.teamId(), person));
                }
            }
        }
        return Optional.empty();
    }

    private void ensureSession(LiveFinals.FinalStage stage) {
        store.createIfAbsent(stage.stageId(), () -> LiveConfig.fromTemplate(stage.templateSource()));
    }

    // ---- configuration before START

    void configureRounds(CurrentUser user, long stageId, @Nullable BigDecimal baseScore, List<Round> rounds) {
        hosted(user, stageId);
        if (baseScore == null || baseScore.signum() < 0 || baseScore.scale() > 2) {
            throw Refusal.invalid(Violation.field("baseScore", "live.baseScore.invalid"));
        }
        changeConfig(stageId, c -> c.withRounds(baseScore, rounds));
        audit.record("LIVE_ROUNDS_SET", "stage:" + stageId, "rounds=" + rounds.size() + " base=" + baseScore.toPlainString());
    }

    void loadQuestions(CurrentUser user, long stageId, LiveEvent.Plan plan) {
        hosted(user, stageId);
        LiveConfig config = store.session(stageId).orElseThrow().config();
        List<Violation> problems = new ArrayList<>();
        List<Long> all = new ArrayList<>(plan.tiebreak());
        plan.rounds().values().forEach(all::addAll);
        plan.tiers().values().forEach(all::addAll);
        Map<Long, cn.arena.bank.Question> found = new HashMap<>();
        questions.findAll(new HashSet<>(all)).forEach(q -> found.put(q.id(), q));
        for (long id : new HashSet<>(all)) {
            cn.arena.bank.Question q = found.get(id);
            if (q == null || !questions.bankVisibleTo(user, q.bankId())) {
                problems.add(Violation.field("questionIds", "live.questions.unknown", id));
            }
        }
        problems.addAll(shortRounds(config.rounds(), plan, finals.teams(stageId).size()));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        changeConfig(stageId, c -> c.withPlan(plan));
        audit.record("LIVE_QUESTIONS_SET", "stage:" + stageId, "questions=" + all.size());
    }

    /** Every round too short of questions for this many teams, named. */
    private static List<Violation> shortRounds(List<Round> rounds, LiveEvent.Plan plan, int teams) {
        List<Violation> problems = new ArrayList<>();
        for (Round r : rounds) {
            if (r.kind() == RoundKind.RISK) {
                for (int tier : r.tiersOrEmpty()) {
                    int have = plan.tiers().getOrDefault(tier, List.of()).size();
                    if (have < r.questionsNeeded(teams)) {
                        problems.add(Violation.field("rounds", "live.questions.tooFewTier", r.no(), r.name(), tier, r.questionsNeeded(teams), have));
                    }
                }
            } else {
                int have = plan.rounds().getOrDefault(r.no(), List.of()).size();
                if (have < r.questionsNeeded(teams)) {
                    problems.add(Violation.field("rounds", "live.questions.tooFew", r.no(), r.name(), r.questionsNeeded(teams), have));
                }
            }
        }
        return problems;
    }

    private void changeConfig(long stageId, Function<LiveConfig, LiveConfig> change) {
        tx.executeWithoutResult(t -> {
            long last = store.lock(stageId);
            if (read(stageId, last, s -> s.status) != LiveState.Status.READY) {
                throw LiveRules.broken("ALREADY_STARTED");
            }
            store.saveConfig(stageId, change.apply(store.session(stageId).orElseThrow().config()));
        });
    }

    // ---- the log

    record Appended(long seq, LiveEvent event) {}

    /** Runs a host's command; a commandId already in the log does nothing again and answers with the seq it had. */
    long command(CurrentUser user, long stageId, LiveCommand c) {
        LiveFinals.FinalStage stage = hosted(user, stageId);
        if (c.commandId() == null || c.commandId().isBlank() || c.commandId().length() > 64) {
            throw Refusal.invalid(Violation.field("commandId", "live.command.commandId"));
        }
        Optional<Long> done = store.seqOfCommand(stageId, c.commandId());
        if (done.isPresent()) {
            return done.get();
        }
        Appended a = append(stageId, c.commandId(), s -> {
            if (c.type().equals("START")) {
                return LiveReferee.start(s, setup(stage, c.seats()));
            }
            LiveEvent e = LiveReferee.decide(s, c);
            return e.ruling(e.reason(), e.reverts(), user.username());
        }, (before, e) -> {
            if (e.type() == LiveEvent.Type.FINISHED) {
                Map<Long, LiveFinals.FinalScore> scores = new LinkedHashMap<>();
                before.seats().forEach(t -> scores.put(t.id(), new LiveFinals.FinalScore(before.score(t.id()),
                        before.tiebreakTeams.contains(t.id()) ? t.tiebreakPoints : null)));
                finals.enterFinalScores(user, stageId, scores, "现场决赛");
            }
        });
        if (a.event().type() == LiveEvent.Type.ADJUSTED || a.event().type() == LiveEvent.Type.UNDONE) {
            audit.record("LIVE_" + a.event().type().name(), "team:" + a.event().teamId(), "stage=" + stageId + " points="
                    + a.event().points().toPlainString() + " reason=" + a.event().reason());
        }
        return a.seq();
    }

    Appended buzz(CurrentUser user, long stageId) {
        LiveFinals.FinalStage stage = finals.find(stageId).orElseThrow(Refusal::notFound);
        ensureSession(stage);
        Finalist f = finalist(stage, user).orElseThrow(Refusal::forbidden);
        return append(stageId, null, s -> LiveReferee.buzz(s, f.teamId(), f.personId()), NOTHING_AFTER);
    }

    /**
     * A key pressed at the buzzer station for a team, by a host of the final: the same referee as a terminal's buzz,
     * timed when the server receives it, the host named in the event and audited. A press is sent with its own id, so
     * a press sent again (a retry) does nothing again and answers as the first time.
     */
    Appended stationBuzz(CurrentUser user, long stageId, long teamId, @Nullable String pressId) {
        hosted(user, stageId);
        if (pressId == null || !pressId.matches("[A-Za-z0-9-]{8,48}")) {
            throw Refusal.invalid(Violation.field("pressId", "live.station.pressId"));
        }
        String commandId = "press:" + pressId;
        boolean again = store.seqOfCommand(stageId, commandId).isPresent();
        Appended a = append(stageId, commandId, s -> {
            boolean inFinal = s.status == LiveState.Status.READY
                    ? finals.teams(stageId).stream().anyMatch(t -> t.teamId() == teamId) : s.teams.containsKey(teamId);
            if (!inFinal) {
                throw Refusal.notFound();
            }
            return LiveReferee.buzz(s, teamId, null).ruling(null, null, user.username());
        }, NOTHING_AFTER);
        if (!again) {
            audit.record("LIVE_STATION_BUZZ", "team:" + teamId, "stage=" + stageId + " seq=" + a.seq() + " result=" + a.event().result());
        }
        return a;
    }

    /** A moment of a final for its replay: the state after event {@code seq} and that event; {@code last}: the log's end. */
    record Moment(LiveState state, @Nullable LiveEvent event, long last) {}

    /** The state at {@code seq} is the fold of events 1 … seq, folded apart from this node's live fold. */
    Moment replay(CurrentUser user, long stageId, long seq) {
        hosted(user, stageId);
        LiveStore.SessionRow session = store.session(stageId).orElseThrow();
        if (seq < 0 || seq > session.lastSeq()) {
            throw Refusal.invalid(Violation.field("seq", "live.replay.seq", session.lastSeq()));
        }
        List<LiveEvent> events = store.events(stageId, 0, seq);
        LiveState state = LiveState.fold(session.config().baseScore(), session.config().rounds(), events);
        return new Moment(state, events.isEmpty() ? null : events.get(events.size() - 1), session.lastSeq());
    }

    long lastSeq(long stageId) {
        return store.lastSeq(stageId).orElse(0L);
    }

    void essayScore(CurrentUser user, long stageId, long teamId, @Nullable BigDecimal points) {
        finals.find(stageId).ifPresentOrElse(this::ensureSession, () -> {
            throw Refusal.notFound();
        });
        if (!judges.isJudge(stageId, user.id())) {
            throw Refusal.forbidden();
        }
        if (points == null) {
            throw Refusal.invalid(Violation.field("points", "live.essay.points.required"));
        }
        append(stageId, null, s -> {
            if (s.teamId == null || s.teamId != teamId || s.round == null || s.round.kind() != RoundKind.ESSAY) {
                if (s.status == LiveState.Status.RUNNING && !s.teams.containsKey(teamId)) {
                    throw Refusal.notFound();
                }
                throw LiveRules.broken("NOT_ANSWERING");
            }
            return LiveReferee.essayScore(s, user.id(), points);
        }, NOTHING_AFTER);
    }

    private static final BiConsumer<LiveState, LiveEvent> NOTHING_AFTER = (s, e) -> { };

    /**
     * Decides and appends one event under the session's row lock, then runs {@code then} (with the state before the
     * event) in the same transaction; the event is in the database before this returns.
     */
    private Appended append(long stageId, @Nullable String commandId, Function<LiveState, LiveEvent> decide,
            BiConsumer<LiveState, LiveEvent> then) {
        Appended appended = tx.execute(t -> {
            long last = store.lock(stageId);
            if (commandId != null) {
                Optional<Long> done = store.seqOfCommand(stageId, commandId);
                if (done.isPresent()) {
                    return new Appended(done.get(), store.events(stageId, done.get() - 1, done.get()).get(0));
                }
            }
            Instant now = clock.instant();
            LiveEvent event = read(stageId, last, s -> {
                LiveEvent e = decide.apply(s).numbered(last + 1, now);
                then.accept(s, e);
                return e;
            });
            store.append(stageId, event, commandId);
            notifications.publish(stageId, event.seq());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hub.committed(stageId, event.seq());
                }
            });
            return new Appended(event.seq(), event);
        });
        return appended;
    }

    // ---- reading the state

    /**
     * Reads the state brought up at least to the log's last seq as this call saw it. A fold already past it (a request
     * beside this one caught it up meanwhile) is as fresh and is used as it is: folding the whole log anew for it would
     * cost every concurrent buzz a read of thousands of events.
     */
    <T> T read(long stageId, Function<LiveState, T> reading) {
        return fold(stageId, lastSeq(stageId), false, reading);
    }

    /** Reads the state as it was at {@code upTo}: this node's fold caught up to it, or folded anew if it is past it. */
    <T> T read(long stageId, long upTo, Function<LiveState, T> reading) {
        return fold(stageId, upTo, true, reading);
    }

    private <T> T fold(long stageId, long upTo, boolean exactly, Function<LiveState, T> reading) {
        Folded f = folds.computeIfAbsent(stageId, id -> new Folded());
        f.lock.lock();
        try {
            LiveState s = f.state;
            // before START the rounds come from the session's configuration, which any node may have changed since
            if (s == null || exactly && s.seq > upTo || s.status == LiveState.Status.READY) {
                LiveConfig config = store.session(stageId).orElseThrow().config();
                s = LiveState.ready(config.baseScore(), config.rounds());
            }
            if (s.seq < upTo) {
                store.events(stageId, s.seq, upTo).forEach(s::apply);
            }
            f.state = s;
            return reading.apply(s);
        } finally {
            f.lock.unlock();
        }
    }

    List<LiveEvent> events(long stageId, long after, Reader reader) {
        List<LiveEvent> events = store.events(stageId, after, Long.MAX_VALUE);
        return reader == Reader.HOST ? events : events.stream().map(LiveEvent::forReaders).toList();
    }

    List<LiveFinals.FinalTeam> finalsTeams(long stageId) {
        return finals.teams(stageId);
    }

    // ---- START

    private LiveEvent.Setup setup(LiveFinals.FinalStage stage, @Nullable List<Long> seats) {
        LiveConfig config = store.session(stage.stageId()).orElseThrow().config();
        List<LiveFinals.FinalTeam> advanced = finals.teams(stage.stageId());
        List<LiveFinals.FinalTeam> ordered = advanced;
        if (seats != null) {
            Map<Long, LiveFinals.FinalTeam> byId = new HashMap<>();
            advanced.forEach(t -> byId.put(t.teamId(), t));
            if (seats.size() != advanced.size() || !byId.keySet().equals(new HashSet<>(seats))) {
                throw Refusal.invalid(Violation.field("seats", "live.start.seats"));
            }
            ordered = seats.stream().map(byId::get).toList();
        }
        if (ordered.isEmpty() || ordered.stream().anyMatch(t -> t.finalistIds().size() != stage.finalistsPerTeam())) {
            throw LiveRules.broken("FINALISTS_MISSING");
        }
        if (config.rounds().isEmpty() || !shortRounds(config.rounds(), config.plan(), ordered.size()).isEmpty()) {
            throw LiveRules.broken("QUESTIONS_MISSING");
        }
        List<StageJudges.Judge> panel = judges.panel(stage.stageId());
        if (config.rounds().stream().anyMatch(r -> r.kind() == RoundKind.ESSAY) && panel.isEmpty()) {
            throw LiveRules.broken("NO_JUDGES");
        }
        List<LiveEvent.SeatedTeam> teams = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            LiveFinals.FinalTeam t = ordered.get(i);
            Map<Long, Long> personOfAccount = new LinkedHashMap<>();
            t.finalistIds().forEach(p -> people.accountOf(p).ifPresent(a -> personOfAccount.put(a, p)));
            List<Long> teamChain = tree.ancestorsOf(t.orgUnitId());
            List<Long> recused = panel.stream().filter(j -> j.orgUnitId() != null
                    && Recusal.applies(tree.ancestorsOf(j.orgUnitId()), teamChain, stage.ownerUnitId())).map(StageJudges.Judge::userId).toList();
            teams.add(new LiveEvent.SeatedTeam(t.teamId(), t.unitName(), i + 1, t.finalistIds(), personOfAccount, recused));
        }
        List<Long> used = new ArrayList<>(config.plan().tiebreak());
        config.plan().rounds().values().forEach(used::addAll);
        config.plan().tiers().values().forEach(used::addAll);
        questions.markUsed(used);
        return new LiveEvent.Setup(config.baseScore(), config.rounds(), config.plan(), teams,
                panel.stream().map(StageJudges.Judge::userId).toList());
    }

    // ---- the screen key

    String screenKey(CurrentUser user, long stageId) {
        hosted(user, stageId);
        String existing = store.session(stageId).orElseThrow().screenKey();
        if (existing != null) {
            return existing;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        store.saveScreenKey(stageId, key);
        audit.record("LIVE_SCREEN_KEY", "stage:" + stageId, null);
        return key;
    }
}
