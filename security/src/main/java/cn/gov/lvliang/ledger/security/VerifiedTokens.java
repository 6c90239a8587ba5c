package cn.gov.lvliang.ledger.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A bearer token decoder that remembers the tokens it has verified until they expire: a client sends the same token
 * with every request, and checking its RSA signature and claims again took 7% of the command side's request threads
 * under load. Only a token the given decoder accepted is remembered, under the token's exact text, which no one can
 * alter without breaking its signature; one it refuses is refused again each time. A remembered token is forgotten
 * at its expiry (or after {@code longest}, if sooner, or when {@code capacity} newer ones push it out), and is then
 * checked again, as every token without an expiry is each time.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, Clock clock, int capacity, Duration longest) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .ticker(() -> clock.millis() * 1_000_000)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt, longest)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        // The cache's ticker is the same clock, so a token past its expiry is no longer there.
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null) {
            return jwt;
        }
        jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration untilExpiry(Jwt jwt, Duration longest) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.compareTo(longest) < 0 ? left : longest;
    }

    /** Tokens remembered (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
