package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

public class FlakyScheduleTest {

    private static List<Boolean> draws(FlakySchedule schedule, int count) {
        List<Boolean> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(schedule.nextFails());
        }
        return failures;
    }

    @Test
    public void sameSeedAndHostSameDecisions() {
        List<Boolean> first = draws(new FlakySchedule(2026, "flaky.lab.gov.cn", 0.3), 50);
        List<Boolean> second = draws(new FlakySchedule(2026, "flaky.lab.gov.cn", 0.3), 50);

        assertThat(first).isEqualTo(second);
    }

    @Test
    public void otherSeedOrHostOtherDecisions() {
        List<Boolean> base = draws(new FlakySchedule(2026, "flaky.lab.gov.cn", 0.3), 50);

        assertThat(draws(new FlakySchedule(7, "flaky.lab.gov.cn", 0.3), 50)).isNotEqualTo(base);
        assertThat(draws(new FlakySchedule(2026, "other.lab.gov.cn", 0.3), 50)).isNotEqualTo(base);
    }

    @Test
    public void failureShareNearConfigured() {
        long failures = draws(new FlakySchedule(2026, "flaky.lab.gov.cn", 0.3), 10_000).stream()
                .filter(Boolean::booleanValue).count();

        assertThat(failures).isBetween(2_700L, 3_300L);
    }

    @Test
    public void shareZeroNeverFailsShareOneAlwaysFails() {
        assertThat(draws(new FlakySchedule(1, "a.lab.gov.cn", 0), 200)).containsOnly(false);
        assertThat(draws(new FlakySchedule(1, "a.lab.gov.cn", 1), 200)).containsOnly(true);
    }

    @Test
    public void shareOutOfRangeRejected() {
        assertThatThrownBy(() -> new FlakySchedule(1, "a.lab.gov.cn", 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new FlakySchedule(1, "a.lab.gov.cn", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabOptions().setFlakyFailureShare(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
    }

    @Test
    public void scheduleCapsFailuresInRow() {
        List<Boolean> failures = draws(new FlakySchedule(2026, "flaky.lab.gov.cn US", 0.9, 2), 1_000);

        int longestRun = 0;
        int run = 0;
        for (boolean fails : failures) {
            run = fails ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        assertThat(longestRun).isEqualTo(2);
        assertThat(failures.stream().filter(Boolean::booleanValue).count()).isBetween(600L, 670L);
    }

    @Test
    public void scheduleRejectsNegativeCap() {
        assertThatThrownBy(() -> new FlakySchedule(1, "a.lab.gov.cn", 0.3, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
