package org.geowall.lab;

import java.util.Random;

/**
 * Decides, connection by connection, whether a {@link Scenario#FLAKY} site resets. The decisions
 * come from a random sequence seeded by the lab seed and the host name, so the n-th connection to
 * a host fails or succeeds the same way in every run with the same seed.
 */
final class FlakySchedule {

    private final Random random;
    private final double failureShare;

    FlakySchedule(long seed, String host, double failureShare) {
        if (!(failureShare >= 0 && failureShare <= 1)) {
            throw new IllegalArgumentException("Flaky failure share " + failureShare
                    + " is out of range: use a fraction from 0 (never fail) to 1 (always fail)");
        }
        // String.hashCode is specified by the JLS, so the seed of a host is the same on every JVM.
        this.random = new Random(seed * 31 + host.hashCode());
        this.failureShare = failureShare;
    }

    /** Returns whether the next connection fails; each call consumes one decision. */
    synchronized boolean nextFails() {
        return random.nextDouble() < failureShare;
    }
}
