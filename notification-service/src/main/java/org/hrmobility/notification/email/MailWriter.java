package org.hrmobility.notification.email;

import java.util.List;
import java.util.Map;

import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.notification.NotificationSettings;
import org.hrmobility.notification.message.Message;
import org.hrmobility.notification.message.Templates;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Writes notifications as plain-text e-mails, in the recipient's language, and hands them to the SMTP server. */
@Component
class MailWriter {

    private static final String PERSON = "person:";

    private final JavaMailSender mail;
    private final EmployeeDirectory directory;
    private final Templates templates;
    private final String from;

    MailWriter(JavaMailSender mail, EmployeeDirectory directory, Templates templates, NotificationSettings settings) {
        this.mail = mail;
        this.directory = directory;
        this.templates = templates;
        this.from = settings.email().from();
    }

    /** The address of a notification: the one it names, else the person's in master data; empty when there is none. */
    Mono<String> address(EmailQueue.Mail m) {
        if (m.emailTo() != null) {
            return Mono.just(m.emailTo());
        }
        if (!m.recipient().startsWith(PERSON)) {
            return Mono.empty();
        }
        return directory.find(m.recipient().substring(PERSON.length())).mapNotNull(Employee::email);
    }

    void sendOne(String to, EmailQueue.Mail m) throws MailException {
        send(to, m.message().title(), text(m.language(), m.message()));
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
