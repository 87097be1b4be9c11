package org.boxoffice.partner;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Client secrets are kept only as bcrypt hashes (slow on purpose); the plain secret is shown once. */
@Component
public class SecretHasher {
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

    public String hash(String secret) {
        return bcrypt.encode(secret);
    }

    /** bcrypt reads at most 72 bytes; a longer secret is never one of ours, so it simply does not match. */
    public boolean matches(String secret, String hash) {
        return secret != null && hash != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72
                && bcrypt.matches(secret, hash);
    }
}
