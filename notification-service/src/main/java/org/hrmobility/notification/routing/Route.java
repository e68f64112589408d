package org.hrmobility.notification.routing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hrmobility.contracts.EventType;

/**
 * What one event type means to people: who is told, of whom something is expected (and by the date in which
 * payload field), and the link to what it is about, with {@code {field}} placeholders from the payload.
 */
public record Route(EventType<?> type, Set<Audience> told, Set<Audience> expectedOf, String dueField, String link) {

    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");

    public Route {
        Objects.requireNonNull(type, "type");
        told = Set.copyOf(told);
        expectedOf = Set.copyOf(expectedOf);
        if (!told.containsAll(expectedOf)) {
            throw new IllegalArgumentException(type + ": something is expected of someone who is not told");
        }
    }

    static Route tell(EventType<?> type, String link, Audience first, Audience... more) {
        return new Route(type, EnumSet.of(first, more), Set.of(), null, link);
    }

    /** The same route, expecting an answer of {@code audience}, by the date in {@code dueField} when not null. */
    Route expecting(Audience audience, String dueField) {
        Set<Audience> expected = EnumSet.of(audience);
        expected.addAll(expectedOf);
        return new Route(type, told, expected, dueField == null ? this.dueField : dueField, link);
    }

    /** The link with the payload's values in its {@code {field}} placeholders (ids: no formatting). */
    public String link(Map<String, ?> values) {
        Matcher m = FIELD.matcher(link);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template name: the event's name, e.g. {@code OfferMade}. */
    public String name() {
        return type.name();
    }

    public boolean expects(Audience audience) {
        return expectedOf.contains(audience);
    }
}
