package cn.arena.paper;

import static cn.arena.paper.SupplyTest.questions;
import static cn.arena.paper.SupplyTest.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.bank.QuestionType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssemblyTest {

    private final Blueprint blueprint = new Blueprint(List.of(section(QuestionType.SINGLE_CHOICE, 5),
            section(QuestionType.MULTIPLE_CHOICE, 3), section(QuestionType.ESSAY, 1)), null);
    private final List<List<Eligible>> pools = List.of(questions(1, 1, 40, QuestionType.SINGLE_CHOICE),
            questions(1, 100, 30, QuestionType.MULTIPLE_CHOICE), questions(1, 200, 5, QuestionType.ESSAY));

    @Test
    void theSameSeedGivesTheSamePaper() {
        List<Slot> first = Assembly.select(blueprint, pools, 42);
        assertThat(Assembly.select(blueprint, pools, 42)).isEqualTo(first);
        assertThat(Assembly.arrange(first, 7, true, true)).isEqualTo(Assembly.arrange(first, 7, true, true));
    }

    @Test
    void candidatesDrawDifferentPapersUnderPerCandidateSeeds() {
        long examSeed = 123456789L;
        Set<List<Long>> papers = new HashSet<>();
        for (long user = 1; user <= 5; user++) {
            papers.add(Assembly.select(blueprint, pools, Assembly.derive(examSeed, user, 1)).stream().map(Slot::questionId).toList());
        }
        assertThat(papers).hasSizeGreaterThan(1);
    }

    @Test
    void fillsEverySectionWithDistinctQuestionsOfItsPool() {
        List<Slot> slots = Assembly.select(blueprint, pools, 9);
        assertThat(slots).hasSize(9);
        assertThat(slots.stream().map(Slot::questionId).distinct()).hasSize(9);
        assertThat(slots.subList(0, 5)).allSatisfy(s -> assertThat(s.type()).isEqualTo(QuestionType.SINGLE_CHOICE));
        assertThat(slots.get(8).type()).isEqualTo(QuestionType.ESSAY);
    }

    @Test
    void honoursTheBankShare() {
        List<Eligible> pool = new ArrayList<>(questions(7, 1, 9, QuestionType.TRUE_FALSE));
        pool.addAll(questions(8, 100, 100, QuestionType.TRUE_FALSE));
        Blueprint shared = new Blueprint(List.of(section(QuestionType.TRUE_FALSE, 10)), new BankShare(7, 90));
        for (long seed = 0; seed < 20; seed++) {
            List<Slot> slots = Assembly.select(shared, List.of(pool), seed);
            assertThat(slots.stream().filter(s -> s.questionId() < 100).count()).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void refusesToDrawAnImpossibleBlueprint() {
        Blueprint tooMany = new Blueprint(List.of(section(QuestionType.ESSAY, 6)), null);
        assertThatThrownBy(() -> Assembly.select(tooMany, List.of(questions(1, 1, 5, QuestionType.ESSAY)), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shufflesWithinSectionsAndOnlyTheOptionsOfChoiceQuestions() {
        List<Slot> slots = Assembly.select(blueprint, pools, 3);
        List<PaperItem> items = Assembly.arrange(slots, 11, true, true);
        assertThat(items).extracting(PaperItem::type).containsExactlyElementsOf(slots.stream().map(Slot::type).toList());
        assertThat(items.subList(0, 5)).extracting(PaperItem::questionId)
                .containsExactlyInAnyOrderElementsOf(slots.subList(0, 5).stream().map(Slot::questionId).toList());
        assertThat(items.get(0).optionOrder()).containsExactlyInAnyOrder("A", "B", "C", "D");
        assertThat(items.get(8).optionOrder()).isEmpty();
        boolean someOrderChanged = items.stream().anyMatch(i -> !i.optionOrder().isEmpty() && !i.optionOrder().equals(List.of("A", "B", "C", "D")));
        assertThat(someOrderChanged).isTrue();
    }

    @Test
    void keepsTheDrawnOrderWithoutShuffles() {
        List<Slot> slots = Assembly.select(blueprint, pools, 3);
        List<PaperItem> items = Assembly.arrange(slots, 11, false, false);
        assertThat(items).extracting(PaperItem::questionId).containsExactlyElementsOf(slots.stream().map(Slot::questionId).toList());
        assertThat(items.get(0).optionOrder()).containsExactly("A", "B", "C", "D");
    }

    @Test
    void differentCandidatesSeeDifferentOrders() {
        List<Slot> slots = Assembly.select(blueprint, pools, 3);
        assertThat(Assembly.arrange(slots, Assembly.derive(5, 1, 2), true, true))
                .isNotEqualTo(Assembly.arrange(slots, Assembly.derive(5, 2, 2), true, true));
    }
}
