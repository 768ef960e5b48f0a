package org.geowall.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.geowall.config.Budgets;
import org.testng.annotations.Test;

public class ProbeTimeoutsTest {

    /** Probe budget 15 s per wait, with the given connect, tls and response budgets in seconds (0 for none). */
    private static ProbeTimeouts timeouts(int connectSeconds, int tlsSeconds, int responseSeconds) {
        return new ProbeTimeouts(new Budgets(30, 3, 15, 2, connectSeconds, tlsSeconds, responseSeconds, 0, 1,
                false));
    }

    @Test
    public void withoutPhaseBudgetsEveryWaitGetsProbeBudget() {
        ProbeTimeouts timeouts = timeouts(0, 0, 0);

        assertThat(timeouts.readMillis()).isEqualTo(15_000);
        assertThat(timeouts.connectMillis(4_000)).isEqualTo(15_000);
        assertThat(timeouts.tlsMillis(4_000)).isEqualTo(15_000);
        assertThat(timeouts.firstByteMillis(20_000)).isEqualTo(15_000);
    }

    @Test
    public void missingPhaseBudgetsLeaveProbeBudget() {
        ProbeTimeouts timeouts = new ProbeTimeouts(new Budgets(30, 3, 15, 2));

        assertThat(timeouts.connectMillis(0)).isEqualTo(15_000);
        assertThat(timeouts.firstByteMillis(0)).isEqualTo(15_000);
    }

    @Test
    public void phaseBudgetsCountFromRequestStart() {
        ProbeTimeouts timeouts = timeouts(2, 4, 6);

        assertThat(timeouts.connectMillis(0)).isEqualTo(2_000);
        assertThat(timeouts.connectMillis(500)).isEqualTo(1_500);
        assertThat(timeouts.tlsMillis(2_500)).isEqualTo(1_500);
        assertThat(timeouts.firstByteMillis(3_000)).isEqualTo(3_000);
        assertThat(timeouts.readMillis()).isEqualTo(15_000);
    }

    @Test
    public void phaseBudgetCappedByProbeBudget() {
        ProbeTimeouts timeouts = timeouts(0, 0, 40);

        assertThat(timeouts.firstByteMillis(1_000)).isEqualTo(15_000);
    }

    @Test
    public void spentPhaseGetsOneMillisecond() {
        ProbeTimeouts timeouts = timeouts(2, 0, 0);

        assertThat(timeouts.connectMillis(2_000)).isEqualTo(1);
        assertThat(timeouts.connectMillis(9_000)).isEqualTo(1);
    }
}
