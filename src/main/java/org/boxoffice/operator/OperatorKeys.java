package org.boxoffice.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.boxoffice.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The operator key: from {@code BOXOFFICE_ADMIN_KEY} when set, otherwise generated at first start and kept only
 * as a bcrypt hash. Verified keys are remembered briefly by their SHA-256, so bcrypt does not run on every call.
 */
@Service
public class OperatorKeys {
    private static final Duration REMEMBER = Duration.ofSeconds(60);
    private final OperatorKeyRepository repository;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    private final Clock clock;
    private final String configuredKey;
    private final ConcurrentMap<String, Instant> verified = new ConcurrentHashMap<>();
    private volatile String generatedKey;

    OperatorKeys(OperatorKeyRepository repository, Clock clock, @Value("${boxoffice.admin-key:}") String configuredKey) {
        this.repository = repository;
        this.clock = clock;
        this.configuredKey = configuredKey;
    }

    /** Makes sure a key exists; returns the plain key only when it was generated just now (to print it once). */
    public Optional<String> ensureKey() {
        if (!configuredKey.isBlank() || repository.hash().isPresent()) {
            return Optional.empty();
        }
        String key = "bo_admin_" + Ids.random(40);
        if (repository.insertIfAbsent(bcrypt.encode(key), Instant.now(clock))) {
            generatedKey = key;
            return Optional.of(key);
        }
        return Optional.empty();
    }

    public boolean fromEnvironment() {
        return !configuredKey.isBlank();
    }

    boolean verify(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 72) {
            return false;
        }
        if (!configuredKey.isBlank()) {
            return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    configuredKey.getBytes(StandardCharsets.UTF_8));
        }
        String fingerprint = sha256(presented);
        Instant now = Instant.now(clock);
        Instant until = verified.get(fingerprint);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean ok = repository.hash().map(hash -> bcrypt.matches(presented, hash)).orElse(false);
        if (ok) {
            verified.put(fingerprint, now.plus(REMEMBER));
        }
        return ok;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
