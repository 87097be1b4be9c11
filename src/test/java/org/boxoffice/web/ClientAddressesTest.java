package org.boxoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** {@code X-Forwarded-For} counts only through proxies the operator trusts; anyone can write the header. */
class ClientAddressesTest {

    private static MockHttpServletRequest from(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void throughATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.5"));
        assertThat(addresses.of(from("10.1.2.3", "198.51.100.7"))).isEqualTo("198.51.100.7");
        // A client writing its own header cannot choose its address: the hop the proxy added is the one believed.
        assertThat(addresses.of(from("10.1.2.3", "1.2.3.4, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(from("10.1.2.3", "198.51.100.7, 192.168.1.5"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("203.0.113.9", "198.51.100.7"))).as("not through a trusted proxy").isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.1.2.3", "not-an-ip"))).isEqualTo("not-an-ip");
    }
}
