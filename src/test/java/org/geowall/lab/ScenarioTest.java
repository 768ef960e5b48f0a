package org.geowall.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.geowall.verdict.Verdict;
import org.testng.annotations.Test;

public class ScenarioTest {

    /** The ground-truth verdict of every scenario from a foreign vantage, as the lab documents them. */
    private static final Map<Scenario, Verdict> FOREIGN_VERDICTS = Map.ofEntries(
            Map.entry(Scenario.ACCESSIBLE, Verdict.ACCESSIBLE),
            Map.entry(Scenario.HTTP_403_DENIAL, Verdict.BLOCK_PAGE),
            Map.entry(Scenario.TCP_RESET, Verdict.CONNECTION_RESET),
            Map.entry(Scenario.SILENT_DROP, Verdict.TIMEOUT),
            Map.entry(Scenario.NXDOMAIN, Verdict.DNS_FAILURE),
            Map.entry(Scenario.HEAVY_PAGE, Verdict.ACCESSIBLE),
            Map.entry(Scenario.CONNECTION_REFUSED, Verdict.CONNECTION_REFUSED),
            Map.entry(Scenario.BLACKHOLE_CONNECT, Verdict.TIMEOUT),
            Map.entry(Scenario.CAPTCHA_WALL, Verdict.CAPTCHA_WALL),
            Map.entry(Scenario.STATIC_HOST_BLOCKED, Verdict.SUBRESOURCE_BLOCKED),
            Map.entry(Scenario.DATA_API_BLOCKED, Verdict.CONTENT_BLOCKED),
            Map.entry(Scenario.SCRIPTED_GEO_REDIRECT, Verdict.CLIENT_REDIRECT_BLOCK),
            Map.entry(Scenario.HTTP_REDIRECT_DENIAL, Verdict.BLOCK_PAGE),
            Map.entry(Scenario.GBK_DENIAL, Verdict.BLOCK_PAGE),
            Map.entry(Scenario.TLS_ABORT, Verdict.TLS_FAILURE),
            Map.entry(Scenario.SLOW, Verdict.ACCESSIBLE),
            Map.entry(Scenario.DOWN_EVERYWHERE, Verdict.SITE_DOWN),
            Map.entry(Scenario.DROP_EVERYWHERE, Verdict.SITE_DOWN),
            Map.entry(Scenario.FLAKY, Verdict.ACCESSIBLE),
            Map.entry(Scenario.DNS_SERVFAIL, Verdict.DNS_FAILURE),
            Map.entry(Scenario.DNS_NO_ANSWER, Verdict.DNS_FAILURE));

    @Test
    public void foreignVerdictPerScenario() {
        assertThat(FOREIGN_VERDICTS).hasSize(Scenario.values().length);
        for (Scenario scenario : Scenario.values()) {
            assertThat(scenario.verdictFor(false)).as(scenario.id()).isEqualTo(FOREIGN_VERDICTS.get(scenario));
            assertThat(scenario.foreignVerdict()).as(scenario.id()).isEqualTo(FOREIGN_VERDICTS.get(scenario));
        }
    }

    @Test
    public void controlAccessibleUnlessSiteDown() {
        for (Scenario scenario : Scenario.values()) {
            Verdict expected = scenario == Scenario.DOWN_EVERYWHERE || scenario == Scenario.DROP_EVERYWHERE
                    ? Verdict.SITE_DOWN : Verdict.ACCESSIBLE;

            assertThat(scenario.verdictFor(true)).as(scenario.id()).isEqualTo(expected);
        }
    }

    @Test
    public void foreignOnlyScenariosSpareHomeClients() {
        assertThat(Scenario.TCP_RESET.playedFor(false)).isEqualTo(Scenario.ACCESSIBLE);
        assertThat(Scenario.TCP_RESET.playedFor(true)).isEqualTo(Scenario.TCP_RESET);
        assertThat(Scenario.CAPTCHA_WALL.playedFor(false)).isEqualTo(Scenario.ACCESSIBLE);
    }

    @Test
    public void everyoneScenariosPlayForHomeClients() {
        for (Scenario scenario : new Scenario[] {Scenario.HEAVY_PAGE, Scenario.STATIC_HOST_BLOCKED,
                Scenario.DATA_API_BLOCKED, Scenario.SCRIPTED_GEO_REDIRECT, Scenario.SLOW, Scenario.DOWN_EVERYWHERE,
                Scenario.FLAKY}) {
            assertThat(scenario.audience()).as(scenario.id()).isEqualTo(Scenario.Audience.EVERYONE);
            assertThat(scenario.playedFor(false)).as(scenario.id()).isEqualTo(scenario);
        }
    }

    @Test
    public void idsAreSnakeCase() {
        assertThat(Scenario.HTTP_REDIRECT_DENIAL.id()).isEqualTo("http_redirect_denial");
        assertThat(Scenario.FLAKY.id()).isEqualTo("flaky");
    }

    @Test
    public void timeoutCausePerScenario() {
        assertThat(Scenario.SILENT_DROP.timeoutCauseFor(false)).isEqualTo("geo");
        assertThat(Scenario.BLACKHOLE_CONNECT.timeoutCauseFor(false)).isEqualTo("geo");
        assertThat(Scenario.SILENT_DROP.timeoutCauseFor(true)).isNull();
        assertThat(Scenario.DROP_EVERYWHERE.timeoutCauseFor(false)).isEqualTo("global");
        assertThat(Scenario.DROP_EVERYWHERE.timeoutCauseFor(true)).isEqualTo("global");
        assertThat(Scenario.TCP_RESET.timeoutCauseFor(false)).isNull();
        assertThat(Scenario.DOWN_EVERYWHERE.timeoutCauseFor(false)).isNull();
    }
}
