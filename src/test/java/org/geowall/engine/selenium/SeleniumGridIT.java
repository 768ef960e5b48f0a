package org.geowall.engine.selenium;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geowall.capture.PageLoad;
import org.geowall.config.Budgets;
import org.geowall.config.DriverSettings;
import org.geowall.engine.LaunchSettings;
import org.geowall.engine.LoadRequest;
import org.geowall.engine.ProxySettings;
import org.geowall.lab.LabOptions;
import org.geowall.lab.LabSite;
import org.geowall.lab.LabVantage;
import org.geowall.lab.LabWorld;
import org.geowall.lab.LabWorlds;
import org.geowall.lab.Scenario;
import org.geowall.testing.SeleniumGrid;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Runs the Selenium engine's browsers on a Selenium Grid 4.47.0 that the test starts in its own
 * JVM on 127.0.0.1, and checks that the evidence is the same as with a local chromedriver.
 */
public class SeleniumGridIT {

    private static final Budgets BUDGETS = new Budgets(8, 1, 5, 1);

    private LabWorld lab;
    private SeleniumGrid grid;
    private SeleniumEngine engine;

    @BeforeClass
    public void start() throws Exception {
        lab = LabWorld.start(LabWorlds.showcase(), new LabOptions());
        grid = new SeleniumGrid();
        grid.start();
        DriverSettings driver = DriverSettings.defaults().withEngine("selenium").withGridUrl(grid.url().toString());
        engine = new SeleniumEngine(new LaunchSettings(driver,
                List.of("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"), List.of(lab.caCertificatePem())));
    }

    @AfterClass(alwaysRun = true)
    public void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (grid != null) {
            grid.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private PageLoad load(Scenario scenario) throws Exception {
        LabSite site = lab.sites().stream().filter(s -> s.scenario() == scenario).findFirst().orElseThrow();
        LabVantage us = lab.vantages().stream().filter(v -> v.country().equals("US")).findFirst().orElseThrow();
        ProxySettings proxy = new ProxySettings(us.proxy(), us.username(), us.password());
        Path directory = Files.createTempDirectory("selenium-grid");
        return engine.load(new LoadRequest(URI.create("https://" + site.host() + "/"), proxy, directory, BUDGETS));
    }

    @Test
    public void accessibleSiteThroughGrid() throws Exception {
        PageLoad load = load(Scenario.ACCESSIBLE);

        assertThat(load.harnessError()).as(grid.log()).isNull();
        assertThat(load.mainStatus()).isEqualTo(200);
        assertThat(load.title()).isEqualTo("Lab accessible");
        assertThat(load.requestCount()).as("requests seen through WebDriver BiDi").isGreaterThan(0);
        assertThat(load.files()).containsKeys(PageLoad.HAR, PageLoad.DOM, PageLoad.SCREENSHOT);
        assertThat(engine.description()).startsWith("selenium/chromium ");
    }

    @Test
    public void denialPageThroughGrid() throws Exception {
        PageLoad load = load(Scenario.HTTP_403_DENIAL);

        assertThat(load.mainStatus()).isEqualTo(403);
    }

    @Test
    public void resetThroughGrid() throws Exception {
        PageLoad load = load(Scenario.TCP_RESET);

        assertThat(load.navigationError()).isEqualTo("net::ERR_CONNECTION_RESET");
    }
}
