package org.geowall.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.geowall.config.DriverSettings;
import org.geowall.engine.Engine;
import org.geowall.engine.LaunchSettings;
import org.geowall.engine.PlaywrightEngine;
import org.geowall.engine.selenium.SeleniumEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine per worker thread, because a Playwright instance is not thread-safe and each Selenium
 * engine has its own recording proxy, closed together when the run ends.
 */
final class EnginePool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnginePool.class);

    private final LaunchSettings settings;
    private final ThreadLocal<Engine> perThread = new ThreadLocal<>();
    private final List<Engine> all = new CopyOnWriteArrayList<>();

    EnginePool(LaunchSettings settings) {
        this.settings = settings;
    }

    Engine current() {
        Engine engine = perThread.get();
        if (engine == null) {
            engine = create(settings);
            perThread.set(engine);
            all.add(engine);
        }
        return engine;
    }

    /** Starts the engine that the driver settings name. */
    static Engine create(LaunchSettings settings) {
        return switch (settings.driver().engine()) {
            case DriverSettings.SELENIUM -> new SeleniumEngine(settings);
            case DriverSettings.PLAYWRIGHT -> new PlaywrightEngine(settings);
            default -> throw new IllegalArgumentException("Unknown engine " + settings.driver().engine());
        };
    }

    /** Closes this thread's engine and forgets it, so the next load starts a fresh browser. */
    void discardCurrent() {
        Engine engine = perThread.get();
        perThread.remove();
        if (engine != null) {
            all.remove(engine);
            closeQuietly(engine);
        }
    }

    @Override
    public void close() {
        for (Engine engine : all) {
            closeQuietly(engine);
        }
        all.clear();
    }

    private static void closeQuietly(Engine engine) {
        try {
            engine.close();
        } catch (RuntimeException e) {
            log.warn("Closing {} failed", engine.description(), e);
        }
    }
}
