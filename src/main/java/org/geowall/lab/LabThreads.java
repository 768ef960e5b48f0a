package org.geowall.lab;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread and socket helpers shared by the lab's servers. */
final class LabThreads {

    private LabThreads() {
    }

    /** Returns a factory of daemon threads, so a forgotten lab never keeps a JVM alive. */
    static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing during shutdown: the peer may already be gone, and nothing is left to do.
        }
    }
}
