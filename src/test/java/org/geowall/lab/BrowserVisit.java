package org.geowall.lab;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geowall.engine.NetErrors;

/**
 * One page load through a lab vantage, with what a test asserts on: the main response or the
 * navigation error, every response and failed request of the page, and the main-frame
 * navigations. The context stays open until {@link #close()}, so a test can wait on the page.
 */
final class BrowserVisit implements AutoCloseable {

    /** A response or failed request of the page: {@code failure} is null for a response. */
    record Exchange(String url, int status, String failure) {
        String host() {
            return URI.create(url).getHost();
        }
    }

    private final BrowserContext context;
    private final Page page;
    private final List<Exchange> responses = new CopyOnWriteArrayList<>();
    private final List<Exchange> failures = new CopyOnWriteArrayList<>();
    private final List<String> navigations = new CopyOnWriteArrayList<>();
    private Response mainResponse;
    private String navigationError;
    private boolean timedOut;
    private long elapsedMillis;

    private BrowserVisit(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        page.onResponse(response -> responses.add(new Exchange(response.url(), response.status(), null)));
        page.onRequestFailed(request -> failures.add(new Exchange(request.url(), -1, request.failure())));
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                navigations.add(frame.url());
            }
        });
    }

    static BrowserVisit load(Browser browser, LabVantage vantage, String url, int timeoutMillis) {
        Proxy proxy = new Proxy(vantage.proxy().toString()).setUsername(vantage.username())
                .setPassword(vantage.password());
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setProxy(proxy));
        BrowserVisit visit = new BrowserVisit(context);
        visit.navigate(url, timeoutMillis);
        return visit;
    }

    private void navigate(String url, int timeoutMillis) {
        page.setDefaultTimeout(timeoutMillis);
        long started = System.nanoTime();
        try {
            mainResponse = page.navigate(url, new Page.NavigateOptions().setTimeout(timeoutMillis)
                    .setWaitUntil(WaitUntilState.LOAD));
        } catch (TimeoutError e) {
            timedOut = true;
        } catch (PlaywrightException e) {
            navigationError = NetErrors.find(e.getMessage());
            if (navigationError == null) {
                throw e;
            }
        } finally {
            elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        }
    }

    /** Waits until the page has had no network traffic for 500 ms, so late requests are counted. */
    BrowserVisit settle() {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return this;
    }

    Page page() {
        return page;
    }

    /** Returns the main document's status, or -1 when the navigation failed or timed out. */
    int status() {
        return mainResponse == null ? -1 : mainResponse.status();
    }

    Response mainResponse() {
        return mainResponse;
    }

    /** Returns the {@code net::ERR_*} code of a failed navigation, or null. */
    String navigationError() {
        return navigationError;
    }

    boolean timedOut() {
        return timedOut;
    }

    long elapsedMillis() {
        return elapsedMillis;
    }

    List<Exchange> responses() {
        return responses;
    }

    List<Exchange> failures() {
        return failures;
    }

    /** Returns the URLs the main frame committed, in order: two entries mean one redirect or reload. */
    List<String> navigations() {
        return navigations;
    }

    List<Cookie> cookies() {
        return context.cookies();
    }

    @Override
    public void close() {
        context.close();
    }
}
