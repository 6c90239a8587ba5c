package cn.gov.lvliang.ledger.command.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the official working-day calendar a bean, loaded from {@code ledger.calendar.location}, and watches how much
 * of it is left. {@link WorkingCalendar} itself stays free of Spring so that tests and tools can load it directly.
 *
 * <p>A calendar that ends soon does not stop the ledger, but every time limit that would run past its last day is
 * refused until the next year's notice is loaded; so the days left are a gauge to alert on
 * ({@code ledger_calendar_remaining_days} in Prometheus), and the {@code workingCalendar} health component names the
 * missing notice once fewer than {@code ledger.calendar.warn-before} remain.
 */
@Configuration(proxyBeanMethods = false)
class WorkingCalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendarConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(ObjectMapper objectMapper, WorkingCalendarProperties properties, Clock clock) {
        WorkingCalendar calendar = WorkingCalendar.load(objectMapper, properties.location());
        log.info("Working calendar {} covers {}..{} (sha256 {})", properties.location(), calendar.firstDay(),
                calendar.lastDay(), calendar.contentHash());
        if (endsSoon(calendar, properties, clock)) {
            log.warn("The working calendar ends on {}: load the State Council notice for {} (ledger.calendar.location)"
                    + " before time limits run past it", calendar.lastDay(), calendar.lastDay().getYear() + 1);
        }
        return calendar;
    }

    @Bean
    HealthIndicator workingCalendarHealthIndicator(WorkingCalendar calendar, WorkingCalendarProperties properties,
                                                   Clock clock) {
        return () -> {
            Health.Builder health = Health.up()
                    .withDetail("firstDay", calendar.firstDay())
                    .withDetail("lastDay", calendar.lastDay())
                    .withDetail("daysRemaining", daysRemaining(calendar, clock))
                    .withDetail("contentHash", calendar.contentHash());
            if (endsSoon(calendar, properties, clock)) {
                // Still up: the ledger serves everything that stays inside the calendar. Monitoring alerts on this.
                health.withDetail("warning", "the notice for " + (calendar.lastDay().getYear() + 1)
                        + " is not loaded; time limits running past " + calendar.lastDay() + " are refused");
            }
            return health.build();
        };
    }

    @Bean
    MeterBinder workingCalendarMetrics(WorkingCalendar calendar, Clock clock) {
        return registry -> Gauge.builder("ledger.calendar.remaining", () -> daysRemaining(calendar, clock))
                .description("Days from today to the last day of the loaded working calendar (negative once past)")
                .baseUnit("days")
                .register(registry);
    }

    private static long daysRemaining(WorkingCalendar calendar, Clock clock) {
        return ChronoUnit.DAYS.between(calendar.dateOf(clock.instant()), calendar.lastDay());
    }

    private static boolean endsSoon(WorkingCalendar calendar, WorkingCalendarProperties properties, Clock clock) {
        return !calendar.dateOf(clock.instant()).plus(properties.warnBefore()).isBefore(calendar.lastDay());
    }
}
