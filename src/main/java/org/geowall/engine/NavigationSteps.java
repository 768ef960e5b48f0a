package org.geowall.engine;

import java.time.Duration;
import java.util.Optional;
import org.geowall.config.Budgets;

/**
 * The time limits of a browser navigation's steps: the main document's response (commit),
 * DOMContentLoaded and the load event. Every limit is counted from the start of the navigation
 * and is never later than the navigation budget.
 */
final class NavigationSteps {

    /** A step of the navigation, with the result's {@code timeout_phase} of a step that ran out of time. */
    enum Step {
        RESPONSE("response", "response_seconds", null),
        DOM_CONTENT_LOADED("DOMContentLoaded", "dom_content_loaded_seconds", "dom_content_loaded"),
        LOAD("load event", "navigation_seconds", "load");

        private final String event;
        private final String budgetKey;
        private final String timeoutPhase;

        Step(String event, String budgetKey, String timeoutPhase) {
            this.event = event;
            this.budgetKey = budgetKey;
            this.timeoutPhase = timeoutPhase;
        }

        /**
         * Returns the {@code timeout_phase} of a timeout in this step, or null for the response step,
         * whose phase (connect, tls or first_byte) only the request's timings can tell.
         */
        String timeoutPhase() {
            return timeoutPhase;
        }
    }

    private static final String NAVIGATION_KEY = "navigation_seconds";

    private final long navigationMillis;
    private final Budgets budgets;

    NavigationSteps(Budgets budgets) {
        this.budgets = budgets;
        this.navigationMillis = budgets.navigation().toMillis();
    }

    /**
     * Returns how long after the navigation's start the step must have ended, in milliseconds. A
     * later step's budget binds an earlier step too: DOMContentLoaded cannot come before the
     * response, so a response later than the DOMContentLoaded budget is a response timeout.
     */
    long limitMillis(Step step) {
        return bindingStep(step).map(binding -> phaseBudget(binding).orElseThrow().toMillis())
                .orElse(navigationMillis);
    }

    /** Returns the step whose phase budget ends this step first, or empty when the navigation budget does. */
    private Optional<Step> bindingStep(Step step) {
        Step binding = null;
        long bindingMillis = navigationMillis;
        for (Step candidate : Step.values()) {
            if (candidate.ordinal() < step.ordinal()) {
                continue;
            }
            Optional<Duration> budget = phaseBudget(candidate);
            if (budget.isPresent() && budget.get().toMillis() < bindingMillis) {
                binding = candidate;
                bindingMillis = budget.get().toMillis();
            }
        }
        return Optional.ofNullable(binding);
    }

    /**
     * Returns the timeout to give Playwright for a step that starts {@code elapsedMillis} after the
     * navigation's start. It is at least 1 ms, because Playwright reads a timeout of 0 as "no
     * timeout". A step that is already due still succeeds when its event has fired.
     */
    long remainingMillis(Step step, long elapsedMillis) {
        return Math.max(1, limitMillis(step) - elapsedMillis);
    }

    /** Returns the {@code budgets} key whose value ends the step: its phase budget, or navigation_seconds. */
    String budgetKey(Step step) {
        return bindingStep(step).map(binding -> binding.budgetKey).orElse(NAVIGATION_KEY);
    }

    /**
     * Returns the navigation error of a step that ran out of time. When the navigation budget ended
     * it, the text is the one Geowall has always written, "timeout: no load event within N ms".
     */
    String timeoutMessage(Step step) {
        if (budgetKey(step).equals(NAVIGATION_KEY)) {
            return "timeout: no load event within " + navigationMillis + " ms";
        }
        return "timeout: no " + step.event + " within " + limitMillis(step) + " ms (budgets." + budgetKey(step)
                + ")";
    }

    private Optional<Duration> phaseBudget(Step step) {
        return switch (step) {
            case RESPONSE -> budgets.response();
            case DOM_CONTENT_LOADED -> budgets.domContentLoaded();
            case LOAD -> Optional.empty();
        };
    }
}
