package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.boxoffice.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Rotating {@code BOXOFFICE_TOKEN_SIGNING_KEY} with the old value in {@code _PREVIOUS}: tokens signed before stay valid
 * until they expire; once the old key is dropped they are refused. Tokens name their key with {@code kid}.
 */
class TokenKeyRotationTest {
    private static final String OLD = "old-signing-key-0123456789abcdefghijklmnop";
    private static final String NEW = "new-signing-key-0123456789abcdefghijklmnop";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final Partner partner = new Partner("prt_rotation", "Rotation", BillingModel.PARTNER_BILLED, PartnerStatus.ACTIVE,
            "cli_rotation", "$2a$hash", 3, null, null, null, clock.instant());

    private TokenService keys(String current, String previous) throws Exception {
        return new TokenService(clock, null, current, previous);
    }

    @Test
    void aTokenSignedWithThePreviousKeyStaysValidAfterRotation() throws Exception {
        String before = keys(OLD, "").issue(partner, Set.of("events:read")).token();
        TokenService rotated = keys(NEW, OLD);
        String after = rotated.issue(partner, Set.of("events:read")).token();

        assertThat(rotated.decoder().decode(before).getSubject()).isEqualTo("prt_rotation");
        assertThat(rotated.decoder().decode(after).getClaims()).containsEntry("ver", 3L);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        String newKid = SignedJWT.parse(after).getHeader().getKeyID();
        assertThat(oldKid).isNotBlank().isNotEqualTo(newKid);
        assertThat(keys(NEW, "").decoder().decode(after).getSubject()).isEqualTo("prt_rotation");
        assertThatThrownBy(() -> keys(NEW, "").decoder().decode(before)).isInstanceOf(JwtException.class);
    }

    @Test
    void expiryIsCheckedByTheClockAfterTheSignatureWithNoSkew() throws Exception {
        TokenService service = keys(NEW, "");
        String token = service.issue(partner, Set.of("events:read")).token();
        clock.advance(Duration.ofMinutes(60).minusSeconds(1));
        assertThat(service.decoder().decode(token).getSubject()).isEqualTo("prt_rotation");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> service.decoder().decode(token)).isInstanceOfSatisfying(JwtValidationException.class,
                e -> assertThat(e.getErrors()).anyMatch(error -> error.getErrorCode().equals("token_expired")));
        // Signed with a key that is not ours: refused as a bad signature, whatever its dates.
        assertThatThrownBy(() -> keys(OLD, "").decoder().decode(token))
                .isInstanceOf(JwtException.class).isNotInstanceOf(JwtValidationException.class);
    }

    @Test
    void keysShorterThan256BitsAreRefusedAtStart() {
        assertThatThrownBy(() -> keys("too-short-key", "")).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> keys(NEW, "short-previous")).hasMessageContaining("at least 32 bytes");
    }
}
