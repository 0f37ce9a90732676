package cn.arena.competition;

import cn.arena.account.AccountService;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.exam.ExamDirectory;
import cn.arena.marking.ExamResults;
import cn.arena.marking.ReleasedScore;
import cn.arena.org.OrgTree;
import cn.arena.org.OrgUnitKind;
import cn.arena.org.People;
import cn.arena.shared.Ranking;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A competition's stages: sittings that turn approved team members into candidates of an exam, standings from
 * released results (or hand-entered team scores), advancement into the next stage, finalists, and awards.
 */
@Service
class Stages {

    record Room(@Nullable String name, int seats) {}

    record IssuedAccount(long personId, String name, String username, @Nullable String initialPassword, @Nullable String room,
            @Nullable Integer seat) {}

    record SittingCreated(long id, int enrolled, List<IssuedAccount> accounts) {}

    public record IndividualStanding(@Nullable Integer rank, long personId, String name, long teamId, String unitName,
            @Nullable BigDecimal score, boolean absent) {}

    public record TeamStanding(@Nullable Integer rank, long teamId, String unitName, @Nullable BigDecimal score, boolean advanced) {}

    public record Standings(List<IndividualStanding> individuals, List<TeamStanding> teams) {}

    public record IndividualAward(Award award, int rank, long personId, String name, String unitName, BigDecimal score) {}

    public record TeamAward(Award award, int rank, long teamId, String unitName, BigDecimal score) {}

    public record Awards(List<IndividualAward> individual, List<TeamAward> team) {}

    /** A team as it takes part in a stage: who of it sits, and their scores. */
    private record Entry(CompetitionStore.TeamRow team, String unitName, List<Long> personIds, List<@Nullable BigDecimal> scores,
            @Nullable BigDecimal score) {}

    private final Competitions competitions;
    private final Registration registration;
    private final CompetitionStore store;
    private final OrgTree tree;
    private final People people;
    private final AccountService accounts;
    private final ExamDirectory exams;
    private final ExamResults results;
    private final AuditLog audit;
    private final Clock clock;

