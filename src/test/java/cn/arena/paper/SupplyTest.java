package cn.arena.paper;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.QuestionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SupplyTest {

    static List<Eligible> questions(long bankId, long fromId, int n, QuestionType type) {
        return LongStream.range(fromId, fromId + n).mapToObj(id -> new Eligible(id, bankId, type,
                type.hasOptions() ? List.of("A", "B", "C", "D") : List.of())).toList();
    }

    static Section section(QuestionType type, int count) {
        return new Section(type, count, BigDecimal.ONE, null, null);
    }

    @Test
    void reportsTheShortSectionAndItsShortfall() {
        Blueprint blueprint = new Blueprint(List.of(section(QuestionType.SINGLE_CHOICE, 5),
                new Section(QuestionType.FILL_BLANK, 10, BigDecimal.valueOf(2), "政务服务/一网通办", 3)), null);
        Supply supply = Supply.of(blueprint, List.of(questions(1, 1, 8, QuestionType.SINGLE_CHOICE), questions(1, 100, 6, QuestionType.FILL_BLANK)));

        assertThat(supply.feasible()).isFalse();
        assertThat(supply.sections().get(0).shortfall()).isZero();
        assertThat(supply.sections().get(1)).isEqualTo(new Supply.SectionSupply(1, 6, 10, 6, 4));
        var violations = supply.violations(blueprint);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).field()).isEqualTo("sections[1]");
        assertThat(violations.get(0).messageKey()).isEqualTo("paper.section.shortfall");
        assertThat(violations.get(0).args()).startsWith(2).endsWith(10, 6, 4);
    }

    @Test
    void neverCountsOneQuestionForTwoSections() {
        // Section 2 (category) draws from the same questions as section 1 (any category): 6 questions cannot fill 4 + 4.
        List<Eligible> all = questions(1, 1, 6, QuestionType.TRUE_FALSE);
        Blueprint blueprint = new Blueprint(List.of(section(QuestionType.TRUE_FALSE, 4), section(QuestionType.TRUE_FALSE, 4)), null);
        Supply supply = Supply.of(blueprint, List.of(all, all.subList(0, 4)));

        assertThat(supply.feasible()).isFalse();
        assertThat(supply.sections().stream().mapToInt(Supply.SectionSupply::shortfall).sum()).isEqualTo(2);
    }

    @Test
    void findsAnAssignmentWhenOverlappingSectionsCanBothBeFilled() {
        List<Eligible> all = questions(1, 1, 8, QuestionType.TRUE_FALSE);
        Blueprint blueprint = new Blueprint(List.of(section(QuestionType.TRUE_FALSE, 4), section(QuestionType.TRUE_FALSE, 4)), null);
        assertThat(Supply.of(blueprint, List.of(all, all.subList(0, 4))).feasible()).isTrue();
    }

    @Test
    void reportsTheShortfallOfTheShareBank() {
        // 10 items, at least 90% (9) from bank 7, which has only 6 questions of the type.
        List<Eligible> pool = new ArrayList<>(questions(7, 1, 6, QuestionType.SINGLE_CHOICE));
        pool.addAll(questions(8, 100, 20, QuestionType.SINGLE_CHOICE));
        Blueprint blueprint = new Blueprint(List.of(section(QuestionType.SINGLE_CHOICE, 10)), new BankShare(7, 90));
        Supply supply = Supply.of(blueprint, List.of(pool));

        assertThat(supply.sections().get(0).shortfall()).isZero();
        assertThat(supply.share()).isEqualTo(new Supply.ShareSupply(7, 90, 9, 6, 3));
        assertThat(supply.feasible()).isFalse();
        assertThat(supply.violations(blueprint)).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("bankShare"));
    }

    @Test
    void roundsTheShareUp() {
        assertThat(new BankShare(1, 90).required(25)).isEqualTo(23);
        assertThat(new BankShare(1, 90).required(10)).isEqualTo(9);
        assertThat(new BankShare(1, 100).required(7)).isEqualTo(7);
    }

    @Test
    void refusesAMalformedBlueprintOnItsFields() {
        Blueprint blueprint = new Blueprint(List.of(new Section(QuestionType.ESSAY, 0, BigDecimal.ZERO, null, 9)), new BankShare(3, 120));
        assertThat(blueprint.check(List.of(1L))).extracting(v -> v.field())
                .containsExactly("sections[0].count", "sections[0].pointsEach", "sections[0].difficulty", "bankShare.minPercent", "bankShare.bankId");
    }
}
