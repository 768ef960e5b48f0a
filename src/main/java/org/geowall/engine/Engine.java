package org.geowall.engine;

import org.geowall.capture.PageLoad;

/**
 * A browser engine that loads one page in a fresh browser context and keeps the evidence.
 * An engine instance belongs to one worker thread.
 */
public interface Engine extends AutoCloseable {

    /**
     * Loads a page and collects its evidence. Network failures are recorded in the returned
     * evidence, never thrown; only a failure of the harness itself is recorded as a harness error.
     */
    PageLoad load(LoadRequest request);

    /** Returns the engine and browser with its version, such as {@code playwright/chromium 156.0.8078.73}. */
    String description();

    /** Returns the User-Agent the browser sends, so the plain probe can send the same. */
    String userAgent();

    @Override
    void close();
}
