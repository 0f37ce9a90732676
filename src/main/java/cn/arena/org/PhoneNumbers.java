package cn.arena.org;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland phone numbers as people write them, reduced to the form Arena stores. */
final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Area code (0 + 2-3 digits), a 7-8 digit number not starting with 0, an optional extension. */
    private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3}-?)?[1-9]\\d{6,7}(-\\d{1,6})?");

    private PhoneNumbers() {}

    /** The 11-digit mobile number, or empty when {@code raw} is not a mainland mobile; spaces, dashes and +86 are dropped. */
    static Optional<String> mobile(String raw) {
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** The landline without spaces or brackets (e.g. {@code 0510-86801234}), or empty when it is not one. */
    static Optional<String> landline(String raw) {
        String cleaned = raw.replaceAll("[\\s()（）]", "").replace('—', '-').replace('－', '-');
        return LANDLINE.matcher(cleaned).matches() ? Optional.of(cleaned) : Optional.empty();
    }
}
