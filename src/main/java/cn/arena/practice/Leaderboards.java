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
        @Nullable List<Long> unitIds = unit == p.orgUnitId() ? null : List.copyOf(units.keySet());
        // The year's board is kept as rows of kind YEAR (see PracticeStore.refreshYearTotals), so every board reads alike.
        Period.Kind kind = period.kind();
        String periodKey = period.key();
        int total = store.boardCount(p.id(), kind, periodKey, unitIds, null);
        Mine me = store.score(p.id(), kind, periodKey, user.id()).filter(s -> s.orgUnitId() != null && units.containsKey(s.orgUnitId()))
                .map(s -> new Mine(store.boardCount(p.id(), kind, periodKey, unitIds, s.score()) + 1, s.score())).orElse(null);
        long from = Math.min((long) Math.max(page, 0) * size, total);
        List<PracticeStore.ScoreRow> shown = store.boardPage(p.id(), kind, periodKey, unitIds, from, size);
        List<Integer> ranks = pageRanks(shown, from,
                shown.isEmpty() ? 0 : store.boardCount(p.id(), kind, periodKey, unitIds, shown.get(0).score()) + 1);
        Map<Long, AccountService.UserSummary> who = accounts.findAll(shown.stream().map(PracticeStore.ScoreRow::userId).toList());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            PracticeStore.ScoreRow s = shown.get(i);
            AccountService.UserSummary u = who.get(s.userId());
            OrgTree.OrgUnit ou = units.get(s.orgUnitId());
            rows.add(new Row(ranks.get(i), s.userId(), u == null ? "" : u.displayName(), s.orgUnitId(), ou == null ? "" : ou.name(), s.score()));
        }
        return new Board(rows, total, me);
    }

    /**
     * Ranks of one page of a board, best first (standard competition ranking, as {@link Ranking}): the page's first
     * row has {@code firstRank} (1 + how many scored more); a row tying the one before shares its rank; any other row's
     * rank is its place on the whole board, since everyone above it scored more.
     */
    static List<Integer> pageRanks(List<PracticeStore.ScoreRow> page, long offset, int firstRank) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            boolean ties = i > 0 && page.get(i).score().compareTo(page.get(i - 1).score()) == 0;
            ranks.add(i == 0 ? firstRank : ties ? ranks.get(i - 1) : Math.toIntExact(offset + i + 1));
        }
        return ranks;
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
