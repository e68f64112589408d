package org.hrmobility.local.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local run's mail server (GreenMail): the notification service sends by SMTP; anyone reads a mailbox over
 * IMAP with the address as user and any password, e.g.
 * {@code curl -s -u emma.peeters@example.org:x 'imap://localhost:3143/INBOX;UID=1'}. Mail lives in memory.
 */
final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "localhost", ServerSetup.PROTOCOL_IMAP)});
        // every address is a mailbox, readable with any password: a development server, on localhost only
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
