package org.geowall.engine.selenium;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;
import java.util.Set;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;

/**
 * Rejects the browser's own service requests (component updates, sign-in, field trials) in
 * BrowserMob Proxy with HTTP 403, so they never reach the vantage's proxy or the HAR. Chromium
 * sends some of them even with {@code --disable-background-networking}.
 *
 * <p>NOTE: a page that loads one of these hosts itself, such as a Google sign-in button, gets the
 * same 403; the list holds only hosts that serve the browser rather than pages.
 */
final class BrowserServiceFilter extends HttpFiltersSourceAdapter {

    static final Set<String> SERVICE_HOSTS = Set.of(
            "update.googleapis.com", "clients1.google.com", "clients2.google.com", "clients4.google.com",
            "clientservices.googleapis.com", "optimizationguide-pa.googleapis.com",
            "content-autofill.googleapis.com", "safebrowsingohttpgateway.googleapis.com",
            "safebrowsing.googleapis.com", "android.clients.google.com", "redirector.gvt1.com",
            "edgedl.me.gvt1.com", "accounts.google.com", "www.googleapis.com");

    @Override
    public HttpFilters filterRequest(HttpRequest originalRequest) {
        if (!isServiceRequest(originalRequest)) {
            return HttpFiltersAdapter.NOOP_FILTER;
        }
        return new HttpFiltersAdapter(originalRequest) {
            @Override
            public HttpResponse clientToProxyRequest(HttpObject httpObject) {
                DefaultFullHttpResponse refused = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.FORBIDDEN);
                HttpHeaders.setContentLength(refused, 0);
                return refused;
            }
        };
    }

    static boolean isServiceRequest(HttpRequest request) {
        String host = HttpHeaders.getHost(request, request.getUri());
        return isServiceHost(host);
    }

    /** Returns true for a service host, given as {@code host}, {@code host:port} or a URL. */
    static boolean isServiceHost(String hostOrUrl) {
        String host = hostOrUrl.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        int end = host.length();
        for (char separator : new char[] {'/', ':'}) {
            int index = host.indexOf(separator);
            if (index >= 0 && index < end) {
                end = index;
            }
        }
        return SERVICE_HOSTS.contains(host.substring(0, end));
    }
}
