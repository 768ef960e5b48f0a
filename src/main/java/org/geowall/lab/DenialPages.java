package org.geowall.lab;

import java.nio.charset.Charset;
import java.util.List;

/** Denial and error pages beyond the plain 403 of {@link SitePages#denial}. */
final class DenialPages {

    /** GBK ships with every JDK in the jdk.charsets module. */
    static final Charset GBK = Charset.forName("GBK");

    /** The Content-Type of the GBK page: no charset parameter, so only the meta element names the encoding. */
    static final String HTML_WITHOUT_CHARSET = "text/html";

    static final String DENIED_PATH = "/denied.html";

    private DenialPages() {
    }

    /** A 403 page encoded in GBK, as older Chinese servers send it. */
    static SitePages.Document gbkDenial(LabSite site) {
        String html = """
                <html>
                <head>
                <meta http-equiv="Content-Type" content="text/html; charset=gbk">
                <title>403 禁止访问</title>
                </head>
                <body>
                <h1>访问被拒绝</h1>
                <p>根据相关规定，本网站暂不向境外地区提供服务（%s）。</p>
                <p>如有疑问，请联系网站管理员。</p>
                </body>
                </html>
                """.formatted(site.host());
        return new SitePages.Document(403, HTML_WITHOUT_CHARSET, html.getBytes(GBK), List.of());
    }

    /** A 503 page for everyone, as a site under maintenance or overloaded sends it. */
    static SitePages.Document serviceUnavailable() {
        String html = """
                <!DOCTYPE html>
                <html>
                <head><meta charset="utf-8"><title>503 Service Temporarily Unavailable</title></head>
                <body>
                <center><h1>503 Service Temporarily Unavailable</h1></center>
                <p>网站维护中，请稍后访问。</p>
                <hr><center>nginx</center>
                </body>
                </html>
                """;
        return SitePages.Document.of(503, SitePages.HTML, html).withHeader("Retry-After", "120");
    }

    /** A 302 to the denial page on {@link SupportHost#DENIAL}, with the scheme of the request. */
    static SitePages.Document redirectToDenial(boolean secure) {
        String location = (secure ? "https:" : "http:") + SupportHost.DENIAL.schemeRelative(DENIED_PATH);
        String html = "<!DOCTYPE html><title>302 Found</title><h1>302 Found</h1>"
                + "<p><a href=\"" + location + "\">" + location + "</a></p>";
        return SitePages.Document.of(302, SitePages.HTML, html).withHeader("Location", location);
    }

    /** The 403 page that {@link #redirectToDenial} leads to. */
    static SitePages.Document denied() {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>403 Forbidden - 访问受限</title></head>
                <body>
                <h1>访问受限</h1>
                <p>您所在的地区无法访问该网站。</p>
                <p>Access denied: this website is not available in your region.</p>
                </body>
                </html>
                """;
        return SitePages.Document.of(403, SitePages.HTML, html);
    }

    /** The page that a scripted geo check sends foreign visitors to; it arrives with status 200. */
    static SitePages.Document regionUnavailable() {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>该服务在您所在的地区不可用</title></head>
                <body>
                <h1>该服务在您所在的地区不可用</h1>
                <p>This service is not available in your region.</p>
                </body>
                </html>
                """;
        return SitePages.Document.of(200, SitePages.HTML, html);
    }
}
