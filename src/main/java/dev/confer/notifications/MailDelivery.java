package dev.confer.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands composed mails to SMTP when {@code spring.mail.host} is set (Spring Boot then provides a
 * {@link JavaMailSender}); otherwise keeps them for the organizer at {@code /dev/mail}.
 */
@Component
class MailDelivery {

    static final String SMTP = "smtp";
    static final String DEV_MAILBOX = "dev-mailbox";

    private final @Nullable JavaMailSender smtp;
    private final MailSettings settings;
    private final String messageIdDomain;

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

    /**
     * Sends the mails over one SMTP connection; returns why each one that failed did, by outbox id.
     * Mails not in the answer were accepted by the server.
     */
    Map<Long, String> send(List<ComposedMail> mails) {
        Map<Long, String> failures = new HashMap<>();
        if (smtp == null || mails.isEmpty()) {
            return failures;
        }
        Map<MimeMessage, ComposedMail> byMessage = new IdentityHashMap<>();
        for (ComposedMail mail : mails) {
            try {
                byMessage.put(toMime(smtp, mail), mail);
            } catch (MessagingException | RuntimeException e) {
                failures.put(mail.outboxId(), "Could not build the message: " + e.getMessage());
            }
        }
        if (byMessage.isEmpty()) {
            return failures;
        }
        try {
            smtp.send(byMessage.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            // Lists exactly the messages that failed; with none listed only closing the connection
            // failed, after every message had been accepted, so none of them may be sent again.
            e.getFailedMessages().forEach((message, cause) -> {
                ComposedMail mail = byMessage.get(message);
                if (mail != null) {
                    failures.put(mail.outboxId(), describe(cause));
                }
            });
        } catch (MailException e) {
            byMessage.values().forEach(mail -> failures.put(mail.outboxId(), describe(e)));
        }
        return failures;
    }

    private MimeMessage toMime(JavaMailSender sender, ComposedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        helper.addInline(ComposedMail.QR_CONTENT_ID, new ByteArrayResource(mail.qrPng()), "image/png");
        // stable per outbox row: should a crash make us send a mail again, receivers can tell it is the same one
        message.setHeader("Message-ID", "<confer-mail-" + mail.outboxId() + "@" + messageIdDomain + ">");
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
