package org.geowall.engine.selenium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.geowall.capture.PageLoad;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.HasCdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures what the page shows at the end of a load: final URL, title, visible text length, the
 * DOM, and a screenshot of the full page through the DevTools protocol (of the viewport where
 * the session offers no DevTools).
 */
final class PageCapture {

    private static final Logger log = LoggerFactory.getLogger(PageCapture.class);
    private static final String TEXT_LENGTH = "return document.body ? document.body.innerText.length : 0;";

    private PageCapture() {
    }

    static void capture(WebDriver driver, Path directory, PageLoad evidence) {
        try {
            evidence.setFinalUrl(driver.getCurrentUrl());
            evidence.setTitle(driver.getTitle());
            Object length = ((JavascriptExecutor) driver).executeScript(TEXT_LENGTH);
            evidence.setVisibleTextLength(length instanceof Number number ? number.intValue() : null);
            Path dom = directory.resolve("dom.html");
            Files.writeString(dom, driver.getPageSource(), StandardCharsets.UTF_8);
            evidence.addFile(PageLoad.DOM, dom);
        } catch (WebDriverException | IOException e) {
            log.warn("Could not capture the DOM of {}: {}", evidence.url(), firstLine(e.getMessage()));
        }
        try {
            Path screenshot = directory.resolve("screenshot.png");
            Files.write(screenshot, screenshot(driver, evidence));
            evidence.addFile(PageLoad.SCREENSHOT, screenshot);
        } catch (WebDriverException | IOException e) {
            log.warn("Could not take a screenshot of {}: {}", evidence.url(), firstLine(e.getMessage()));
        }
    }

    private static byte[] screenshot(WebDriver driver, PageLoad evidence) {
        if (driver instanceof HasCdp devtools) {
            try {
                return fullPage(devtools);
            } catch (WebDriverException | ClassCastException | NullPointerException e) {
                log.info("Full-page screenshot of {} failed, taking the viewport: {}", evidence.url(),
                        firstLine(e.getMessage()));
            }
        }
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }

    /**
     * Captures the whole page, at least the viewport, as Playwright's full-page screenshot does:
     * Chromium renders beyond the viewport when asked for the content size.
     */
    private static byte[] fullPage(HasCdp devtools) {
        Map<String, Object> metrics = devtools.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        Map<?, ?> viewport = (Map<?, ?>) metrics.get("cssLayoutViewport");
        double width = Math.max(number(content, "width"), number(viewport, "clientWidth"));
        double height = Math.max(number(content, "height"), number(viewport, "clientHeight"));
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = devtools.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static double number(Map<?, ?> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Number number ? Math.max(1, number.doubleValue()) : 1;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
