package org.hrmobility.console.notifications;

import java.util.Locale;
import java.util.Map;

import org.hrmobility.console.web.Fmt;
import org.hrmobility.console.web.Html;
import org.springframework.context.MessageSource;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * One notification as an inbox item, the same HTML for the page and for the live stream (htmx puts the streamed item at
 * the top of the list): what happened, what is expected and by when, the link to what it is about, and a button to mark
 * it read. Every value is escaped; a link is kept only when it is a console path.
 */
@Component("notificationHtml")
public class NotificationHtml {

    private final MessageSource messages;
    private final Fmt fmt;
    private final Html html;

    NotificationHtml(MessageSource messages, Fmt fmt, Html html) {
        this.messages = messages;
        this.fmt = fmt;
        this.html = html;
    }

    public String item(Map<String, Object> n, Locale locale, CsrfToken csrf) {
        String id = escape(n.get("id"));
        boolean read = Boolean.TRUE.equals(n.get("read"));
        String link = html.consoleLink(n.get("link"));
        String title = escape(n.get("title"));
        StringBuilder out = new StringBuilder();
        out.append("<li id=\"n-").append(id).append("\" class=\"").append(read ? "read" : "unread").append("\">");
        out.append("<h3 class=\"notification-title\">");
        out.append(link == null ? title : "<a href=\"" + escape(link) + "\">" + title + "</a>");
        out.append(read ? "" : " <span class=\"tag\">" + escape(message("inbox.new", locale)) + "</span>");
        out.append("</h3>");
        if (n.get("expected") != null) {
            out.append("<p>").append(escape(n.get("expected")));
            if (n.get("dueOn") != null) {
                out.append(" <strong>").append(escape(message("inbox.due", locale))).append(" <time datetime=\"")
                        .append(escape(fmt.isoDay(n.get("dueOn")))).append("\">").append(escape(fmt.date(n.get("dueOn"), locale)))
                        .append("</time></strong>");
            }
            out.append("</p>");
        }
        out.append("<p class=\"meta\"><time datetime=\"").append(escape(n.get("createdAt"))).append("\">")
                .append(escape(fmt.dateTime(n.get("createdAt"), locale))).append("</time>");
        if (n.get("aboutEmployee") != null) {
            out.append(" · ").append(escape(message("inbox.about", locale))).append(' ').append(escape(n.get("aboutEmployee")));
        }
        out.append("</p>");
        if (!read && csrf != null) {
            out.append("<form method=\"post\" action=\"/console/notifications/").append(id).append("/read\" hx-post=\"/console/notifications/")
                    .append(id).append("/read\" hx-target=\"#n-").append(id).append("\" hx-swap=\"outerHTML\">")
                    .append("<input type=\"hidden\" name=\"").append(escape(csrf.getParameterName())).append("\" value=\"")
                    .append(escape(csrf.getToken())).append("\">")
                    .append("<button type=\"submit\" class=\"secondary\" aria-label=\"").append(escape(message("inbox.markRead.label", locale)))
                    .append(": ").append(title).append("\">").append(escape(message("inbox.markRead", locale))).append("</button></form>");
        }
        out.append("</li>");
        return out.toString();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String escape(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
    }
}
