package cn.gov.lvliang.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A verified token is remembered until it expires, and nothing else is: the decoder behind (a stand-in that accepts
 * the tokens it was told of, as long as they have not expired by the test's clock) is asked again for a token it
 * refused, for one whose time has run out, and for one without an expiry.
 */
class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    MutableClock clock = new MutableClock(NOW);
    Decoder decoder = new Decoder();
    VerifiedTokens tokens = new VerifiedTokens(decoder, clock, 2, Duration.ofMinutes(10));

    @Test
    void aVerifiedToken_isCheckedOnce_untilItExpires() {
        decoder.accepts("token-a", NOW.plusSeconds(300));

        Jwt first = tokens.decode("token-a");
        clock.advance(Duration.ofSeconds(299));
        assertThat(tokens.decode("token-a")).isSameAs(first);
        assertThat(decoder.asked).containsExactly("token-a");

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThat(decoder.asked).containsExactly("token-a", "token-a");
    }

    @Test
    void aVerifiedToken_isCheckedAgainAfterTheLongestTime_evenIfItIsStillValid() {
        decoder.accepts("token-a", NOW.plus(Duration.ofHours(8)));

        tokens.decode("token-a");
        clock.advance(Duration.ofMinutes(10));
        tokens.decode("token-a");

        assertThat(decoder.asked).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedToken_isRefusedEachTime_andNotRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(decoder.asked).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiry_isCheckedEachTime() {
        decoder.accepts("no-expiry", null);

        tokens.decode("no-expiry");
        tokens.decode("no-expiry");

        assertThat(decoder.asked).containsExactly("no-expiry", "no-expiry");
    }

    @Test
    void atMostTheGivenNumberOfTokens_areRemembered() {
        for (String token : List.of("t1", "t2", "t3", "t4")) {
            decoder.accepts(token, NOW.plusSeconds(60));
            tokens.decode(token);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(2);
    }

    /** Accepts the tokens it was told of, each until its expiry by the test's clock, as a real decoder would. */
    final class Decoder implements JwtDecoder {

        final List<String> asked = new ArrayList<>();
        final Map<String, Instant> known = new HashMap<>();

        void accepts(String token, Instant expiresAt) {
            known.put(token, expiresAt);
        }

        @Override
        public Jwt decode(String token) {
            asked.add(token);
            if (!known.containsKey(token)) {
                throw new BadJwtException("An error occurred while attempting to decode the Jwt: bad signature");
            }
            Instant expiresAt = known.get(token);
            if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
                throw new BadJwtException("Jwt expired at " + expiresAt);
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                    .issuedAt(NOW);
            if (expiresAt != null) {
                jwt.expiresAt(expiresAt);
            }
            return jwt.build();
        }
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
