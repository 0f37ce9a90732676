package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsLongPasswordsWithThreeCharacterClasses() {
        assertThat(PasswordPolicy.check("Jiangyin2021")).isEmpty();
        assertThat(PasswordPolicy.check("window-staff-7")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.check("Ab1!")).contains("account.password.tooShort");
    }

    @Test
    void refusesPasswordsWithFewerThanThreeClasses() {
        assertThat(PasswordPolicy.check("abcdefgh12")).contains("account.password.tooSimple");
        assertThat(PasswordPolicy.check("ABCDEFGHIJ")).contains("account.password.tooSimple");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(PasswordPolicy.check("P@ssw0rd")).contains("account.password.common");
        assertThat(PasswordPolicy.check("ADMIN@123")).contains("account.password.common");
    }

    @Test
    void generatedPasswordsPassThePolicy() {
        for (int i = 0; i < 50; i++) {
            assertThat(PasswordPolicy.check(AccountService.randomPassword())).isEmpty();
        }
    }
}
