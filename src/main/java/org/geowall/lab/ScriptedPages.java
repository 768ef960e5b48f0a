package org.geowall.lab;

/**
 * Main documents whose content depends on another lab host: a stylesheet and content script
 * from a static host, a news list from a data API, or a country check against a geolocation
 * API. Every client gets the same HTML; what foreign clients miss is decided by the support host.
 */
final class ScriptedPages {

    /** The text the data API page shows when its fetch fails. */
    static final String DATA_ERROR = "数据加载失败，请稍后重试";

    private ScriptedPages() {
    }

    /** A page whose news list is filled by a script from {@link SupportHost#STATIC_HOME_ONLY}. */
    static SitePages.Document staticHostIndex(LabSite site) {
        String head = """
                <link rel="stylesheet" href="%s">
                <script src="%s" defer></script>
                """.formatted(SupportHost.STATIC_HOME_ONLY.schemeRelative("/css/portal.css"),
                SupportHost.STATIC_HOME_ONLY.schemeRelative("/js/portal.js"));
        return page(site, head, "<ul id=\"news\"></ul>\n<p id=\"status\">正在加载……</p>");
    }

    /** A page whose news list comes from {@link SupportHost#DATA_API_HOME_ONLY}, fetched by {@link #newsScript()}. */
    static SitePages.Document dataApiIndex(LabSite site) {
        return page(site, "<script src=\"/static/news.js\" defer></script>\n",
                "<ul id=\"news\"></ul>\n<p id=\"status\">正在加载……</p>");
    }

    static SitePages.Document newsScript() {
        return SitePages.Document.of(200, SitePages.JAVASCRIPT, """
                (function () {
                  var list = document.getElementById('news');
                  var status = document.getElementById('status');
                  fetch('%s')
                    .then(function (response) {
                      if (!response.ok) {
                        throw new Error('HTTP ' + response.status);
                      }
                      return response.json();
                    })
                    .then(function (body) {
                      body.data.forEach(function (item) {
                        var entry = document.createElement('li');
                        entry.textContent = item.title;
                        list.appendChild(entry);
                      });
                      status.textContent = '共 ' + body.data.length + ' 条';
                    })
                    .catch(function (error) {
                      status.textContent = '%s（' + error.message + '）';
                      status.className = 'error';
                    });
                })();
                """.formatted(SupportHost.DATA_API_HOME_ONLY.schemeRelative("/v1/news.json"), DATA_ERROR));
    }

    /**
     * A page that queries {@link SupportHost#GEOLOCATION} for the visitor's country, and redirects
     * visitors from outside the site's home country to the region denial page by script.
     */
    static SitePages.Document geoCheckIndex(LabSite site) {
        String head = """
                <script>
                fetch('%s')
                  .then(function (response) { return response.json(); })
                  .then(function (geo) {
                    if (geo.country !== '%s') {
                      location.replace('%s');
                    }
                  });
                </script>
                """.formatted(SupportHost.GEOLOCATION.schemeRelative("/v1/country"), site.homeCountry(),
                SupportHost.DENIAL.schemeRelative("/region-unavailable.html"));
        return page(site, head, """
                <ul id="news">
                <li>关于进一步优化政务服务的通知</li>
                <li>政府信息公开年度报告</li>
                </ul>
                <p id="status">页面加载完成</p>""");
    }

    private static SitePages.Document page(LabSite site, String head, String main) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                %s</head>
                <body>
                <header><h1>%s</h1><p>%s 门户网站</p></header>
                <main>
                <h2>政务公开</h2>
                %s
                </main>
                <footer>版权所有 %s</footer>
                </body>
                </html>
                """.formatted(site.name(), head, site.name(), site.host(), main, site.host());
        return SitePages.Document.of(200, SitePages.HTML, html);
    }
}
