package org.boxoffice.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for anonymous rate limits. {@code X-Forwarded-For} is believed only when the
 * connection comes from a proxy the operator names ({@code BOXOFFICE_TRUSTED_PROXIES}, addresses or CIDR ranges):
 * then the right-most hop that is not itself a trusted proxy is the client. Anyone else could write that header.
 */
@Component
public class ClientAddresses {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private final List<IpAddressMatcher> trustedProxies;

    ClientAddresses(@Value("${boxoffice.http.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!trusted(hop)) {
                return hop.isEmpty() ? remote : hop;
            }
        }
        return hops[0].trim();
    }

    private boolean trusted(String address) {
        if (trustedProxies.isEmpty() || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
