package cn.arena.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.shared.Refusal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** ISO 7064 MOD 11-2 in its recursive form, written independently of the weighted sum IdNumber uses. */
    private static String withCheckCharacter(String first17) {
        int p = 0;
        for (char c : first17.toCharArray()) {
            p = ((p + (c - '0')) * 2) % 11;
        }
        int check = (12 - p) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }

    @Test
    void acceptsTheStandardExampleOfGb11643() {
        assertThat(IdNumber.problem("11010519491231002X", TODAY)).isEmpty();
        assertThat(IdNumber.parse("11010519491231002X").birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void checksTheCheckCharacterOfTheStandardsSecondExampleButNotItsBirthIn1880() {
        // GB 11643's other example is well formed, but no one born in 1880 sits an exam: before 1900 is implausible.
        assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThat(IdNumber.problem("440524188001010014", TODAY)).contains("org.idNumber.birthDate");
    }

    @Test
    void acceptsNumbersWhoseCheckCharacterIsComputedByIso7064() {
        assertThat(withCheckCharacter("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(withCheckCharacter("44052418800101001")).isEqualTo("440524188001010014");
        for (String first17 : new String[] {"32028119900307123", "32028120000229456", "32128119851130331", "32028220010101000",
                "11010519491231002"}) {
            assertThat(IdNumber.problem(withCheckCharacter(first17), TODAY)).as(first17).isEmpty();
        }
        assertThat(withCheckCharacter("32028119900307123")).isEqualTo("32028119900307123X");
        assertThat(withCheckCharacter("32028120000229456")).isEqualTo("320281200002294568");
    }

    @Test
    void normalisesALowerCaseXAndSurroundingSpaces() {
        assertThat(IdNumber.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(IdNumber.problem("110105194912310021", TODAY)).contains("org.idNumber.checkDigit");
        assertThat(IdNumber.problem(withCheckCharacter("32028119900307123").replace('X', '1'), TODAY)).contains("org.idNumber.checkDigit");
    }

    @Test
    void refusesTheWrongLength() {
        assertThat(IdNumber.problem("11010519491231002", TODAY)).contains("org.idNumber.length");
        assertThat(IdNumber.problem("11010519491231002X1", TODAY)).contains("org.idNumber.length");
        assertThat(IdNumber.problem("", TODAY)).contains("org.idNumber.required");
    }

    @Test
    void refusesLettersAnywhereButAFinalX() {
        assertThat(IdNumber.problem("1101051949123100AX", TODAY)).contains("org.idNumber.characters");
        assertThat(IdNumber.problem("11010519491231002Y", TODAY)).contains("org.idNumber.characters");
        assertThat(IdNumber.problem("１１０１０５１９４９１２３１００２X", TODAY)).as("full-width digits").contains("org.idNumber.characters");
    }

    @Test
    void refusesImpossibleBirthDates() {
        assertThat(IdNumber.problem(withCheckCharacter("32028120000230123"), TODAY)).as("Feb 30").contains("org.idNumber.birthDate");
        assertThat(IdNumber.problem(withCheckCharacter("32028119900229123"), TODAY)).as("1990 is no leap year").contains("org.idNumber.birthDate");
        assertThat(IdNumber.problem(withCheckCharacter("32028119901301123"), TODAY)).as("month 13").contains("org.idNumber.birthDate");
    }

    @Test
    void refusesImplausibleBirthDates() {
        assertThat(IdNumber.problem(withCheckCharacter("32028120261124123"), TODAY)).as("born tomorrow").contains("org.idNumber.birthDate");
        assertThat(IdNumber.problem(withCheckCharacter("32028120261123123"), TODAY)).as("born today").isEmpty();
        assertThat(IdNumber.problem(withCheckCharacter("32028118991231123"), TODAY)).as("before 1900").contains("org.idNumber.birthDate");
    }

    @Test
    void parseRefusesOnTheIdNumberField() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(r.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("idNumber");
                        assertThat(v.messageKey()).isEqualTo("org.idNumber.checkDigit");
                    });
                });
    }

    @Test
    void masksAllButTheFirstSixAndLastFour() {
        IdNumber id = IdNumber.parse(withCheckCharacter("32028119900307123"));
        assertThat(id.masked()).isEqualTo("320281********123X");
        assertThat(id.toString()).as("never the full number in logs").isEqualTo("320281********123X");
        assertThat(IdNumber.parse("320281200002294568").masked()).isEqualTo("320281********4568").hasSize(18);
    }

    @Test
    void problemIsEmptyExactlyWhenParseSucceeds() {
        assertThat(IdNumber.problem("320281200002294568")).isEqualTo(Optional.empty());
        assertThat(IdNumber.parse("320281200002294568").value()).isEqualTo("320281200002294568");
        assertThat(IdNumber.problem("320281200002294569")).isPresent();
    }
}
