package org.geowall.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.geowall.verdict.RepeatConsensus.Attempt;
import org.geowall.verdict.RepeatConsensus.Outcome;
import org.geowall.verdict.RepeatConsensus.TimeoutCause;
import org.testng.annotations.Test;

public class RepeatConsensusTest {

    private static Attempt ok() {
        return new Attempt(Verdict.ACCESSIBLE, false);
    }

    private static Attempt timeout() {
        return new Attempt(Verdict.TIMEOUT, true);
    }

    private static Attempt of(Verdict verdict) {
        return new Attempt(verdict, false);
    }

    @Test
    public void agreeingAttemptsFullConfidence() {
        Outcome outcome = RepeatConsensus.of(List.of(of(Verdict.BLOCK_PAGE), of(Verdict.BLOCK_PAGE),
                of(Verdict.BLOCK_PAGE)), List.of(ok(), ok(), ok()), false);

        assertThat(outcome.verdict()).isEqualTo(Verdict.BLOCK_PAGE);
        assertThat(outcome.confidence()).isEqualTo(1.0);
        assertThat(outcome.flaky()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.votes()).containsExactly(java.util.Map.entry(Verdict.BLOCK_PAGE, 3));
        assertThat(outcome.timeoutCause()).isNull();
    }

    @Test
    public void oneAccessibleAttemptWins() {
        Outcome outcome = RepeatConsensus.of(List.of(of(Verdict.CONNECTION_RESET), ok(),
                of(Verdict.CONNECTION_RESET)), List.of(), false);

        assertThat(outcome.verdict()).isEqualTo(Verdict.ACCESSIBLE);
        assertThat(outcome.confidence()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(outcome.flaky()).isTrue();
        assertThat(outcome.votes()).containsEntry(Verdict.CONNECTION_RESET, 2).containsEntry(Verdict.ACCESSIBLE, 1);
    }

    @Test
    public void majorityWinsAmongBlocks() {
        Outcome outcome = RepeatConsensus.of(List.of(timeout(), of(Verdict.CONNECTION_RESET), timeout()),
                List.of(ok()), false);

        assertThat(outcome.verdict()).isEqualTo(Verdict.TIMEOUT);
        assertThat(outcome.confidence()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(outcome.flaky()).isTrue();
    }

    @Test
    public void tieGoesToSpecificEvidence() {
        Outcome outcome = RepeatConsensus.of(List.of(timeout(), of(Verdict.BLOCK_PAGE)), List.of(), false);

        assertThat(outcome.verdict()).isEqualTo(Verdict.BLOCK_PAGE);
        assertThat(outcome.confidence()).isEqualTo(0.5);
    }

    @Test
    public void harnessErrorsCountOnlyAlone() {
        Outcome mixed = RepeatConsensus.of(List.of(of(Verdict.HARNESS_ERROR), of(Verdict.PROXY_ERROR),
                of(Verdict.DNS_FAILURE)), List.of(), false);
        Outcome onlyErrors = RepeatConsensus.of(List.of(of(Verdict.PROXY_ERROR), of(Verdict.PROXY_ERROR)),
                List.of(), false);

        assertThat(mixed.verdict()).isEqualTo(Verdict.DNS_FAILURE);
        assertThat(mixed.confidence()).isEqualTo(1.0);
        assertThat(mixed.flaky()).isFalse();
        assertThat(mixed.votes()).containsEntry(Verdict.HARNESS_ERROR, 1).containsEntry(Verdict.PROXY_ERROR, 1);
        assertThat(onlyErrors.verdict()).isEqualTo(Verdict.PROXY_ERROR);
    }

    @Test
    public void timeoutOnlyAbroadIsGeo() {
        Outcome outcome = RepeatConsensus.of(List.of(timeout(), timeout()),
                List.of(ok(), of(Verdict.SUBRESOURCE_BLOCKED)), false);

        assertThat(outcome.timeoutCause()).isEqualTo(TimeoutCause.GEO);
    }

    @Test
    public void timeoutAtControlIsGlobal() {
        Outcome foreign = RepeatConsensus.of(List.of(new Attempt(Verdict.SITE_DOWN, true)),
                List.of(timeout()), false);
        Outcome control = RepeatConsensus.of(List.of(timeout(), timeout()), List.of(), true);

        assertThat(foreign.verdict()).isEqualTo(Verdict.SITE_DOWN);
        assertThat(foreign.timeoutCause()).isEqualTo(TimeoutCause.GLOBAL);
        assertThat(control.timeoutCause()).isEqualTo(TimeoutCause.GLOBAL);
    }

    @Test
    public void intermittentTimeoutIsFlaky() {
        Outcome here = RepeatConsensus.of(List.of(timeout(), of(Verdict.BLOCK_PAGE)), List.of(ok(), ok()), false);
        Outcome atControl = RepeatConsensus.of(List.of(timeout(), timeout()), List.of(ok(), timeout()), false);

        assertThat(here.timeoutCause()).isEqualTo(TimeoutCause.FLAKY);
        assertThat(atControl.timeoutCause()).isEqualTo(TimeoutCause.FLAKY);
    }

    @Test
    public void timeoutWithoutControlUnexplained() {
        Outcome outcome = RepeatConsensus.of(List.of(timeout()), List.of(), false);

        assertThat(outcome.timeoutCause()).isNull();
    }

    @Test
    public void noAttemptRejected() {
        assertThatThrownBy(() -> RepeatConsensus.of(List.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void repeatPolicySkipsAccessiblePairs() {
        assertThat(RepeatConsensus.wantsAnotherAttempt(List.of(Verdict.TIMEOUT), 3, false)).isTrue();
        assertThat(RepeatConsensus.wantsAnotherAttempt(Arrays.asList(Verdict.TIMEOUT, Verdict.TIMEOUT), 3, false))
                .isTrue();
        assertThat(RepeatConsensus.wantsAnotherAttempt(List.of(Verdict.TIMEOUT, Verdict.TIMEOUT, Verdict.TIMEOUT), 3,
                false)).isFalse();
        assertThat(RepeatConsensus.wantsAnotherAttempt(List.of(Verdict.ACCESSIBLE), 3, false)).isFalse();
        assertThat(RepeatConsensus.wantsAnotherAttempt(List.of(Verdict.CONNECTION_RESET, Verdict.ACCESSIBLE), 3,
                false)).isFalse();
        assertThat(RepeatConsensus.wantsAnotherAttempt(List.of(Verdict.ACCESSIBLE), 3, true)).isTrue();
        assertThat(RepeatConsensus.wantsAnotherAttempt(List.of(Verdict.BLOCK_PAGE), 1, false)).isFalse();
    }
}
