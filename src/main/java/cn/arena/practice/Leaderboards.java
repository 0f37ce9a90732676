package cn.arena.practice;

import cn.arena.account.AccountService;
import cn.arena.account.CurrentUser;
import cn.arena.org.OrgTree;
import cn.arena.shared.Ranking;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Leaderboards of a programme from the released scores it keeps: a week by its practice, a month by its contest, a
 * year by the sum of its monthly contests (月月比年度综合). Only members who took part are ranked; equal scores share
 * a rank; a unit's board ranks anew within its subtree. Members read the programme's board and those of the units
 * they belong to (their county, their city); staff read any unit in their scope.
 */
@Service
class Leaderboards {

    record Row(int rank, long userId, String displayName, @Nullable Long orgUnitId, String unitName, BigDecimal score) {}

    record Mine(int rank, BigDecimal score) {}

    record Board(List<Row> rows, int total, @Nullable Mine me) {}

    private final PracticeStore store;
    private final Programmes programmes;
    private final OrgTree tree;
    private final AccountService accounts;

    Leaderboards(PracticeStore store, Programmes programmes, OrgTree tree, AccountService accounts) {
        this.store = store;
        this.programmes = programmes;
        this.tree = tree;
        this.accounts = accounts;
    }

    Board board(CurrentUser user, long programmeId, @Nullable String periodKind, @Nullable String key, @Nullable Long orgUnitId,
            int page, int size) {
        PracticeStore.ProgrammeRow p = programmes.visible(user, programmeId);
        Period period = parse(periodKind, key);
        long unit = programmes.isMember(user, p) ? memberUnit(user, p, orgUnitId) : programmes.unitFor(user, p, orgUnitId);
        Map<Long, OrgTree.OrgUnit> units = tree.subtree(unit).stream().collect(Collectors.toMap(OrgTree.OrgUnit::id, u -> u));
        List<PracticeStore.ScoreRow> scores = switch (period.kind()) {
            case WEEK, MONTH -> store.scores(p.id(), period.kind(), period.key(), false);
            case YEAR -> yearTotals(store.scores(p.id(), Period.Kind.MONTH, period.key() + "-", true));
        };
        List<PracticeStore.ScoreRow> inUnit = scores.stream().filter(s -> s.orgUnitId() != null && units.containsKey(s.orgUnitId())).toList();
        List<Ranking.Ranked<PracticeStore.ScoreRow>> ranked = Ranking.rank(inUnit, PracticeStore.ScoreRow::score, Ranking.noTieBreak());
        Mine me = ranked.stream().filter(r -> r.entry().userId() == user.id()).findFirst()
                .map(r -> new Mine(r.rank(), r.entry().score())).orElse(null);
        int from = Math.min(Math.max(page, 0) * size, ranked.size());
        List<Ranking.Ranked<PracticeStore.ScoreRow>> shown = ranked.subList(from, Math.min(from + size, ranked.size()));
        Map<Long, AccountService.UserSummary> who = accounts.findAll(shown.stream().map(r -> r.entry().userId()).toList());
        List<Row> rows = new ArrayList<>();
        for (var r : shown) {
            AccountService.UserSummary u = who.get(r.entry().userId());
            OrgTree.OrgUnit ou = units.get(r.entry().orgUnitId());
            rows.add(new Row(r.rank(), r.entry().userId(), u == null ? "" : u.displayName(), r.entry().orgUnitId(),
                    ou == null ? "" : ou.name(), r.entry().score()));
        }
        return new Board(rows, ranked.size(), me);
    }

    /**
     * A year's totals per member from their monthly contest scores, in a stable order (by user id); the unit is where
     * the member sat their latest contest, so a member who moved counts where they are now.
     */
    static List<PracticeStore.ScoreRow> yearTotals(List<PracticeStore.ScoreRow> monthly) {
        Map<Long, PracticeStore.ScoreRow> totals = new LinkedHashMap<>();
        monthly.stream().sorted(Comparator.comparing(PracticeStore.ScoreRow::period)).forEach(s -> totals.merge(s.userId(), s,
                (a, b) -> new PracticeStore.ScoreRow(a.userId(), b.orgUnitId(), b.period(), a.score().add(b.score()))));
        return totals.values().stream().sorted(Comparator.comparingLong(PracticeStore.ScoreRow::userId)).toList();
    }

    /** A member's boards: the programme's, or a unit above their own within the programme; another unit is 404. */
    private long memberUnit(CurrentUser user, PracticeStore.ProgrammeRow p, @Nullable Long orgUnitId) {
        if (orgUnitId == null) {
            return p.orgUnitId();
        }
        List<Long> ownAndAbove = tree.ancestorsOf(java.util.Objects.requireNonNull(user.orgUnitId()));
        if (!ownAndAbove.contains(orgUnitId) || !tree.isWithin(orgUnitId, p.orgUnitId())) {
            throw Refusal.notFound();
        }
        return orgUnitId;
    }

    static Period parse(@Nullable String kind, @Nullable String key) {
        Period.Kind k;
        try {
            k = Period.Kind.valueOf(kind == null ? "" : kind.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(Violation.field("period", "practice.period.unknown", kind == null ? "" : kind));
        }
        return Period.parse(k, key == null ? "" : key.strip())
                .orElseThrow(() -> Refusal.invalid(Violation.field("key", "practice.period.key", key == null ? "" : key)));
    }
}
