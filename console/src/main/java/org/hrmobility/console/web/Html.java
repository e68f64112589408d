package org.hrmobility.console.web;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Small helpers for the templates: safe local links, {@code ${@html.consoleLink(item.link)}}. */
@Component("html")
public class Html {

    /** A link from the API (a notification's, a worklist item's) only when it is a path of this console. */
    public String consoleLink(Object link) {
        if (link == null) {
            return null;
        }
        String text = link.toString();
        int path = text.indexOf("/console/");
        if (path < 0) {
            return null;
        }
        String local = text.substring(path);
        return local.startsWith("/console/") && !local.startsWith("/console//") ? local : null;
    }

    public String escape(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
    }

    public Object get(Map<?, ?> map, String key) {
        return map == null ? null : map.get(key);
    }
}
