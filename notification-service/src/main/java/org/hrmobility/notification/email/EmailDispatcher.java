package org.hrmobility.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.notification.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued e-mails one by one, and the daily digests once their hour has come (Brussels time), each
 * person's digest claimed first so that only one instance sends it. A mail that fails is tried again after
 * {@code retry-after}, up to {@code max-attempts}; a crash between sending and marking sends that one e-mail
 * again (at least once, never lost). Logs name no address: the error, which may, stays with the notification.
 */
@Component
class EmailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A batch is leased for longer than its sends can take (20 e-mails at the SMTP timeouts of 15 s each). */
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final EmailQueue queue;
    private final MailWriter writer;
    private final Clock clock;
    private final NotificationSettings.Email settings;

    EmailDispatcher(EmailQueue queue, MailWriter writer, Clock clock, NotificationSettings settings) {
        this.queue = queue;
        this.writer = writer;
        this.clock = clock;
        this.settings = settings.email();
    }

    @Scheduled(fixedDelayString = "${hrm.notification.email.poll:PT1S}", initialDelayString = "PT2S")
    void sendDue() {
        Instant now = clock.instant();
        List<EmailQueue.Mail> due = queue.claimDue(now, now.plus(LEASE), BATCH).collectList().block(WAIT);
        List<UUID> unaddressed = new ArrayList<>();
        for (EmailQueue.Mail mail : due) {
            if (mail.address() == null) {
                unaddressed.add(mail.id());
                continue;
            }
            try {
                writer.sendOne(mail);
                // marked at once: a crash re-sends at most this one e-mail
                queue.mark(List.of(mail.id()), "SENT", null).block(WAIT);
            } catch (RuntimeException e) {
                failed(mail, e);
            }
        }
        queue.mark(unaddressed, "SKIPPED", "no e-mail address in master data").block(WAIT);
    }

    @Scheduled(fixedDelayString = "${hrm.notification.email.digest-check:PT1M}", initialDelayString = "PT5S")
    void sendDigests() {
        ZonedDateTime now = clock.instant().atZone(CalendarDays.ZONE);
        LocalDate day = now.toLocalDate();
        Instant cutoff = day.atTime(settings.digestAt()).atZone(CalendarDays.ZONE).toInstant();
        if (now.toInstant().isBefore(cutoff)) {
            return;
        }
        for (String recipient : queue.digestRecipients(cutoff, day).collectList().block(WAIT)) {
            if (Boolean.TRUE.equals(queue.claimDigest(recipient, day, clock.instant()).block(WAIT))) {
                sendDigest(recipient, day, cutoff);
            }
        }
    }

    private void sendDigest(String recipient, LocalDate day, Instant cutoff) {
        List<EmailQueue.Mail> mails = queue.digestOf(recipient, cutoff).collectList().block(WAIT);
        if (mails.isEmpty()) {
            return;
        }
        String to = mails.get(0).address();
        if (to == null) {
            queue.markDigest(recipient, cutoff, "SKIPPED").block(WAIT);
            return;
        }
        try {
            writer.sendDigest(to, mails.get(0).language(), day.toString(), mails);
            queue.markDigest(recipient, cutoff, "SENT").block(WAIT);
            log.info("Daily digest of {} notification(s) sent", mails.size());
        } catch (RuntimeException e) {
            log.warn("Daily digest not sent, tried again at the next check: {}", e.getClass().getSimpleName());
            queue.releaseDigest(recipient, day).block(WAIT);
        }
    }

    private void failed(EmailQueue.Mail mail, RuntimeException e) {
        if (mail.attempts() + 1 >= settings.maxAttempts()) {
            log.warn("E-mail of notification {} given up after {} attempts: {}", mail.id(), mail.attempts() + 1, e.getClass().getSimpleName());
            queue.mark(List.of(mail.id()), "FAILED", e.getMessage()).block(WAIT);
        } else {
            log.info("E-mail of notification {} not sent, retried in {}: {}", mail.id(), settings.retryAfter(), e.getClass().getSimpleName());
            queue.retryLater(mail.id(), e.getMessage(), clock.instant().plus(settings.retryAfter())).block(WAIT);
        }
    }
}
