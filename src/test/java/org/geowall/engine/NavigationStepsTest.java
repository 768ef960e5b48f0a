package org.geowall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.geowall.config.Budgets;
import org.geowall.engine.NavigationSteps.Step;
import org.testng.annotations.Test;

public class NavigationStepsTest {

    /** Navigation 8 s, with the given response and DOMContentLoaded budgets in seconds (0 for none). */
    private static NavigationSteps steps(int responseSeconds, int domContentLoadedSeconds) {
        return new NavigationSteps(new Budgets(8, 3, 15, 2, 0, 0, responseSeconds, domContentLoadedSeconds, 1,
                false));
    }

    @Test
    public void withoutPhaseBudgetsEveryStepEndsWithNavigation() {
        NavigationSteps steps = steps(0, 0);

        for (Step step : Step.values()) {
            assertThat(steps.limitMillis(step)).as("%s limit", step).isEqualTo(8_000);
            assertThat(steps.budgetKey(step)).as("%s budget", step).isEqualTo("navigation_seconds");
            assertThat(steps.timeoutMessage(step)).as("%s message", step)
                    .isEqualTo("timeout: no load event within 8000 ms");
        }
    }

    @Test
    public void missingPhaseBudgetsLeaveNavigation() {
        NavigationSteps steps = new NavigationSteps(new Budgets(8, 3, 15, 2));

        assertThat(steps.limitMillis(Step.RESPONSE)).isEqualTo(8_000);
        assertThat(steps.limitMillis(Step.DOM_CONTENT_LOADED)).isEqualTo(8_000);
    }

    @Test
    public void responseBudgetEndsCommit() {
        NavigationSteps steps = steps(2, 0);

        assertThat(steps.limitMillis(Step.RESPONSE)).isEqualTo(2_000);
        assertThat(steps.budgetKey(Step.RESPONSE)).isEqualTo("response_seconds");
        assertThat(steps.timeoutMessage(Step.RESPONSE))
                .isEqualTo("timeout: no response within 2000 ms (budgets.response_seconds)");
        assertThat(steps.limitMillis(Step.DOM_CONTENT_LOADED)).isEqualTo(8_000);
        assertThat(steps.limitMillis(Step.LOAD)).isEqualTo(8_000);
    }

    @Test
    public void domContentLoadedBudgetCountsFromStart() {
        NavigationSteps steps = steps(0, 3);

        assertThat(steps.remainingMillis(Step.DOM_CONTENT_LOADED, 1_200)).isEqualTo(1_800);
        assertThat(steps.timeoutMessage(Step.DOM_CONTENT_LOADED))
                .isEqualTo("timeout: no DOMContentLoaded within 3000 ms (budgets.dom_content_loaded_seconds)");
        assertThat(steps.remainingMillis(Step.LOAD, 1_200)).isEqualTo(6_800);
    }

    @Test
    public void phaseBudgetAboveNavigationIgnored() {
        NavigationSteps steps = steps(20, 9);

        assertThat(steps.limitMillis(Step.RESPONSE)).isEqualTo(8_000);
        assertThat(steps.limitMillis(Step.DOM_CONTENT_LOADED)).isEqualTo(8_000);
        assertThat(steps.budgetKey(Step.DOM_CONTENT_LOADED)).isEqualTo("navigation_seconds");
    }

    @Test
    public void spentStepGetsOneMillisecond() {
        NavigationSteps steps = steps(0, 3);

        assertThat(steps.remainingMillis(Step.DOM_CONTENT_LOADED, 3_000)).isEqualTo(1);
        assertThat(steps.remainingMillis(Step.DOM_CONTENT_LOADED, 5_000)).isEqualTo(1);
        assertThat(steps.remainingMillis(Step.LOAD, 9_000)).isEqualTo(1);
    }

    @Test
    public void stepsNameTheirTimeoutPhase() {
        assertThat(Step.RESPONSE.timeoutPhase()).isNull();
        assertThat(Step.DOM_CONTENT_LOADED.timeoutPhase()).isEqualTo("dom_content_loaded");
        assertThat(Step.LOAD.timeoutPhase()).isEqualTo("load");
    }

    @Test
    public void laterBudgetBindsResponse() {
        NavigationSteps onlyDom = steps(0, 2);
        NavigationSteps both = steps(5, 3);

        assertThat(onlyDom.limitMillis(Step.RESPONSE)).isEqualTo(2_000);
        assertThat(onlyDom.budgetKey(Step.RESPONSE)).isEqualTo("dom_content_loaded_seconds");
        assertThat(onlyDom.timeoutMessage(Step.RESPONSE))
                .isEqualTo("timeout: no response within 2000 ms (budgets.dom_content_loaded_seconds)");
        assertThat(both.limitMillis(Step.RESPONSE)).isEqualTo(3_000);
        assertThat(both.limitMillis(Step.DOM_CONTENT_LOADED)).isEqualTo(3_000);
        assertThat(both.limitMillis(Step.LOAD)).isEqualTo(8_000);
    }
}
