package cn.arena.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void acceptsMainlandMobilesAndDropsSeparatorsAndCountryCode() {
        assertThat(PhoneNumbers.mobile("13812345678")).contains("13812345678");
        assertThat(PhoneNumbers.mobile("199 1234 5678")).contains("19912345678");
        assertThat(PhoneNumbers.mobile("+86 138-1234-5678")).contains("13812345678");
    }

    @Test
    void refusesWhatIsNotAMainlandMobile() {
        assertThat(PhoneNumbers.mobile("12812345678")).as("second digit 2").isEmpty();
        assertThat(PhoneNumbers.mobile("1381234567")).as("10 digits").isEmpty();
        assertThat(PhoneNumbers.mobile("138123456789")).as("12 digits").isEmpty();
        assertThat(PhoneNumbers.mobile("0510-86801234")).as("a landline").isEmpty();
        assertThat(PhoneNumbers.mobile("1381234567a")).isEmpty();
        assertThat(PhoneNumbers.mobile("")).isEmpty();
    }

    @Test
    void acceptsLandlinesWithOrWithoutAreaCodeAndExtension() {
        assertThat(PhoneNumbers.landline("0510-86801234")).contains("0510-86801234");
        assertThat(PhoneNumbers.landline("(0510) 86801234")).contains("051086801234");
        assertThat(PhoneNumbers.landline("86801234")).contains("86801234");
        assertThat(PhoneNumbers.landline("025-8680123-801")).contains("025-8680123-801");
        assertThat(PhoneNumbers.landline("1234")).isEmpty();
        assertThat(PhoneNumbers.landline("0510-0680123")).as("a local number never starts with 0").isEmpty();
    }
}
