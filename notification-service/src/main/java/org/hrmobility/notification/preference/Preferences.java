package org.hrmobility.notification.preference;

import org.hrmobility.notification.message.Templates;

/**
 * A person's choices: how e-mail comes, and the language of their notifications when it should not be the one
 * of their master data ({@code null}: as in master data).
 */
public record Preferences(EmailMode email, String language) {

    public static final Preferences DEFAULT = new Preferences(EmailMode.IMMEDIATE, null);

    /** The language to write to this person in, given the one in their master data. */
    public String languageOr(String masterDataLanguage) {
        return Templates.supported(language != null ? language : masterDataLanguage);
    }
}
