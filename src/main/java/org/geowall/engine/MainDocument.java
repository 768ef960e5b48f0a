package org.geowall.engine;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Timing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.geowall.capture.PageLoad;
import org.geowall.capture.PhaseTimings;

/** Reads the main document's evidence from Playwright: headers, redirect chain, phase timings, exit. */
final class MainDocument {

    /** The header in which lab sites name the client address and country they saw. */
    static final String LAB_EXIT_HEADER = "x-geowall-lab-client";

    private static final String NAVIGATION_ENTRY_SCRIPT = "() => { const n = performance.getEntriesByType"
            + "('navigation')[0]; return n ? [n.domContentLoadedEventEnd, n.loadEventEnd] : null; }";

    private MainDocument() {
    }

    /** Records what the final main response shows, once the page has loaded and settled. */
    static void record(Page page, Response response, PageLoad evidence, long settleMillis) {
        if (response == null) {
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        evidence.setMainHeaders(headers);
        evidence.setExit(headers.get(LAB_EXIT_HEADER));
        evidence.setRedirectChain(redirectChain(response));
        Double[] entry = navigationEntry(page);
        evidence.setTimings(PhaseTimings.of(offsets(response.request()), entry[0], entry[1], settleMillis));
    }

    /** Returns a request's phase offsets, or null when Playwright has none for it. */
    static PhaseTimings.RequestOffsets offsets(Request request) {
        if (request == null) {
            return null;
        }
        try {
            Timing timing = request.timing();
            if (timing == null) {
                return null;
            }
            return new PhaseTimings.RequestOffsets(timing.domainLookupStart, timing.domainLookupEnd,
                    timing.connectStart, timing.secureConnectionStart, timing.connectEnd, timing.requestStart,
                    timing.responseStart);
        } catch (PlaywrightException e) {
            return null;
        }
    }

    private static List<PageLoad.RedirectHop> redirectChain(Response last) {
        List<PageLoad.RedirectHop> chain = new ArrayList<>();
        chain.add(new PageLoad.RedirectHop(last.url(), last.status()));
        Request earlier = last.request().redirectedFrom();
        while (earlier != null) {
            Response redirect = earlier.response();
            chain.add(new PageLoad.RedirectHop(earlier.url(), redirect == null ? -1 : redirect.status()));
            earlier = earlier.redirectedFrom();
        }
        Collections.reverse(chain);
        return chain;
    }

    /** Returns the DOMContentLoaded and load times of the navigation entry, or nulls. */
    private static Double[] navigationEntry(Page page) {
        try {
            Object value = page.evaluate(NAVIGATION_ENTRY_SCRIPT);
            if (value instanceof List<?> times && times.size() == 2) {
                return new Double[] {positive(times.get(0)), positive(times.get(1))};
            }
        } catch (PlaywrightException e) {
            // A page that navigated away or crashed has no entry; the timings stay unknown.
        }
        return new Double[] {null, null};
    }

    private static Double positive(Object value) {
        return value instanceof Number number && number.doubleValue() > 0 ? number.doubleValue() : null;
    }
}
