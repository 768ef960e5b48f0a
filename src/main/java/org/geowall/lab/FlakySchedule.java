package org.geowall.lab;

import java.util.Random;

/**
 * Decides, request by request, whether a {@link Scenario#FLAKY} site resets. The decisions come
 * from a random sequence seeded by the lab seed and a key: the host name, the client's country and
 * the kind of client. So the n-th request fails or succeeds the same way in every run with the
 * same seed. A cap on failures in a row makes the site answer at least once in every few tries,
 * which is what lets the ground truth call it accessible and a scorer hold repeats to that.
 */
final class FlakySchedule {

    private final Random random;
    private final double failureShare;
    private final int maxFailuresInRow;
    private int failuresInRow;

    /** A schedule without a cap on failures in a row. */
    FlakySchedule(long seed, String key, double failureShare) {
        this(seed, key, failureShare, Integer.MAX_VALUE);
    }

    FlakySchedule(long seed, String key, double failureShare, int maxFailuresInRow) {
        if (!(failureShare >= 0 && failureShare <= 1)) {
            throw new IllegalArgumentException("Flaky failure share " + failureShare
                    + " is out of range: use a fraction from 0 (never fail) to 1 (always fail)");
        }
        // String.hashCode is specified by the JLS, so the seed of a key is the same on every JVM.
        if (maxFailuresInRow < 0) {
            throw new IllegalArgumentException("Flaky failures in a row " + maxFailuresInRow + " is negative: use 0 "
                    + "or more");
        }
        this.random = new Random(seed * 31 + key.hashCode());
        this.failureShare = failureShare;
        this.maxFailuresInRow = maxFailuresInRow;
    }

    /** Returns whether the next request fails; each call consumes one decision. */
    synchronized boolean nextFails() {
        boolean fails = random.nextDouble() < failureShare && failuresInRow < maxFailuresInRow;
        failuresInRow = fails ? failuresInRow + 1 : 0;
        return fails;
    }
}
