package cn.gov.lvliang.ledger.query.infra;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Days in request parameters ({@code @DateTimeFormat LocalDate}: from, to, asOf) must lie between
 * {@link #EARLIEST} and {@link #LATEST}. Java reads years up to 999,999,999, but the read models turn a day into an
 * instant range in SQL, and the day after the last one Java knows does not exist, nor does a PostgreSQL timestamp
 * past the year 294276: such a day is a 400 naming the parameter, like any other malformed date, not a 500.
 */
@Configuration(proxyBeanMethods = false)
class DayParameters implements WebMvcConfigurer {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** Registered after Spring's own factory for the annotation, so it is asked first for days. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new BoundedDays());
    }

    private static final class BoundedDays implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory iso =
                new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return iso.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            Parser<?> parser = iso.getParser(annotation, fieldType);
            return (String text, Locale locale) -> {
                LocalDate day = (LocalDate) parser.parse(text, locale);
                if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
                    throw new ParseException(text + " lies outside " + EARLIEST + " to " + LATEST, 0);
                }
                return day;
            };
        }
    }
}
