package org.geowall.lab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The documents that lab sites serve. Site names are the lab's own, so no escaping is needed. */
final class SitePages {

    static final String HTML = "text/html; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";

    private SitePages() {
    }

    /** A response: status, content type, body, and header lines beyond the ones every lab response has. */
    record Document(int status, String contentType, byte[] body, List<String> extraHeaders) {
        Document {
            extraHeaders = List.copyOf(extraHeaders);
        }

        static Document of(int status, String contentType, String text) {
            return new Document(status, contentType, text.getBytes(StandardCharsets.UTF_8), List.of());
        }

        /** Returns a copy with one more header line; the value must be the lab's own, never client input. */
        Document withHeader(String name, String value) {
            List<String> headers = new ArrayList<>(extraHeaders);
            headers.add(name + ": " + value);
            return new Document(status, contentType, body, headers);
        }
    }

    static Document index(LabSite site) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <link rel="stylesheet" href="/static/site.css">
                <script src="/static/app.js" defer></script>
                </head>
                <body>
                <header><h1>%s</h1><p>%s 门户网站</p></header>
                <main>
                <h2>政务公开</h2>
                <ul id="news">
                <li>关于进一步优化政务服务的通知</li>
                <li>政府信息公开年度报告</li>
                <li>政策解读：营商环境改革</li>
                </ul>
                <p id="status">loading</p>
                </main>
                <footer>版权所有 %s</footer>
                </body>
                </html>
                """.formatted(site.name(), site.name(), site.host(), site.host());
        return Document.of(200, HTML, html);
    }

    static Document stylesheet() {
        return Document.of(200, CSS, "body{font-family:sans-serif;margin:2em;background:#f4f6fa}"
                + "header{background:#b71c1c;color:#fff;padding:1em}main{padding:1em}");
    }

    static Document script() {
        return Document.of(200, JAVASCRIPT,
                "document.getElementById('status').textContent='页面加载完成 (page ready)';");
    }

    static Document denial(LabSite site) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>403 Forbidden - 访问被拒绝</title></head>
                <body>
                <h1>访问被拒绝</h1>
                <p>对不起，您所在的地区暂时无法访问本网站（%s）。</p>
                <p>Sorry, this website is not available in your region.</p>
                </body>
                </html>
                """.formatted(site.host());
        return Document.of(403, HTML, html);
    }

    static Document notFound() {
        return Document.of(404, HTML, "<!DOCTYPE html><title>404 Not Found</title><h1>404 Not Found</h1>");
    }
}
