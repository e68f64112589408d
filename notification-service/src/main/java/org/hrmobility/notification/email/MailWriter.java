package org.hrmobility.notification.email;

import java.util.List;
import java.util.Map;

import org.hrmobility.notification.NotificationSettings;
import org.hrmobility.notification.message.Message;
import org.hrmobility.notification.message.Templates;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;


/** Writes notifications as plain-text e-mails, in the recipient's language, and hands them to the SMTP server. */
@Component
class MailWriter {

    private final JavaMailSender mail;
    private final Templates templates;
    private final String from;

    MailWriter(JavaMailSender mail, Templates templates, NotificationSettings settings) {
        this.mail = mail;
        this.templates = templates;
        this.from = settings.email().from();
    }

    void sendOne(EmailQueue.Mail m) throws MailException {
        send(m.address(), m.message().title(), text(m.language(), m.message()));
    }

    void sendDigest(String to, String language, String day, List<EmailQueue.Mail> mails) throws MailException {
        StringBuilder body = new StringBuilder();
        for (EmailQueue.Mail m : mails) {
            body.append("• ").append(text(language, m.message())).append("\n\n");
        }
        send(to, templates.required(language, "digest.subject", Map.of("day", day, "count", mails.size())), body.toString().trim());
    }

    private String text(String language, Message message) {
        return message.title() + "\n\n" + message.expected() + "\n\n"
                + templates.required(language, "link", Map.of("link", message.link()));
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
