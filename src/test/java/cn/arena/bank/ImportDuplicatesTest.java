package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportDuplicatesTest {

    private static QuestionSheet.Row row(int number, QuestionType type, String stem) {
        return new QuestionSheet.Row(number, new QuestionDraft(type, stem, List.of(), null, null, null, null, null, null));
    }

    private final ImportDuplicates inBank = new ImportDuplicates(List.of(
            Questions.of(QuestionType.TRUE_FALSE, "社保卡全国通用。", "true"),
            Questions.of(QuestionType.FILL_BLANK, "推行（　　）。", "[[\"一网通办\"]]")));

    @Test
    void aRowIsInTheBankWhenTypeAndTrimmedStemMatch() {
        var rows = List.of(row(2, QuestionType.TRUE_FALSE, "  社保卡全国通用。\n"), row(3, QuestionType.FILL_BLANK, "推行（　　）。"),
                row(4, QuestionType.TRUE_FALSE, "社保卡全国通用"), row(5, QuestionType.SHORT_ANSWER, "推行（　　）。"));
        assertThat(inBank.of(rows)).extracting(QuestionSheet.Row::number).containsExactly(2, 3);
    }

    @Test
    void readsTheChoiceInAnyCaseAndNothingElse() {
        assertThat(ImportDuplicates.Policy.parse("skip")).isEqualTo(ImportDuplicates.Policy.SKIP);
        assertThat(ImportDuplicates.Policy.parse(" KEEP ")).isEqualTo(ImportDuplicates.Policy.KEEP);
        assertThat(ImportDuplicates.Policy.parse("maybe")).isNull();
    }
}
