package cn.arena.practice;

import cn.arena.account.AccountService;
import cn.arena.account.CurrentUser;
import cn.arena.org.OrgTree;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Leaderboards of a programme from the released scores it keeps: a week by its practice, a month by its contest, a
 * year by the sum of its monthly contests (月月比年度综合). Only members who took part are ranked; equal scores share
 * a rank; a unit's board ranks anew within its subtree. Members read the programme's board and those of the units
 * they belong to (their county, their city); staff read any unit in their scope. A period's boards are ranked when its
 * scores are written ({@link #rank}), so reading a board, and a member's own row on it, reads a few rows.
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
        Period.Kind kind = period.kind();
        int total = store.boardMembers(p.id(), kind, period.key(), unit);
        Mine me = store.rankOn(p.id(), kind, period.key(), unit, user.id()).map(r -> new Mine(r.rank(), r.score())).orElse(null);
        long from = Math.min((long) Math.max(page, 0) * size, total);
        List<PracticeStore.Ranked> shown = store.boardPage(p.id(), kind, period.key(), unit, from, size);
        Map<Long, AccountService.UserSummary> who = accounts.findAll(shown.stream().map(PracticeStore.Ranked::userId).toList());
        Map<Long, String> unitNames = tree.namesOf(shown.stream().map(PracticeStore.Ranked::orgUnitId).distinct().toList());
        List<Row> rows = shown.stream().map(r -> {
            AccountService.UserSummary u = who.get(r.userId());
            return new Row(r.rank(), r.userId(), u == null ? "" : u.displayName(), r.orgUnitId(), unitNames.getOrDefault(r.orgUnitId(), ""),
                    r.score());
        }).toList();
        return new Board(rows, total, me);
    }

    /**
     * Ranks periods' scores on every board of the programme, as they are now (a release, the year's totals anew):
     * first one snapshot of the programme's tree, then each period's ranks, in the caller's transaction.
     */
    void rank(PracticeStore.ProgrammeRow p, List<Period> periods) {
        store.replaceBoardUnits(p.id(), boardsOfUnit(tree.subtree(p.orgUnitId())));
        periods.forEach(d -> store.rankPeriod(p.id(), d.kind(), d.key()));
    }

    /**
     * Ranks the periods of the programme's year that have scores but no ranking yet: scores written before rankings
     * were kept (an upgraded database), or by a bulk load. Released sittings are ranked as they are released.
     */
    void rankUnranked(PracticeStore.ProgrammeRow p) {
        Set<String> ranked = store.rankedPeriods(p.id(), p.orgUnitId());
        List<Period> due = Period.ofYear(p.year()).stream().filter(d -> !ranked.contains(d.kind() + " " + d.key()))
                .filter(d -> store.hasScores(p.id(), d.kind(), d.key())).toList();
        if (!due.isEmpty()) {
            rank(p, due);
        }
    }

    /**
     * The boards each unit of a programme's tree lies on: its own and every unit's above it, up to the programme's
     * unit (the subtree's first, as {@link OrgTree#subtree} gives it, parents before children).
     */
    static Map<Long, List<Long>> boardsOfUnit(List<OrgTree.OrgUnit> subtree) {
        Map<Long, List<Long>> boards = new LinkedHashMap<>();
        for (OrgTree.OrgUnit u : subtree) {
            List<Long> own = new ArrayList<>(List.of(u.id()));
            if (u.parentId() != null && boards.containsKey(u.parentId())) {
                own.addAll(boards.get(u.parentId()));
            }
            boards.put(u.id(), List.copyOf(own));
        }
        return boards;
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
