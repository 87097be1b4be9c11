package org.boxoffice.partner;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signed (HS256) bearer tokens valid one hour. They hold no server-side session: any node verifies them with the
 * shared key, and revocation works through the partner's token version, checked by {@link PartnerAccessCache}.
 */
@Service
class TokenService {
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ISSUER = "boxoffice";
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    TokenService(Clock clock, SigningKeyRepository keys, @Value("${boxoffice.token-signing-key:}") String configuredKey)
            throws JOSEException {
        this.clock = clock;
        byte[] key = configuredKey.isBlank()
                ? keys.getOrCreate(randomKey(), Instant.now(clock))
                : configuredKey.getBytes(StandardCharsets.UTF_8);
        this.signer = new MACSigner(key);
        this.verifier = new MACVerifier(key);
    }

    record Issued(String token, Instant expiresAt, Set<String> scopes) {
    }

    record Claims(String partnerId, String clientId, Set<String> scopes, int tokenVersion) {
    }

    Issued issue(Partner partner, Set<String> scopes) {
        Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(partner.id()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(expiresAt))
                .claim("client_id", partner.clientId()).claim("scope", Scope.format(scopes))
                .claim("ver", partner.tokenVersion())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(signer);
            return new Issued(jwt.serialize(), expiresAt, scopes);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /** Checks signature first, then expiry: a forged token is UNAUTHORIZED whatever its dates say. */
    Claims verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw unauthorized();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null || claims.getSubject() == null) {
                throw unauthorized();
            }
            if (!Instant.now(clock).isBefore(claims.getExpirationTime().toInstant())) {
                throw new ApiException(ErrorCode.TOKEN_EXPIRED, "The access token has expired; request a new one");
            }
            Object version = claims.getClaim("ver");
            String scope = claims.getStringClaim("scope");
            if (!(version instanceof Number number) || scope == null) {
                throw unauthorized();
            }
            return new Claims(claims.getSubject(), claims.getStringClaim("client_id"), Scope.parse(scope), number.intValue());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw unauthorized();
        }
    }

    static ApiException unauthorized() {
        return new ApiException(ErrorCode.UNAUTHORIZED, "A valid bearer token is required");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