    Stages(Competitions competitions, Registration registration, CompetitionStore store, OrgTree tree, People people,
            AccountService accounts, ExamDirectory exams, ExamResults results, AuditLog audit, Clock clock) {
        this.competitions = competitions;
        this.registration = registration;
        this.store = store;
        this.tree = tree;
        this.people = people;
        this.accounts = accounts;
        this.exams = exams;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stage and its competition, if the user may see the competition; otherwise 404. */
    public record StageOf(Competitions.Competition competition, CompetitionStore.StageRow stage) {}

    StageOf visible(CurrentUser user, long stageId) {
        CompetitionStore.StageRow stage = store.stage(stageId).orElseThrow(Refusal::notFound);
        return new StageOf(competitions.get(user, stage.competitionId()), stage);
    }

    StageOf managed(CurrentUser user, long stageId) {
        CompetitionStore.StageRow stage = store.stage(stageId).orElseThrow(Refusal::notFound);
        return new StageOf(competitions.manage(user, stage.competitionId()), stage);
    }

    /**
     * Seats the members of the stage's teams from units of the given kinds in one exam: each gets a CANDIDATE
     * login (a person who has one keeps it) and is enrolled, so they can sit this exam and no other sitting's.
     */
    @Transactional
    SittingCreated createSitting(CurrentUser actor, long stageId, @Nullable Long examId, @Nullable List<String> unitKinds,
            @Nullable List<Room> rooms) {
        StageOf s = managed(actor, stageId);
        List<Violation> problems = new ArrayList<>();
        if (s.stage().kind() != StageKind.WRITTEN) {
            throw Refusal.conflict("competition.sitting.notWritten");
        }
        if (examId == null || exams.findVisible(actor, examId).isEmpty()) {
            problems.add(Violation.field("examId", "competition.sitting.exam.unknown"));
        }
        Set<OrgUnitKind> kinds = EnumSet.noneOf(OrgUnitKind.class);
        for (String k : unitKinds == null ? List.<String>of() : unitKinds) {
            try {
                kinds.add(OrgUnitKind.valueOf(k));
            } catch (IllegalArgumentException e) {
                problems.add(Violation.field("unitKinds", "competition.sitting.unitKind.unknown", k));
            }
        }
        if (kinds.isEmpty() && problems.stream().noneMatch(p -> "unitKinds".equals(p.field()))) {
            problems.add(Violation.field("unitKinds", "competition.sitting.unitKinds.required"));
        }
        List<Room> roomList = rooms == null ? List.of() : rooms;
        if (roomList.stream().anyMatch(r -> r.seats() < 1 || r.name() == null || r.name().isBlank())) {
            problems.add(Violation.field("rooms", "competition.sitting.rooms.invalid"));
        }
        Set<Long> seated = store.seats(stageId).stream().map(CompetitionStore.SeatRow::personId).collect(Collectors.toSet());
        List<Entry> entries = entries(s.competition(), s.stage()).stream()
                .filter(e -> tree.find(e.team().orgUnitId()).map(u -> kinds.contains(u.kind())).orElse(false)).toList();
        List<Long> candidates = new ArrayList<>();
        Map<Long, Long> unitOf = new HashMap<>();
        for (Entry e : entries) {
            for (long personId : e.personIds()) {
                if (!seated.contains(personId)) {
                    candidates.add(personId);
                    unitOf.put(personId, e.team().orgUnitId());
                }
            }
        }
        int seats = roomList.stream().mapToInt(Room::seats).sum();
        if (!roomList.isEmpty() && seats < candidates.size() && problems.isEmpty()) {
            problems.add(Violation.field("rooms", "competition.sitting.rooms.tooFew", seats, candidates.size()));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        long sittingId = store.insertSitting(stageId, examId, kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                clock.instant());
        List<IssuedAccount> issued = new ArrayList<>();
        List<Long> userIds = new ArrayList<>();
        Map<Long, Long> accountOf = new HashMap<>();
        for (long personId : candidates) {
            people.accountOf(personId).ifPresent(userId -> accountOf.put(personId, userId));
        }
        Map<Long, String> usernameOf = new HashMap<>();
        accounts.findAll(accountOf.values()).forEach((userId, login) -> usernameOf.put(userId, login.username()));
        int roomIndex = 0;
        int seat = 0;
        for (long personId : candidates) {
            People.PersonView person = people.find(personId).orElseThrow();
            Long existing = accountOf.get(personId);
            long userId;
            String username;
            String password = null;
            if (existing != null && usernameOf.containsKey(existing)) {
                userId = existing;
                username = usernameOf.get(existing);
            } else {
                AccountService.IssuedLogin login = accounts.issueCandidateLogin(person.name(), unitOf.get(personId), "p" + personId);
                people.linkAccount(personId, login.userId());
                userId = login.userId();
                username = login.username();
                password = login.initialPassword();
                accountOf.put(personId, userId);
                usernameOf.put(userId, username);
            }
            String room = null;
            Integer seatNo = null;
            if (!roomList.isEmpty()) {
                if (seat == roomList.get(roomIndex).seats()) {
                    roomIndex++;
                    seat = 0;
                }
                room = roomList.get(roomIndex).name();
                seatNo = ++seat;
            }
            store.insertSeat(sittingId, personId, userId, room, seatNo);
            userIds.add(userId);
            issued.add(new IssuedAccount(personId, person.name(), username, password, room, seatNo));
        }
        exams.enrol(examId, userIds);
        audit.record("SITTING_CREATED", "sitting:" + sittingId, "stage=" + stageId + " exam=" + examId + " candidates=" + userIds.size());
        return new SittingCreated(sittingId, issued.size(), issued);
    }

    Standings standings(CurrentUser user, long stageId) {
        StageOf s = visible(user, stageId);
        return standings(s.competition(), s.stage());
    }

    Standings standings(Competitions.Competition c, CompetitionStore.StageRow stage) {
        List<Entry> entries = entries(c, stage);
        CompetitionRules.Advancement advancement = c.rules().advancement();
        Set<Long> advanced = advancement.from().equals(stage.code())
                ? new HashSet<>(store.stageTeams(c.stage(advancement.to()).id())) : Set.of();
        List<IndividualStanding> individuals = new ArrayList<>();
        if (stage.kind() == StageKind.WRITTEN) {
            record Person(long personId, long teamId, String unitName, @Nullable BigDecimal score) {}
            List<Person> persons = new ArrayList<>();
            for (Entry e : entries) {
                for (int i = 0; i < e.personIds().size(); i++) {
                    persons.add(new Person(e.personIds().get(i), e.team().id(), e.unitName(), e.scores().get(i)));
                }
            }
            for (var r : Ranking.rank(persons, Person::score, Ranking.noTieBreak())) {
                Person p = r.entry();
                individuals.add(new IndividualStanding(r.rank(), p.personId(), people.find(p.personId()).map(People.PersonView::name).orElse(""),
                        p.teamId(), p.unitName(), p.score(), p.score() == null));
            }
        }
        List<TeamStanding> teams = rankTeams(c, entries).stream().map(r -> new TeamStanding(r.rank(), r.entry().team().id(),
                r.entry().unitName(), r.entry().score(), advanced.contains(r.entry().team().id()))).toList();
        return new Standings(individuals, teams);
    }

    private List<Ranking.Ranked<Entry>> rankTeams(Competitions.Competition c, List<Entry> entries) {
        Comparator<Entry> tieBreak = Comparator.comparing(Entry::scores, c.rules().teamScore().tieBreak().comparator());
        return Ranking.rank(entries, Entry::score, tieBreak);
    }

    /** Applies the advancement rule of this stage; repeatable until the next stage has scores. */
    @Transactional
    List<Long> advance(CurrentUser actor, long stageId) {
        StageOf s = managed(actor, stageId);
        CompetitionRules.Advancement rule = s.competition().rules().advancement();
        if (!rule.from().equals(s.stage().code())) {
            throw Refusal.conflict("competition.advance.notFromHere");
        }
        CompetitionStore.StageRow next = s.competition().stage(rule.to());
        if (hasScores(next)) {
            throw Refusal.conflict("competition.advance.nextStageScored");
        }
        List<Long> advancing = rule.rule().advancing(rankTeams(s.competition(), entries(s.competition(), s.stage())))
                .stream().map(e -> e.team().id()).toList();
        store.replaceStageTeams(next.id(), advancing);
        audit.record("TEAMS_ADVANCED", "stage:" + next.id(), "teams=" + advancing);
        return advancing;
    }

    @Transactional
    void nameFinalists(CurrentUser actor, long stageId, long teamId, @Nullable List<Long> personIds) {
        StageOf s = managed(actor, stageId);
        CompetitionStore.TeamRow team = store.team(teamId).filter(t -> t.competitionId() == s.competition().id())
                .orElseThrow(Refusal::notFound);
        CompetitionRules.Advancement rule = s.competition().rules().advancement();
        if (!rule.to().equals(s.stage().code()) || !store.stageTeams(stageId).contains(team.id())) {
            throw Refusal.conflict("competition.finalists.notAdvanced");
        }
        List<Long> ids = personIds == null ? List.of() : personIds;
        Set<Long> members = store.members(teamId).stream().map(CompetitionStore.MemberRow::personId).collect(Collectors.toSet());
        List<Violation> problems = new ArrayList<>();
        if (ids.size() != rule.membersPerTeam() || new HashSet<>(ids).size() != ids.size()) {
            problems.add(Violation.field("personIds", "competition.finalists.count", rule.membersPerTeam()));
        }
        ids.stream().filter(id -> !members.contains(id)).forEach(id ->
                problems.add(Violation.field("personIds", "competition.finalists.notInTeam", id)));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        store.replaceFinalists(stageId, teamId, ids);
        audit.record("FINALISTS_NAMED", "team:" + teamId, "stage=" + stageId + " people=" + ids);
    }

    @Transactional
    void enterScore(CurrentUser actor, long stageId, long teamId, @Nullable BigDecimal score, @Nullable String note) {
        StageOf s = managed(actor, stageId);
        CompetitionStore.TeamRow team = store.team(teamId).filter(t -> t.competitionId() == s.competition().id())
                .orElseThrow(Refusal::notFound);
        if (s.stage().kind() == StageKind.WRITTEN) {
            throw Refusal.conflict("competition.score.writtenStage");
        }
        if (entries(s.competition(), s.stage()).stream().noneMatch(e -> e.team().id() == team.id())) {
            throw Refusal.conflict("competition.score.teamNotInStage");
        }
        if (score == null || score.signum() < 0 || score.scale() > 2 || score.compareTo(new BigDecimal("99999999")) > 0) {
            throw Refusal.invalid(Violation.field("score", "competition.score.invalid"));
        }
        store.saveTeamScore(stageId, teamId, score, note == null || note.isBlank() ? null : note.strip(), actor.username(), clock.instant());
        audit.record("STAGE_SCORE_ENTERED", "team:" + teamId, "stage=" + stageId + " score=" + score.toPlainString()
                + (note == null ? "" : " note=" + note));
    }

    Awards awards(CurrentUser user, long competitionId) {
        Competitions.Competition c = competitions.get(user, competitionId);
        CompetitionRules.Awards rules = c.rules().awards();
        List<IndividualAward> individual = new ArrayList<>();
        for (IndividualStanding i : standings(c, c.stage(rules.individual().stage())).individuals()) {
            rules.individual().tiers().award(i.rank()).ifPresent(a ->
                    individual.add(new IndividualAward(a, i.rank(), i.personId(), i.name(), i.unitName(), i.score())));
        }
        List<TeamAward> team = new ArrayList<>();
        for (TeamStanding t : standings(c, c.stage(rules.team().stage())).teams()) {
            rules.team().tiers().award(t.rank()).ifPresent(a -> team.add(new TeamAward(a, t.rank(), t.teamId(), t.unitName(), t.score())));
        }
        return new Awards(individual, team);
    }

    /** Whether anything of the stage has been scored: a hand-entered team score or a released sitting. */
    private boolean hasScores(CompetitionStore.StageRow stage) {
        return !store.teamScores(stage.id()).isEmpty()
                || store.sittings(stage.id()).stream().anyMatch(s -> results.isReleased(s.examId()));
    }

    /**
     * The teams taking part in a stage with who of each sits it: the first stage takes every approved team with all
     * its members; a later stage the teams that advanced into it, with their named finalists (all members until named).
     */
    private List<Entry> entries(Competitions.Competition c, CompetitionStore.StageRow stage) {
        List<CompetitionStore.TeamRow> teams;
        Map<Long, List<Long>> finalists = Map.of();
        if (stage.position() == 0) {
            teams = store.teams(c.id()).stream().filter(t -> t.status() == CompetitionStore.TeamStatus.APPROVED).toList();
        } else {
            Set<Long> ids = new HashSet<>(store.stageTeams(stage.id()));
            teams = store.teams(c.id()).stream().filter(t -> ids.contains(t.id())).toList();
            finalists = store.finalists(stage.id());
        }
        Map<Long, BigDecimal> personScores = stage.kind() == StageKind.WRITTEN ? writtenScores(stage) : Map.of();
        Map<Long, BigDecimal> teamScores = stage.kind() == StageKind.WRITTEN ? Map.of() : store.teamScores(stage.id());
        TeamAggregate aggregate = c.rules().teamScore().aggregate();
        List<Entry> entries = new ArrayList<>();
        for (CompetitionStore.TeamRow t : teams) {
            List<Long> personIds = finalists.getOrDefault(t.id(),
                    store.members(t.id()).stream().map(CompetitionStore.MemberRow::personId).toList());
            List<@Nullable BigDecimal> scores = personIds.stream().map(personScores::get).toList();
            BigDecimal score = stage.kind() == StageKind.WRITTEN
                    ? (scores.stream().allMatch(x -> x == null) ? null : aggregate.of(scores))
                    : teamScores.get(t.id());
            entries.add(new Entry(t, registration.unitName(t.orgUnitId()), personIds, scores, score));
        }
        return entries;
    }

    /** person → released score in the stage's sittings; people who did not sit are absent from the map. */
    private Map<Long, BigDecimal> writtenScores(CompetitionStore.StageRow stage) {
        Map<Long, Long> sittingExam = store.sittings(stage.id()).stream()
                .collect(Collectors.toMap(CompetitionStore.SittingRow::id, CompetitionStore.SittingRow::examId));
        Map<Long, Map<Long, BigDecimal>> byExam = new HashMap<>();
        Map<Long, BigDecimal> scores = new HashMap<>();
        for (CompetitionStore.SeatRow seat : store.seats(stage.id())) {
            long examId = sittingExam.get(seat.sittingId());
            Map<Long, BigDecimal> released = byExam.computeIfAbsent(examId, id -> results.released(id).stream()
                    .collect(Collectors.toMap(ReleasedScore::userId, ReleasedScore::score, (a, b) -> a)));
            BigDecimal score = released.get(seat.userId());
            if (score != null) {
                scores.put(seat.personId(), score);
            }
        }
        return scores;
    }
}
