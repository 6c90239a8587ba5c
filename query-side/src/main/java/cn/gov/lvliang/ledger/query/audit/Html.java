package cn.gov.lvliang.ledger.query.audit;

/**
 * Just enough to write a page by hand: markup the code wrote goes in as it is, text from events is escaped, so no
 * stored value can add markup to the page.
 */
final class Html {

    private final StringBuilder out = new StringBuilder();

    /** Markup written by this code, never by data. */
    Html markup(String markup) {
        out.append(markup);
        return this;
    }

    /** Text, escaped; nothing for {@code null}. */
    Html text(String text) {
        if (text != null) {
            out.append(escape(text));
        }
        return this;
    }

    /** An element with escaped text content: {@code element("td", "time", value)}. */
    Html element(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        out.append('>');
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
