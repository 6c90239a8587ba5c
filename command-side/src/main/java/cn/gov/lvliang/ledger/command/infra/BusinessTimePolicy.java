package cn.gov.lvliang.ledger.command.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The limits on business time, the moment a command says its fact happened. Commands may be back-dated so that
 * history can be imported, but not before the programmes began, not into the future beyond clock skew, and never
 * before the case itself began. A back-dated command only appends; it never rewrites an earlier event.
 */
@Component
public class BusinessTimePolicy {

    private final Clock clock;
    private final Limits limits;

    public BusinessTimePolicy(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** The command's business time, or now when it gave none. */
    public Instant resolve(Instant requested) {
        return requested != null ? requested : clock.instant();
    }

    /** Checks a business time on its own; the message names the field, so it becomes a 400 naming it. */
    public void check(Instant businessTime) {
        if (businessTime.isBefore(limits.earliest())) {
            throw new IllegalArgumentException("businessTime: " + businessTime + " is before " + limits.earliest()
                    + ", the earliest business time the ledger accepts");
        }
        Instant latest = clock.instant().plus(limits.maxFutureSkew());
        if (businessTime.isAfter(latest)) {
            throw new IllegalArgumentException("businessTime: " + businessTime + " is in the future (now "
                    + clock.instant() + ", allowed skew " + limits.maxFutureSkew() + ")");
        }
    }

    /** Checks a business time of a later step of a case that began at {@code caseStart}. */
    public void check(Instant businessTime, Instant caseStart) {
        check(businessTime);
        if (businessTime.isBefore(caseStart)) {
            throw new IllegalArgumentException("businessTime: " + businessTime
                    + " is before the case was submitted at " + caseStart);
        }
    }

    /**
     * @param earliest      the earliest business time accepted: the start of the programmes' records
     * @param maxFutureSkew how far ahead of the server's clock a business time may be
     */
    @ConfigurationProperties("ledger.business-time")
    public record Limits(Instant earliest, Duration maxFutureSkew) {

        public Limits {
            earliest = earliest != null ? earliest : Instant.parse("2023-12-31T16:00:00Z");
            maxFutureSkew = maxFutureSkew != null ? maxFutureSkew : Duration.ofMinutes(5);
        }
    }
}
