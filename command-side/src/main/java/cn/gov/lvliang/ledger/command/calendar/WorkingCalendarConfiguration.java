package cn.gov.lvliang.ledger.command.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the official working-day calendar a bean. {@link WorkingCalendar} itself stays free of Spring so that tests
 * and tools can load it directly.
 */
@Configuration(proxyBeanMethods = false)
class WorkingCalendarConfiguration {

    @Bean
    WorkingCalendar workingCalendar(ObjectMapper objectMapper) {
        return WorkingCalendar.load(objectMapper);
    }
}
