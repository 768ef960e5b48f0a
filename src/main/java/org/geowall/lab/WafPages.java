package org.geowall.lab;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The challenge page of {@link Scenario#CAPTCHA_WALL}, in the style of the web application
 * firewalls of Chinese clouds: status 200, a server cookie ({@code acw_tc}), and a script that
 * computes a challenge cookie ({@code acw_sc__v2}) from a token in the page and reloads once.
 * After the reload the page shows a slider CAPTCHA that a measurement browser never solves, and
 * the lab serves the wall to foreign clients whatever cookies they send.
 */
final class WafPages {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WafPages() {
    }

    static SitePages.Document sliderChallenge() {
        String token = randomHex(20);
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>滑动验证</title>
                <style>
                body{font-family:sans-serif;background:#f5f5f5;text-align:center;padding-top:8em}
                .nc-container{display:none;width:320px;margin:0 auto}
                .nc-track{position:relative;height:34px;background:#e8e8e8;line-height:34px;color:#666}
                .nc-handle{position:absolute;left:0;top:0;width:40px;height:34px;background:#fff;border:1px solid #ccc}
                </style>
                </head>
                <body>
                <div id="waf-challenge" data-waf="slider">
                <h1>请完成安全验证</h1>
                <p id="checking">正在进行安全检测，请稍候……</p>
                <div id="nc_1_wrapper" class="nc-container">
                <h2>滑动验证</h2>
                <div id="nc_1__scale_text" class="nc-track">
                <span id="nc_1_n1z" class="nc-handle">&gt;&gt;</span>请按住滑块，拖动到最右边
                </div>
                </div>
                </div>
                <script>
                (function () {
                  var arg1 = '%s';
                  // The lab's stand-in for a vendor's obfuscated cookie computation: XOR with a fixed key.
                  var key = '5f3a9c6d2e8b1f4a7c0d5e6f8a9b2c3d4e5f6a7b';
                  var value = '';
                  for (var i = 0; i < arg1.length; i += 2) {
                    var b = (parseInt(arg1.substr(i, 2), 16) ^ parseInt(key.substr(i, 2), 16)).toString(16);
                    value += b.length === 1 ? '0' + b : b;
                  }
                  if (document.cookie.indexOf('acw_sc__v2=') < 0) {
                    document.cookie = 'acw_sc__v2=' + value + '; path=/; max-age=3600';
                    setTimeout(function () { location.reload(); }, 300);
                    return;
                  }
                  document.getElementById('checking').style.display = 'none';
                  document.getElementById('nc_1_wrapper').style.display = 'block';
                })();
                </script>
                </body>
                </html>
                """.formatted(token);
        return SitePages.Document.of(200, SitePages.HTML, html)
                .withHeader("Set-Cookie", "acw_tc=" + randomHex(16) + "; Path=/; HttpOnly; Max-Age=1800");
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
