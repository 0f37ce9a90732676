package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void theIpv6LoopbackReadsAsItsShortForm() {
        assertThat(Address.readable("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    }

    @Test
    void theLongestRunOfZeroGroupsIsShortenedAndLeadingZerosDropped() {
        assertThat(Address.readable("2001:0db8:0:0:0:0:2:1")).isEqualTo("2001:db8::2:1");
        assertThat(Address.readable("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(Address.readable("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
        assertThat(Address.readable("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
    }

    @Test
    void anIpv4AddressCarriedInIpv6ReadsAsIpv4AndIpv4StaysAsItIs() {
        assertThat(Address.readable("0:0:0:0:0:ffff:a00:8")).isEqualTo("10.0.0.8");
        assertThat(Address.readable("192.168.1.20")).isEqualTo("192.168.1.20");
        assertThat(Address.readable(null)).isEmpty();
    }
}
