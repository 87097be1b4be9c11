package org.boxoffice.partner;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Service;

/**
 * Signed (HS256) bearer tokens valid one hour, with no server-side session: every node signs with the current key
 * and verifies with it or with the previous one, told apart by the JWT {@code kid} (a fingerprint of the key), so
 * rotating {@code BOXOFFICE_TOKEN_SIGNING_KEY} (old value into {@code _PREVIOUS}) logs nobody out. Without a
 * configured key (never under {@code prod}) the first node generates one and stores it for the others.
 */
@Service
class TokenService {
    static final Duration LIFETIME = Duration.ofHours(1);
    static final String EXPIRED = "token_expired";
    private static final String ISSUER = "boxoffice";
    private final Clock clock;
    private final String currentKeyId;
    private final MACSigner signer;
    private final JwtDecoder decoder;

    TokenService(Clock clock, SigningKeyRepository keys,
                 @Value("${boxoffice.token-signing-key:}") String configuredKey,
                 @Value("${boxoffice.token-signing-key-previous:}") String previousKey) throws JOSEException {
        this.clock = clock;
        byte[] current = configuredKey.isBlank() ? keys.getOrCreate(randomKey(), Instant.now(clock)) : bytes(configuredKey);
        List<OctetSequenceKey> ring = new ArrayList<>(List.of(jwk(current)));
        if (!previousKey.isBlank()) {
            ring.add(jwk(bytes(previousKey)));
        }
        this.currentKeyId = ring.getFirst().getKeyID();
        this.signer = new MACSigner(current);
        this.decoder = decoder(ring, clock);
    }

    record Issued(String token, Instant expiresAt, Set<String> scopes) {
    }

    Issued issue(Partner partner, Set<String> scopes) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(partner.id()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(expiresAt))
                .claim("client_id", partner.clientId()).claim("scope", Scope.format(scopes))
                .claim("ver", partner.tokenVersion())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(currentKeyId).build(), claims);
            jwt.sign(signer);
            return new Issued(jwt.serialize(), expiresAt, scopes);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /** Verifies the signature first (HS256 only, a key of the ring), then issuer and expiry against the clock. */
    JwtDecoder decoder() {
        return decoder;
    }

    private static JwtDecoder decoder(List<OctetSequenceKey> ring, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
                new ImmutableJWKSet<>(new JWKSet(List.copyOf(ring)))));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // claims are checked below, with our clock
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(ISSUER), expiry(clock)));
        return decoder;
    }

    /** No clock skew: a token is expired from the second its {@code exp} names, on every node alike. */
    private static OAuth2TokenValidator<Jwt> expiry(Clock clock) {
        return jwt -> {
            if (jwt.getExpiresAt() == null) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no exp claim", null));
            }
            return Instant.now(clock).isBefore(jwt.getExpiresAt()) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(EXPIRED, "the token has expired", null));
        };
    }

    private static OctetSequenceKey jwk(byte[] secret) {
        return new OctetSequenceKey.Builder(secret).keyID(keyId(secret)).algorithm(JWSAlgorithm.HS256).build();
    }

    /** Public and stable: the first 12 characters of the key's SHA-256, so all nodes name a key alike. */
    private static String keyId(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("token signing keys must be at least 32 bytes (256 bits) for HS256");
        }
        return bytes;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
