package cn.arena.org;

import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * A resident ID number (公民身份号码, GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character (0-9 or X),
 * with a real birth date at positions 7-14. Only valid numbers exist as this type; {@link #toString()} is masked so
 * a number never reaches a log by accident.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public IdNumber {
        String normalised = normalise(value);
        problem(normalised, LocalDate.now(CHINA)).ifPresent(key -> {
            throw Refusal.invalid(Violation.field("idNumber", key));
        });
        value = normalised;
    }

    /** Validates and normalises (trims, upper-cases a trailing x); refuses with a 422 on field {@code idNumber}. */
    public static IdNumber parse(String raw) {
        return new IdNumber(raw);
    }

    /** Why {@code raw} is not a valid ID number, as a message key; empty when it is valid. */
    public static Optional<String> problem(String raw) {
        return problem(raw, LocalDate.now(CHINA));
    }

    /** As {@link #problem(String)}, judging "born in the future" against {@code today}. */
    static Optional<String> problem(String raw, LocalDate today) {
        String s = normalise(raw);
        if (s.isEmpty()) {
            return Optional.of("org.idNumber.required");
        }
        if (s.length() != 18) {
            return Optional.of("org.idNumber.length");
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return Optional.of("org.idNumber.characters");
            }
        }
        char last = s.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of("org.idNumber.characters");
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("org.idNumber.birthDate");
        }
        if (born.isBefore(EARLIEST_BIRTH) || born.isAfter(today)) {
            return Optional.of("org.idNumber.birthDate");
        }
        if (checkCharacter(s.substring(0, 17)) != last) {
            return Optional.of("org.idNumber.checkDigit");
        }
        return Optional.empty();
    }

    /** The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The form shown everywhere but the audited full view: first 6 and last 4, e.g. {@code 320281********1234}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
