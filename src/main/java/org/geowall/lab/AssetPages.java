package org.geowall.lab;

/**
 * Stylesheets, scripts and images of the lab's asset hosts and of {@link Scenario#HEAVY_PAGE}
 * sites. Every file of a kind has the same small content, so a page can ask for as many as it
 * wants without the lab storing them.
 */
final class AssetPages {

    static final String SVG = "image/svg+xml";

    private AssetPages() {
    }

    static SitePages.Document route(String path) {
        if (path.equals("/js/portal.js")) {
            return portalScript();
        }
        if (path.startsWith("/css/") && path.endsWith(".css")) {
            return stylesheet();
        }
        if (path.startsWith("/js/") && path.endsWith(".js")) {
            return moduleScript();
        }
        if (path.startsWith("/img/") && path.endsWith(".svg")) {
            return image();
        }
        return SitePages.notFound();
    }

    static SitePages.Document image() {
        return SitePages.Document.of(200, SVG, """
                <svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 120 80">\
                <rect width="120" height="80" fill="#c62828"/>\
                <circle cx="60" cy="40" r="24" fill="#ffd54f"/></svg>
                """);
    }

    private static SitePages.Document stylesheet() {
        return SitePages.Document.of(200, SitePages.CSS,
                ".gallery img{width:120px;height:80px;margin:4px}.panel{border:1px solid #ddd;padding:.5em}\n");
    }

    /** Counts the modules that ran in {@code window.geowallModules}, so a test can tell they all loaded. */
    private static SitePages.Document moduleScript() {
        return SitePages.Document.of(200, SitePages.JAVASCRIPT,
                "window.geowallModules = (window.geowallModules || 0) + 1;\n");
    }

    /** Fills the news list of a {@link Scenario#STATIC_HOST_BLOCKED} page, which is empty without it. */
    private static SitePages.Document portalScript() {
        return SitePages.Document.of(200, SitePages.JAVASCRIPT, """
                (function () {
                  var titles = ['关于进一步优化政务服务的通知', '政府信息公开年度报告', '政策解读：营商环境改革'];
                  var list = document.getElementById('news');
                  titles.forEach(function (title) {
                    var entry = document.createElement('li');
                    entry.textContent = title;
                    list.appendChild(entry);
                  });
                  document.getElementById('status').textContent = '页面加载完成';
                })();
                """);
    }
}
