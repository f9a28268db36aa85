package dev.confer.notifications;

import dev.confer.shared.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the localized pieces of a mail as plain text and as simple inline-styled HTML (mail
 * clients ignore style sheets). Every piece is escaped: names and event titles come from people.
 */
final class MailLayout {

    /** What a mail says, already in the attendee's language. */
    record Content(Language lang, String subject, String greeting, String status, String whenLabel, List<String> days,
                   String ticketIntro, String ticketCode, String ticket, String myTicketIntro, String myTicketLabel,
                   String myTicketUrl, String cancelHint, String signature, List<String> details, @Nullable Where where) {

        Content(Language lang, String subject, String greeting, String status, String whenLabel, List<String> days,
                String ticketIntro, String ticketCode, String ticket, String myTicketIntro, String myTicketLabel,
                String myTicketUrl, String cancelHint, String signature, List<String> details) {
            this(lang, subject, greeting, status, whenLabel, days, ticketIntro, ticketCode, ticket, myTicketIntro,
                    myTicketLabel, myTicketUrl, cancelHint, signature, details, null);
        }

        /** A mail without detail lines (the registration mails). */
        Content(Language lang, String subject, String greeting, String status, String whenLabel, List<String> days,
                String ticketIntro, String ticketCode, String ticket, String myTicketIntro, String myTicketLabel,
                String myTicketUrl, String cancelHint, String signature) {
            this(lang, subject, greeting, status, whenLabel, days, ticketIntro, ticketCode, ticket, myTicketIntro,
                    myTicketLabel, myTicketUrl, cancelHint, signature, List.of());
        }
    }

    /** Where the event is: the venue's name, its address, a link to it on a map, and what the calendar file is. */
    record Where(String label, String venue, @Nullable String address, @Nullable String mapLabel, @Nullable String mapUrl,
                 @Nullable String calendarNote) {
    }

    private MailLayout() {
    }

    static String text(Content c) {
        List<String> lines = new ArrayList<>();
        lines.add(c.greeting());
        lines.add("");
        lines.add(c.status());
        lines.add("");
        if (!c.details().isEmpty()) {
            lines.addAll(c.details());
            lines.add("");
        }
        lines.add(c.whenLabel());
        c.days().forEach(day -> lines.add("  " + day));
        lines.add("");
        Where where = c.where();
        if (where != null) {
            lines.add(where.label());
            lines.add("  " + where.venue());
            if (where.address() != null) {
                lines.add("  " + where.address());
            }
            if (where.mapUrl() != null) {
                lines.add("  " + where.mapLabel() + ": " + where.mapUrl());
            }
            if (where.calendarNote() != null) {
                lines.add(where.calendarNote());
            }
            lines.add("");
        }
        lines.add(c.ticketIntro());
        lines.add(c.ticketCode());
        lines.add(c.ticket());
        lines.add("");
        lines.add(c.myTicketIntro());
        lines.add(c.myTicketUrl());
        lines.add("");
        lines.add(c.cancelHint());
        lines.add("");
        lines.add(c.signature());
        return String.join("\n", lines) + "\n";
    }

    static String html(Content c) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(c.lang().code()).append("\"><head><meta charset=\"UTF-8\">")
                .append("<title>").append(e(c.subject())).append("</title></head>\n")
                .append("<body style=\"font-family:-apple-system,'Segoe UI','Apple SD Gothic Neo','Malgun Gothic',sans-serif;")
                .append("color:#1a1a1a;line-height:1.5;max-width:560px;margin:0 auto;padding:24px\">\n")
                .append("<p>").append(e(c.greeting())).append("</p>\n")
                .append("<p style=\"font-size:18px\"><strong>").append(e(c.status())).append("</strong></p>\n")
                .append(detailsHtml(c))
                .append("<p><strong>").append(e(c.whenLabel())).append("</strong><br>");
        for (int i = 0; i < c.days().size(); i++) {
            html.append(i == 0 ? "" : "<br>").append(e(c.days().get(i)));
        }
        html.append("</p>\n").append(whereHtml(c)).append("<p>").append(e(c.ticketIntro())).append("</p>\n")
                .append("<p style=\"text-align:center\"><img src=\"cid:").append(ComposedMail.QR_CONTENT_ID)
                .append("\" alt=\"QR\" width=\"240\" height=\"240\" style=\"image-rendering:pixelated\"></p>\n")
                .append("<p style=\"font-size:12px;color:#555\">").append(e(c.ticketCode())).append("<br>")
                .append("<code style=\"word-break:break-all\">").append(e(c.ticket())).append("</code></p>\n")
                .append("<p>").append(e(c.myTicketIntro())).append("</p>\n")
                .append("<p><a href=\"").append(e(c.myTicketUrl())).append("\" style=\"display:inline-block;padding:10px 18px;")
                .append("background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px\">")
                .append(e(c.myTicketLabel())).append("</a></p>\n")
                .append("<p style=\"font-size:13px;color:#555\">").append(e(c.cancelHint())).append("</p>\n")
                .append("<p>").append(e(c.signature())).append("</p>\n")
                .append("</body></html>\n");
        return html.toString();
    }

    private static String whereHtml(Content c) {
        Where where = c.where();
        if (where == null) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p><strong>").append(e(where.label())).append("</strong><br>")
                .append(e(where.venue()));
        if (where.address() != null) {
            html.append("<br>").append(e(where.address()));
        }
        if (where.mapUrl() != null) {
            html.append("<br><a href=\"").append(e(where.mapUrl())).append("\">").append(e(String.valueOf(where.mapLabel())))
                    .append("</a>");
        }
        html.append("</p>\n");
        if (where.calendarNote() != null) {
            html.append("<p style=\"font-size:13px;color:#555\">").append(e(where.calendarNote())).append("</p>\n");
        }
        return html.toString();
    }

    /** Reminder details (doors, keynote, room, floor, directions, seats), one line each. */
    private static String detailsHtml(Content c) {
        if (c.details().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p>");
        for (int i = 0; i < c.details().size(); i++) {
            html.append(i == 0 ? "" : "<br>").append(e(c.details().get(i)));
        }
        return html.append("</p>\n").toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
