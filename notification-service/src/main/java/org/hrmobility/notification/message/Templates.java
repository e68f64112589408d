package org.hrmobility.notification.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hrmobility.notification.routing.Audience;
import org.hrmobility.notification.routing.Route;

/**
 * The notification texts of {@code templates/messages_<language>.properties}. A placeholder {@code {field}} takes
 * a payload field (a date reads as a date of the language, as written in Belgium); {@code {field,yes|no}} chooses by a true/false field.
 * A recipient's language that has no texts gets Dutch, the administration's language.
 */
public final class Templates {

    public static final String DEFAULT_LANGUAGE = "nl";
    public static final List<String> LANGUAGES = List.of("nl", "en");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?:,([^|}]*)\\|([^}]*))?}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, Properties> texts;

    private Templates(Map<String, Properties> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static Templates load() {
        Map<String, Properties> texts = new HashMap<>();
        for (String language : LANGUAGES) {
            String name = "/templates/messages_" + language + ".properties";
            try (InputStream in = Templates.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + name);
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                texts.put(language, properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Templates(texts);
    }

    public static String supported(String language) {
        return language != null && LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
    }

    /**
     * The notification of one event for one audience: what happened, what is expected of them and by when, and
     * the link to what it is about.
     *
     * @param fields the payload's fields plus {@code employeeName}
     */
    public Message render(Route route, Audience audience, String language, Map<String, ?> fields, String linkBase) {
        String lang = supported(language);
        Map<String, Object> values = new HashMap<>(fields);
        LocalDate due = route.expects(audience) && route.dueField() != null ? date(fields.get(route.dueField())) : null;
        if (due != null) {
            values.put("due", due.toString());
        }
        String title = text(lang, route.name() + ".title." + audience.name(), values);
        if (title == null) {
            title = required(lang, route.name() + ".title", values);
        }
        String expected = route.expects(audience)
                ? required(lang, route.name() + ".expected." + audience.name(), values)
                : required(lang, "expected.none", values);
        String link = linkBase + fill(lang, route.link(), values, false);
        return new Message(title, expected, due, link);
    }

    /** A text that is not about one event (a paused webhook, the digest's subject). */
    public String text(String language, String key, Map<String, ?> values) {
        String lang = supported(language);
        String template = texts.get(lang).getProperty(key);
        return template == null ? null : fill(lang, template, values, true);
    }

    public String required(String language, String key, Map<String, ?> values) {
        String text = text(language, key, values);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in " + language);
        }
        return text;
    }

    private static String fill(String language, String template, Map<String, ?> values, boolean readable) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            String replacement;
            if (m.group(2) != null) {
                replacement = Boolean.parseBoolean(String.valueOf(value)) ? m.group(2) : m.group(3);
            } else {
                replacement = value == null ? "" : readable ? readable(language, value.toString()) : value.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String readable(String language, String value) {
        if (ISO_DATE.matcher(value).matches()) {
            LocalDate date = date(value);
            if (date != null) {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language + "-BE")).format(date);
            }
        }
        return value;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
