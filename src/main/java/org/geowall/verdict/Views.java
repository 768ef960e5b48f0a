package org.geowall.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geowall.probe.ProbeResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Builds the {@link ResponseView}s that signatures match, from browser and probe evidence. */
final class Views {

    private Views() {
    }

    static ResponseView ofBrowser(LoadEvidence load) {
        String dom = load.dom() == null ? "" : load.dom();
        List<String> cookies = new ArrayList<>(load.cookieNames() == null ? List.of() : load.cookieNames());
        cookies.addAll(setCookieNames(load.mainHeaders()));
        return new ResponseView(load.mainStatus(), load.mainHeaders(), load.title(), dom, scripts(dom), cookies);
    }

    static ResponseView ofProbe(ProbeResult probe, String body) {
        String text = body == null ? "" : body;
        return new ResponseView(probe.status(), probe.headers(), probe.title(), text, scripts(text),
                setCookieNames(probe.headers()));
    }

    private static List<String> scripts(String html) {
        if (html.isEmpty()) {
            return List.of();
        }
        Document document = Jsoup.parse(html);
        return document.select("script[src]").stream().map(element -> element.attr("src")).toList();
    }

    /** Returns the cookie names of a Set-Cookie header, whose values were joined with ", " or newlines. */
    private static List<String> setCookieNames(Map<String, String> headers) {
        if (headers == null || headers.get("set-cookie") == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String cookie : headers.get("set-cookie").split("\\n|, (?=[^;=]+=)")) {
            int equals = cookie.indexOf('=');
            if (equals > 0) {
                names.add(cookie.substring(0, equals).trim());
            }
        }
        return names;
    }

    /**
     * Names the phase in which the probe saw the load stuck: {@code connect} when the proxy never
     * answered CONNECT, {@code tls} when the handshake timed out, {@code first_byte} when the
     * request got no answer; null when the probe did not time out.
     */
    static String probePhase(ProbeResult probe) {
        if (probe == null || !"timeout".equals(probe.error())) {
            return null;
        }
        if (probe.connectStatus() == null && probe.status() == null) {
            return "connect";
        }
        return probe.connectStatus() != null && probe.tls() == null ? "tls" : "first_byte";
    }
}
