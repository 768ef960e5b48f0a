package org.geowall.lab;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The documents of the lab's {@link SupportHost}s: assets, the data and geolocation APIs, and denial pages. */
final class SupportPages {

    private static final Logger log = LoggerFactory.getLogger(SupportPages.class);

    static final String JSON = "application/json; charset=utf-8";

    /** A country code as the GeoIP table stores it, or the lab's {@code ??} for an unknown address. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}|\\?\\?");

    private SupportPages() {
    }

    static SitePages.Document route(SupportHost host, SiteRouter.Request request) {
        return switch (host) {
            case IMAGES, STATIC, STATIC_HOME_ONLY -> AssetPages.route(request.path());
            case DATA_API_HOME_ONLY -> dataApi(request);
            case GEOLOCATION -> geolocation(request);
            case DENIAL -> denialPage(request.path());
        };
    }

    private static SitePages.Document dataApi(SiteRouter.Request request) {
        if (request.scenario() == Scenario.HTTP_403_DENIAL) {
            return api(403, """
                    {"code":403,"message":"Forbidden: this service is not available in your region","data":[]}
                    """);
        }
        if (!request.path().equals("/v1/news.json")) {
            return api(404, "{\"code\":404,\"message\":\"Not Found\",\"data\":[]}\n");
        }
        return api(200, """
                {"code":0,"message":"ok","data":[
                {"title":"关于进一步优化政务服务的通知","date":"2026-11-02"},
                {"title":"政府信息公开年度报告","date":"2026-10-18"},
                {"title":"政策解读：营商环境改革","date":"2026-09-30"},
                {"title":"重大项目建设进展情况","date":"2026-09-12"}
                ]}
                """);
    }

    private static SitePages.Document geolocation(SiteRouter.Request request) {
        if (!request.path().equals("/v1/country")) {
            return api(404, "{\"code\":404,\"message\":\"Not Found\"}\n");
        }
        String country = request.clientCountry();
        if (!COUNTRY_CODE.matcher(country).matches()) {
            // The code goes into JSON unescaped, so anything but two capitals is reported as unknown.
            log.warn("GeoIP country '{}' is not a two-letter code in capitals; returning ?? instead. "
                    + "Fix the lab's country list.", country);
            country = "??";
        }
        return api(200, "{\"country\":\"" + country + "\"}\n");
    }

    private static SitePages.Document denialPage(String path) {
        return switch (path) {
            case "/denied.html" -> DenialPages.denied();
            case "/region-unavailable.html" -> DenialPages.regionUnavailable();
            default -> SitePages.notFound();
        };
    }

    /** Returns a JSON response that pages of any lab site may read, as public APIs allow with CORS. */
    private static SitePages.Document api(int status, String json) {
        return SitePages.Document.of(status, JSON, json).withHeader("Access-Control-Allow-Origin", "*");
    }
}
