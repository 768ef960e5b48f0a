package org.geowall.lab;

import java.net.URI;

/**
 * Chooses the document a lab site serves for one request, from the site, the scenario it plays
 * for this client, and the request path. Connection-level scenarios (resets, drops, TLS aborts)
 * never reach the router: {@link SiteServer} plays them at accept time.
 */
final class SiteRouter {

    /** One request to route. {@code secure} is true over TLS, and the client country comes from GeoIP. */
    record Request(LabSite site, Scenario scenario, String path, boolean secure, String clientCountry) {
    }

    private SiteRouter() {
    }

    static SitePages.Document route(Request request) {
        var support = SupportHost.of(request.site().host());
        if (support.isPresent()) {
            return SupportPages.route(support.get(), request);
        }

        return switch (request.scenario()) {
            case HTTP_403_DENIAL -> SitePages.denial(request.site());
            case GBK_DENIAL -> DenialPages.gbkDenial(request.site());
            case DOWN_EVERYWHERE -> DenialPages.serviceUnavailable();
            case HTTP_REDIRECT_DENIAL -> DenialPages.redirectToDenial(request.secure());
            case CAPTCHA_WALL -> WafPages.sliderChallenge();
            default -> portal(request.site(), request.scenario(), request.path());
        };
    }

    private static SitePages.Document portal(LabSite site, Scenario scenario, String path) {
        if (isIndex(path)) {
            return index(site, scenario);
        }
        if (path.startsWith("/images/") && path.endsWith(".svg")) {
            return AssetPages.image();
        }
        return switch (path) {
            case "/static/site.css" -> SitePages.stylesheet();
            case "/static/app.js" -> SitePages.script();
            case "/static/news.js" -> ScriptedPages.newsScript();
            default -> SitePages.notFound();
        };
    }

    private static SitePages.Document index(LabSite site, Scenario scenario) {
        return switch (scenario) {
            case HEAVY_PAGE -> HeavyPage.index(site);
            case STATIC_HOST_BLOCKED -> ScriptedPages.staticHostIndex(site);
            case DATA_API_BLOCKED -> ScriptedPages.dataApiIndex(site);
            case SCRIPTED_GEO_REDIRECT -> ScriptedPages.geoCheckIndex(site);
            default -> SitePages.index(site);
        };
    }

    /** Returns whether a path requests a site's main document. */
    static boolean isIndex(String path) {
        return path.isEmpty() || path.equals("/") || path.equals("/index.html");
    }

    /** Returns the path of a request target in origin or absolute form, without its query. */
    static String path(String target) {
        String path = target.startsWith("http") ? URI.create(target).getRawPath() : target;
        if (path == null) {
            return "";
        }
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }
}
