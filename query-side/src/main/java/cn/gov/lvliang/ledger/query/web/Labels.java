package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words of the pages and exports in the request's language ({@code messages.properties}, Chinese, unless the
 * reader chose English), so that a table's headers and labels read the same on the page and in its export.
 */
@Component
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The message under the key, or null if there is none. */
    public String optional(String key) {
        return messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
    }

    /** The label of an enum constant, under {@code prefix.NAME}; the constant's name if there is none. */
    public String of(String prefix, Enum<?> constant) {
        if (constant == null) {
            return "";
        }
        return messages.getMessage(prefix + "." + constant.name(), null, constant.name(),
                LocaleContextHolder.getLocale());
    }

    /** The label of a code stored as text (a status or channel in a read model), as {@link #of} gives it. */
    public String ofName(String prefix, String name) {
        if (name == null) {
            return "";
        }
        return messages.getMessage(prefix + "." + name, null, name, LocaleContextHolder.getLocale());
    }

    /** A personal-data value as it is, or the words for an erased one (docs/personal-data.md). */
    public String personal(String value) {
        return PersonalData.ERASED.equals(value) ? get("personalData.erased") : value;
    }
}
