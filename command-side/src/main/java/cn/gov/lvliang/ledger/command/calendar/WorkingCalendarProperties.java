package cn.gov.lvliang.ledger.command.calendar;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the official working-day calendar comes from ({@code ledger.calendar}).
 *
 * @param location    the calendar file: the copy shipped with the release unless an operator points this at a newer
 *                    copy, one that adds the notice the State Council publishes each autumn for the next year
 * @param warnBefore  how long before the calendar's last day the health endpoint starts to warn that the next
 *                    year's notice is not loaded (time limits counted from then on may run past the last day)
 */
@ConfigurationProperties("ledger.calendar")
record WorkingCalendarProperties(
        @DefaultValue("classpath:" + WorkingCalendar.RESOURCE) Resource location,
        @DefaultValue("P60D") Period warnBefore) {
}
