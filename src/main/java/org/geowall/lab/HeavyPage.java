package org.geowall.lab;

/**
 * The main document of a {@link Scenario#HEAVY_PAGE} site: a portal with {@link #SUBRESOURCES}
 * images, stylesheets and scripts from three hosts, the site's own and two lab asset hosts.
 */
final class HeavyPage {

    static final int OWN_IMAGES = 8;
    static final int STATIC_STYLESHEETS = 5;
    static final int STATIC_SCRIPTS = 5;
    static final int REMOTE_IMAGES = 12;

    /** The site's own stylesheet and script, plus the counts above. */
    static final int SUBRESOURCES = 2 + OWN_IMAGES + STATIC_STYLESHEETS + STATIC_SCRIPTS + REMOTE_IMAGES;

    private HeavyPage() {
    }

    static SitePages.Document index(LabSite site) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <link rel="stylesheet" href="/static/site.css">
                %s
                <script src="/static/app.js" defer></script>
                %s
                </head>
                <body>
                <header><h1>%s</h1><p>%s 门户网站</p></header>
                <main>
                <h2>图片新闻</h2>
                <div class="gallery" id="own-gallery">
                %s
                </div>
                <h2>政务服务</h2>
                <div class="gallery" id="remote-gallery">
                %s
                </div>
                <p id="status">loading</p>
                </main>
                <footer>版权所有 %s</footer>
                </body>
                </html>
                """.formatted(site.name(), staticLinks(), staticScripts(), site.name(), site.host(),
                ownImages(), remoteImages(), site.host());
        return SitePages.Document.of(200, SitePages.HTML, html);
    }

    private static String staticLinks() {
        StringBuilder links = new StringBuilder();
        for (int i = 1; i <= STATIC_STYLESHEETS; i++) {
            links.append("<link rel=\"stylesheet\" href=\"")
                    .append(SupportHost.STATIC.schemeRelative("/css/part-" + i + ".css")).append("\">\n");
        }
        return links.toString();
    }

    private static String staticScripts() {
        StringBuilder scripts = new StringBuilder();
        for (int i = 1; i <= STATIC_SCRIPTS; i++) {
            scripts.append("<script src=\"")
                    .append(SupportHost.STATIC.schemeRelative("/js/module-" + i + ".js")).append("\" defer></script>\n");
        }
        return scripts.toString();
    }

    private static String ownImages() {
        StringBuilder images = new StringBuilder();
        for (int i = 1; i <= OWN_IMAGES; i++) {
            images.append("<img src=\"/images/banner-").append(i).append(".svg\" alt=\"图片新闻 ").append(i)
                    .append("\">\n");
        }
        return images.toString();
    }

    private static String remoteImages() {
        StringBuilder images = new StringBuilder();
        for (int i = 1; i <= REMOTE_IMAGES; i++) {
            images.append("<img src=\"").append(SupportHost.IMAGES.schemeRelative("/img/service-" + i + ".svg"))
                    .append("\" alt=\"政务服务 ").append(i).append("\">\n");
        }
        return images.toString();
    }
}
