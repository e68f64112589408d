package org.hrmobility.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and amounts as people in Belgium read them, in the page's language: {@code ${@fmt.date(x)}} in the
 * templates. The API's values are ISO text; anything else is shown as it came.
 */
@Component("fmt")
public class Fmt {

    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    public String date(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        try {
            LocalDate day = LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
            return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    /** A period from one day to another: "1 March 2026 – 31 August 2026". */
    public String period(Object from, Object to, Locale locale) {
        return date(from, locale) + " – " + date(to, locale);
    }

    public String dateTime(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        try {
            Instant at = Instant.parse(value.toString());
            return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(BRUSSELS).format(at);
        } catch (DateTimeParseException e) {
            return date(value, locale);
        }
    }

    /** ISO day for a {@code datetime} attribute. */
    public String isoDay(Object value) {
        return value == null ? "" : value.toString().substring(0, Math.min(10, value.toString().length()));
    }

    /** Euro cents as euros: 150001 is "€ 1.500,01" in Dutch, "€1,500.01" in English. */
    public String euros(Object cents, Locale locale) {
        if (cents == null) {
            return "";
        }
        long value = Long.parseLong(cents.toString());
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale.getLanguage().equals("nl")
                ? Locale.forLanguageTag("nl-BE") : Locale.forLanguageTag("en-IE"));
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(value / 100.0);
    }

    public String percent(Object fraction) {
        if (fraction == null) {
            return "";
        }
        return Math.round(Double.parseDouble(fraction.toString()) * 100) + " %";
    }

    public Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
