package cn.gov.lvliang.ledger.command.infra;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Text in request bodies must be text that the event store, the read models and the exports can hold: no control
 * characters other than tab and line breaks, and no unpaired surrogates. A NUL cannot be stored in a PostgreSQL text
 * column, so an event carrying one would stop the query side's projection at that event for good; an unpaired
 * surrogate is not Unicode at all. Such a string is a 400 naming its field. Only request bodies are read this way:
 * the events' own serializer is left as it is, so stored history always reads back.
 */
@Configuration(proxyBeanMethods = false)
class RequestText {

    /** What the 400 says about such a field. */
    static final String REFUSAL = "must not contain control characters (other than tab and line breaks) or "
            + "unpaired surrogates";

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(objectMapper.copy()
                .registerModule(new SimpleModule("request-text").addDeserializer(String.class, new PlainText())));
    }

    static boolean isPlainText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Jackson's own string reading, then the check. */
    private static final class PlainText extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && !isPlainText(value)) {
                throw context.weirdStringException(value, String.class, REFUSAL);
            }
            return value;
        }
    }
}
