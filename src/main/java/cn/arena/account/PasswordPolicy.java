package cn.arena.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A password people may choose (等保 2.0, OWASP ASVS): at least 8 characters from at least 3 of the 4 classes
 * (lower case, upper case, digits, symbols), and not one of the commonly used passwords.
 */
final class PasswordPolicy {

    private static final Set<String> COMMON = loadCommon();

    private PasswordPolicy() {}

    /** The message key of the first rule the password breaks, if any. */
    static Optional<String> check(String password) {
        if (password.length() < 8) {
            return Optional.of("account.password.tooShort");
        }
        int classes = 0;
        if (password.chars().anyMatch(Character::isLowerCase)) classes++;
        if (password.chars().anyMatch(Character::isUpperCase)) classes++;
        if (password.chars().anyMatch(Character::isDigit)) classes++;
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        if (classes < 3) {
            return Optional.of("account.password.tooSimple");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("account.password.common");
        }
        return Optional.empty();
    }

    private static Set<String> loadCommon() {
        var in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
