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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.hrmobility.notification.routing.Audience;
import org.hrmobility.notification.routing.Route;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * The notification texts of {@code templates/messages_<language>.properties}, in ICU MessageFormat: named arguments
 * from the payload, {@code plural} for counts ("1 refusal", "2 refusals") and {@code select} for choices. Dates read as
 * a date of the language, as written in Belgium. A recipient's language that has no texts gets Dutch, the
 * administration's language.
 */
public final class Templates {

    public static final String DEFAULT_LANGUAGE = "nl";
    public static final List<String> LANGUAGES = List.of("nl", "en");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, Properties> texts;
    private final Map<String, MessageFormat> compiled = new ConcurrentHashMap<>();

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
        String link = linkBase + route.link(values);
        return new Message(title, expected, due, link);
    }

    /** A text that is not about one event (a paused webhook, the digest's subject). */
    public String text(String language, String key, Map<String, ?> values) {
        String lang = supported(language);
        String template = texts.get(lang).getProperty(key);
        if (template == null) {
            return null;
        }
        MessageFormat format = compiled.computeIfAbsent(lang + ":" + key, k -> new MessageFormat(template, ULocale.forLanguageTag(lang + "-BE")));
        return format.format(readable(lang, values));
    }

    public String required(String language, String key, Map<String, ?> values) {
        String text = text(language, key, values);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in " + language);
        }
        return text;
    }

    /** The arguments as the texts use them: dates written out, true/false for {@code select}, numbers for {@code plural}. */
    private static Map<String, Object> readable(String language, Map<String, ?> values) {
        Map<String, Object> args = new HashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof Boolean || value instanceof Enum<?>) {
                args.put(name, value.toString());
            } else if (value instanceof String text && ISO_DATE.matcher(text).matches() && date(text) != null) {
                args.put(name, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language + "-BE"))
                        .format(date(text)));
            } else if (value != null) {
                args.put(name, value);
            }
        });
        return args;
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
