package cn.arena.competition;

import cn.arena.account.AccountService;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.org.OrgTree;
import cn.arena.org.OrgUnitKind;
import cn.arena.org.People;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sittings (场次) of a written stage: the members of the stage's teams from units of the given kinds are seated in
 * one exam, each with a CANDIDATE login (a person who has one keeps it), so they can sit this exam and no other
 * sitting's.
 */
@Service
class Sittings {

    record Room(@Nullable String name, int seats) {}

    record IssuedAccount(long personId, String name, String username, @Nullable String initialPassword, @Nullable String room,
            @Nullable Integer seat) {}

    record SittingCreated(long id, int enrolled, List<IssuedAccount> accounts) {}

    /** A sitting as its stage lists it: its exam by title and its unit kinds. */
    record SittingSummary(long id, long stageId, long examId, String examTitle, List<OrgUnitKind> unitKinds, int enrolled) {}

    /** A candidate in a seat: who, of which unit, under which login; never a password. */
    record SeatView(long personId, String name, String unitName, String username, @Nullable String room, @Nullable Integer seat) {}

    /** A sitting with its exam's window and its candidates in seat order. */
    record SittingDetail(SittingSummary sitting, Instant windowStart, Instant windowEnd, List<SeatView> seats) {}

    /** A password given anew, shown once in the answer that gave it. */
    record ReissuedPassword(long personId, String name, String username, String password, @Nullable String room, @Nullable Integer seat) {}

    private final Stages stages;
    private final CompetitionStore store;
    private final OrgTree tree;
    private final People people;
    private final AccountService accounts;
    private final ExamDirectory exams;
    private final AuditLog audit;
    private final Registration registration;
    private final Clock clock;

    Sittings(Stages stages, CompetitionStore store, OrgTree tree, People people, AccountService accounts, ExamDirectory exams,
            AuditLog audit, Registration registration, Clock clock) {
        this.registration = registration;
        this.stages = stages;
        this.store = store;
        this.tree = tree;
        this.people = people;
        this.accounts = accounts;
        this.exams = exams;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Seats the members of the stage's teams from units of the given kinds in one exam: each gets a CANDIDATE
     * login (a person who has one keeps it) and is enrolled, so they can sit this exam and no other sitting's.
     */
    @Transactional
    SittingCreated createSitting(CurrentUser actor, long stageId, @Nullable Long examId, @Nullable List<String> unitKinds,
            @Nullable List<Room> rooms) {
        Stages.StageOf s = stages.managed(actor, stageId);
        List<Violation> problems = new ArrayList<>();
        if (s.stage().kind() != StageKind.WRITTEN) {
            throw Refusal.conflict("competition.sitting.notWritten");
        }
        Optional<ExamInfo> exam = examId == null ? Optional.empty() : exams.findVisible(actor, examId);
        if (exam.isEmpty()) {
            problems.add(Violation.field("examId", "competition.sitting.exam.unknown"));
        } else if (!exam.get().published()) {
            // a draft can still change its items and window: candidates would be seated for an exam that is not settled
            problems.add(Violation.field("examId", "competition.sitting.exam.draft", exam.get().title()));
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
        for (int i = 0; i < roomList.size(); i++) {
            Room r = roomList.get(i);
            if (r.seats() < 1 || r.name() == null || r.name().isBlank()) {
                problems.add(Violation.field("rooms", "competition.sitting.rooms.invalid", i + 1));
            }
        }
        Set<Long> seated = store.seats(stageId).stream().map(CompetitionStore.SeatRow::personId).collect(Collectors.toSet());
        List<Stages.Entry> entries = stages.entries(s.competition(), s.stage()).stream()
                .filter(e -> tree.find(e.team().orgUnitId()).map(u -> kinds.contains(u.kind())).orElse(false)).toList();
        List<Long> candidates = new ArrayList<>();
        Map<Long, Long> unitOf = new HashMap<>();
        for (Stages.Entry e : entries) {
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

    /** The sittings of a stage, for an organizer who manages it. */
    List<SittingSummary> sittings(CurrentUser actor, long stageId) {
        stages.managed(actor, stageId);
        Map<Long, Integer> enrolled = new HashMap<>();
        store.seats(stageId).forEach(seat -> enrolled.merge(seat.sittingId(), 1, Integer::sum));
        return store.sittings(stageId).stream().map(row -> summary(row, enrolled.getOrDefault(row.id(), 0))).toList();
    }

    /** One sitting with its candidates by room and seat; 404 unless the caller manages its stage. */
    SittingDetail sitting(CurrentUser actor, long sittingId) {
        CompetitionStore.SittingRow row = managedSitting(actor, sittingId);
        List<CompetitionStore.SeatRow> seats = store.seatsOf(sittingId);
        Map<Long, AccountService.UserSummary> logins = accounts.findAll(seats.stream().map(CompetitionStore.SeatRow::userId).toList());
        Map<Long, String> unitNames = new HashMap<>();
        List<SeatView> views = new ArrayList<>();
        for (CompetitionStore.SeatRow seat : seats) {
            People.PersonView person = people.find(seat.personId()).orElseThrow();
            AccountService.UserSummary login = logins.get(seat.userId());
            views.add(new SeatView(seat.personId(), person.name(),
                    unitNames.computeIfAbsent(person.orgUnitId(), registration::unitName),
                    login == null ? "" : login.username(), seat.room(), seat.seat()));
        }
        ExamInfo exam = exams.find(row.examId()).orElseThrow();
        return new SittingDetail(summary(row, views.size()), exam.windowStart(), exam.windowEnd(), views);
    }

    /**
     * Gives the candidates of the sitting (all of them, or the one person) new one-time passwords; the old ones stop
     * working. Answers the new passwords, which are shown this once and kept nowhere.
     */
    @Transactional
    List<ReissuedPassword> reissuePasswords(CurrentUser actor, long sittingId, @Nullable Long personId) {
        List<SeatView> seats = sitting(actor, sittingId).seats().stream()
                .filter(s -> personId == null || s.personId() == personId).toList();
        if (personId != null && seats.isEmpty()) {
            throw Refusal.notFound();
        }
        Map<Long, Long> userOf = store.seatsOf(sittingId).stream()
                .collect(Collectors.toMap(CompetitionStore.SeatRow::personId, CompetitionStore.SeatRow::userId));
        List<ReissuedPassword> issued = new ArrayList<>();
        for (SeatView seat : seats) {
            String password = accounts.reissueCandidatePassword(userOf.get(seat.personId()));
            issued.add(new ReissuedPassword(seat.personId(), seat.name(), seat.username(), password, seat.room(), seat.seat()));
        }
        audit.record("SITTING_PASSWORDS_REISSUED", "sitting:" + sittingId,
                personId == null ? "candidates=" + issued.size() : "person=" + personId);
        return issued;
    }

    private CompetitionStore.SittingRow managedSitting(CurrentUser actor, long sittingId) {
        CompetitionStore.SittingRow row = store.sitting(sittingId).orElseThrow(Refusal::notFound);
        stages.managed(actor, row.stageId());
        return row;
    }

    private SittingSummary summary(CompetitionStore.SittingRow row, int enrolled) {
        String title = exams.find(row.examId()).map(ExamInfo::title).orElse("");
        List<OrgUnitKind> kinds = Arrays.stream(row.unitKinds().split(",")).filter(k -> !k.isBlank()).map(OrgUnitKind::valueOf).toList();
        return new SittingSummary(row.id(), row.stageId(), row.examId(), title, kinds, enrolled);
    }
}
