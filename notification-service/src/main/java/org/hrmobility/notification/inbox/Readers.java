package org.hrmobility.notification.inbox;

import java.util.ArrayList;
import java.util.List;

import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.notification.routing.Recipient;

/**
 * Whose notifications a caller reads: their own as a person, their entity's case handlers' if they are one, and
 * those addressed to their token's subject (a machine client's, or a webhook subscription's owner's).
 */
public final class Readers {

    private Readers() {
    }

    public static List<String> keysOf(CurrentUser user) {
        List<String> keys = new ArrayList<>();
        if (user.employeeId() != null) {
            keys.add(Recipient.personKey(user.employeeId()));
            if (user.isCaseHandler() && user.entity() != null) {
                keys.add(Recipient.teamKey(user.entity()));
            }
        }
        keys.add(Recipient.clientKey(user.subject()));
        return List.copyOf(keys);
    }
}
