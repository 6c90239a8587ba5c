package cn.gov.lvliang.ledger.query.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stops the query side's clock at noon of {@link #TODAY} in Lvliang, so that "at risk" is decided the same way on
 * every run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

    /** Friday 14 March 2025, 12:00 in Beijing time. */
    public static final Instant NOW = Instant.parse("2025-03-14T04:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
