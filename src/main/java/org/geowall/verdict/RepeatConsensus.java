package org.geowall.verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the attempts of one (site, vantage) pair into one verdict with a confidence and the vote
 * counts, and explains its timeouts from the repeats and the control vantage.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>{@code proxy_error} and {@code harness_error} are no evidence about the site, so they count
 *       only when every attempt got one.</li>
 *   <li>One accessible attempt makes the pair accessible, because a page that loaded once shows
 *       that the site works from the vantage. The other votes stay in the outcome and mark the
 *       pair flaky.</li>
 *   <li>Otherwise the verdict with the most votes wins. A tie goes to the verdict with the more
 *       specific evidence, in the order of {@link Verdict} (a block page before a timeout, a
 *       timeout before {@code site_down}).</li>
 * </ol>
 * Confidence is the winning verdict's share of the counted votes. A pair is flaky when the
 * counted votes disagree.
 *
 * <p>NOTE: rule 2 assumes that a block stops every load. A filter that lets some loads through,
 * such as an overloaded one, makes the pair accessible and flaky, and only its votes show the block.
 */
public final class RepeatConsensus {

    /** The cause of a pair's timeouts. */
    public enum TimeoutCause {
        /** Every attempt here timed out while the control loaded the site every time. */
        GEO,
        /** Every attempt here timed out and the control failed every time too. */
        GLOBAL,
        /** The attempts here, or the control's, did not all end the same way. */
        FLAKY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One attempt as the consensus counts it: its verdict and whether its navigation timed out. */
    public record Attempt(Verdict verdict, boolean timedOut) {
    }

    /**
     * The consensus of a pair.
     *
     * @param verdict      the pair's verdict
     * @param confidence   the share of counted votes that the verdict got, from 0 to 1
     * @param votes        attempts per verdict, in the order of {@link Verdict}, every attempt counted
     * @param attempts     how many attempts the pair had
     * @param flaky        whether the counted votes disagree
     * @param timeoutCause why the pair's loads timed out, or null when none did
     */
    public record Outcome(Verdict verdict, double confidence, Map<Verdict, Integer> votes, int attempts,
                          boolean flaky, TimeoutCause timeoutCause) {
    }

    private RepeatConsensus() {
    }

    /**
     * Returns the consensus of a pair's attempts.
     *
     * @param attempts        the pair's attempts, at least one
     * @param controlAttempts the control vantage's attempts of the same site; empty when unknown,
     *                        and ignored when the pair is the control's own
     * @param control         whether the pair is the control vantage's
     */
    public static Outcome of(List<Attempt> attempts, List<Attempt> controlAttempts, boolean control) {
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("A consensus needs at least one attempt");
        }
        Map<Verdict, Integer> votes = new EnumMap<>(Verdict.class);
        attempts.forEach(attempt -> votes.merge(attempt.verdict(), 1, Integer::sum));
        List<Attempt> counted = counted(attempts);
        Map<Verdict, Integer> countedVotes = new EnumMap<>(Verdict.class);
        counted.forEach(attempt -> countedVotes.merge(attempt.verdict(), 1, Integer::sum));

        Verdict winner = countedVotes.containsKey(Verdict.ACCESSIBLE) ? Verdict.ACCESSIBLE : mostVotes(countedVotes);
        double confidence = (double) countedVotes.get(winner) / counted.size();
        boolean flaky = countedVotes.size() > 1;
        TimeoutCause cause = timeoutCause(counted, control ? List.of() : counted(controlAttempts), control);
        return new Outcome(winner, confidence, votes, attempts.size(), flaky, cause);
    }

    /**
     * Returns whether a pair should be tried again.
     *
     * @param verdictsSoFar    the verdicts of the attempts made so far
     * @param repeats          the most attempts a pair may get
     * @param repeatAccessible whether a pair that was accessible is tried again
     */
    public static boolean wantsAnotherAttempt(List<Verdict> verdictsSoFar, int repeats, boolean repeatAccessible) {
        if (verdictsSoFar.size() >= repeats) {
            return false;
        }
        return repeatAccessible || !verdictsSoFar.contains(Verdict.ACCESSIBLE);
    }

    /** Returns whether the page's content arrived, even with a subresource missing. */
    private static boolean loaded(Attempt attempt) {
        Verdict.Family family = attempt.verdict().family();
        return family == Verdict.Family.ACCESSIBLE || family == Verdict.Family.PARTIAL;
    }

    private static List<Attempt> counted(List<Attempt> attempts) {
        List<Attempt> counted = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.verdict() != Verdict.PROXY_ERROR && attempt.verdict() != Verdict.HARNESS_ERROR) {
                counted.add(attempt);
            }
        }
        return counted.isEmpty() ? attempts : counted;
    }

    private static Verdict mostVotes(Map<Verdict, Integer> votes) {
        Verdict best = null;
        for (Map.Entry<Verdict, Integer> entry : votes.entrySet()) {
            // EnumMap iterates in declaration order, so on a tie the more specific verdict stays.
            if (best == null || entry.getValue() > votes.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private static TimeoutCause timeoutCause(List<Attempt> here, List<Attempt> atControl, boolean control) {
        long timedOut = here.stream().filter(Attempt::timedOut).count();
        if (timedOut == 0) {
            return null;
        }
        if (timedOut < here.size()) {
            return TimeoutCause.FLAKY;
        }
        if (control) {
            return TimeoutCause.GLOBAL;
        }
        if (atControl.isEmpty()) {
            return null;
        }
        long loadedAtControl = atControl.stream().filter(RepeatConsensus::loaded).count();
        if (loadedAtControl == atControl.size()) {
            return TimeoutCause.GEO;
        }
        return loadedAtControl == 0 ? TimeoutCause.GLOBAL : TimeoutCause.FLAKY;
    }
}
