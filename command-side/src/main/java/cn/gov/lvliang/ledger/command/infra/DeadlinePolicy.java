package cn.gov.lvliang.ledger.command.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When a statutory clock's deadline fires. A deadline fires at its due moment, but never sooner than a grace period
 * after it was set: when history is imported with back-dated steps, a due moment is often already past when it is
 * set, and the import must have time to deliver the later steps (a conclusion, an item decided in time) before the
 * deadline looks at the case. What the deadline records still carries the due moment as its business time.
 */
@Component
public class DeadlinePolicy {

    private final Clock clock;
    private final Settings settings;

    public DeadlinePolicy(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** The moment to schedule a deadline that is due at {@code due}. */
    public Instant fireAt(Instant due) {
        Instant earliest = clock.instant().plus(settings.importGrace());
        return due.isBefore(earliest) ? earliest : due;
    }

    /**
     * @param importGrace how long after it was set a deadline that is already due waits before it fires
     */
    @ConfigurationProperties("ledger.deadlines")
    public record Settings(Duration importGrace) {

        public Settings {
            importGrace = importGrace != null ? importGrace : Duration.ofMinutes(2);
        }
    }
}
