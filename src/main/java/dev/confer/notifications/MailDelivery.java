package dev.confer.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands composed mails to SMTP when {@code spring.mail.host} is set (Spring Boot then provides a
 * {@link JavaMailSender}); otherwise keeps them for the organizer at {@code /dev/mail}.
 *
 * <p>One mail at a time per instance, over one kept-open SMTP connection, and the caller records it as
 * sent before the next one may start: so if the instance dies, at most the one mail on the wire can
 * have been accepted by the server without being recorded, and only it can go out twice (with the same
 * Message-ID, so that receivers can tell).
 */
@Component
class MailDelivery {

    static final String SMTP = "smtp";
    static final String DEV_MAILBOX = "dev-mailbox";
    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** A connection unused for longer is checked with NOOP before use (servers drop idle ones). */
    private static final Duration CHECK_AFTER = Duration.ofSeconds(2);

    private final @Nullable JavaMailSender smtp;
    private final MailSettings settings;
    private final String messageIdDomain;
    private final ReentrantLock wire = new ReentrantLock();
    private @Nullable Transport connection; // guarded by wire
    private long lastUsedNanos;              // guarded by wire

    MailDelivery(ObjectProvider<JavaMailSender> smtp, MailSettings settings) {
        this.smtp = smtp.getIfAvailable();
        this.settings = settings;
        String host = URI.create(settings.publicUrl()).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "confer.local" : host;
    }

    /** {@code smtp} or {@code dev-mailbox}, as stored in {@code delivered_via}. */
    String channel() {
        return smtp == null ? DEV_MAILBOX : SMTP;
    }

    /** The Message-ID of an outbox row's mail: the same on every attempt, so a resend is recognisably the same mail. */
    String messageId(long outboxId) {
        return "<confer-mail-" + outboxId + "@" + messageIdDomain + ">";
    }

    /**
     * Sends one mail and, once the server has accepted it, runs {@code recordSent} before any other mail
     * may be sent. Returns why the mail could not be sent, or null when it was accepted (or kept).
     */
    @Nullable String send(ComposedMail mail, Runnable recordSent) {
        wire.lock();
        try {
            if (smtp != null) {
                String failure = transmit(smtp, mail);
                if (failure != null) {
                    return failure;
                }
            }
            recordSent.run();
            return null;
        } finally {
            wire.unlock();
        }
    }

    /** Closes the SMTP connection when no mail used it for {@code idle}; never waits for a mail in progress. */
    void closeIfIdle(Duration idle) {
        if (!wire.tryLock()) {
            return;
        }
        try {
            if (connection != null && System.nanoTime() - lastUsedNanos > idle.toNanos()) {
                disconnect();
            }
        } finally {
            wire.unlock();
        }
    }

    private @Nullable String transmit(JavaMailSender sender, ComposedMail mail) {
        MimeMessage message;
        try {
            message = toMime(sender, mail);
        } catch (MessagingException | RuntimeException e) {
            return "Could not build the message: " + e.getMessage();
        }
        try {
            if (sender instanceof JavaMailSenderImpl impl) {
                Transport transport = connected(impl);
                transport.sendMessage(message, message.getAllRecipients());
                lastUsedNanos = System.nanoTime();
            } else {
                sender.send(message); // another JavaMailSender: one connection per mail
            }
            return null;
        } catch (MessagingException | RuntimeException e) {
            disconnect(); // the conversation is in an unknown state; the next mail starts a fresh one
            return describe(e);
        }
    }

    private Transport connected(JavaMailSenderImpl impl) throws MessagingException {
        if (connection != null && System.nanoTime() - lastUsedNanos > CHECK_AFTER.toNanos() && !connection.isConnected()) {
            disconnect();
        }
        if (connection == null) {
            Transport transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            String username = impl.getUsername();
            String password = impl.getPassword();
            if ("".equals(username)) { // as JavaMailSenderImpl: an empty user means no authentication
                username = null;
                if ("".equals(password)) {
                    password = null;
                }
            }
            transport.connect(impl.getHost(), impl.getPort(), username, password);
            connection = transport;
        }
        return connection;
    }

    private void disconnect() {
        Transport transport = connection;
        connection = null;
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("Closing the SMTP connection failed", e);
            }
        }
    }

    private MimeMessage toMime(JavaMailSender sender, ComposedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.qrPng().length > 0) { // staff mails (ops alerts) carry no ticket
            helper.addInline(ComposedMail.QR_CONTENT_ID, new ByteArrayResource(mail.qrPng()), "image/png");
        }
        if (mail.calendar() != null) {
            helper.addAttachment(ComposedMail.CALENDAR_FILE, new ByteArrayResource(mail.calendar().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=PUBLISH");
        }
        message.setSentDate(new Date());
        message.saveChanges(); // would replace the Message-ID, so it is set after
        message.setHeader("Message-ID", messageId(mail.outboxId()));
        return message;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
