package org.geowall.run;

import java.nio.file.Path;
import java.util.Optional;
import org.geowall.config.ConfigException;
import org.geowall.config.DriversConfigLoader;
import org.geowall.config.DriversConfig;
import org.geowall.config.World;

/**
 * Run settings that come from system properties, so Maven's {@code -D} options reach them:
 * {@code drivers} (the drivers.yaml path), {@code world} ({@code lab} or {@code real}),
 * {@code geowall.reports} (the reports folder), {@code resume} (a run id or {@code latest}),
 * {@code signatures} (a user's signature file, YAML or OONI CSV), {@code driver.engine} and
 * {@code driver.grid_url} (which replace those keys of drivers.yaml), {@code repeats} (which
 * replaces {@code budgets.repeats}).
 */
public record SessionSettings(Path drivers, Optional<World> world, Path reports, Optional<String> resume,
                              Optional<String> labPassword, Optional<String> signatures, Optional<String> engine,
                              Optional<String> gridUrl, Optional<Integer> repeats) {

    public static SessionSettings fromSystemProperties() {
        return new SessionSettings(
                Path.of(System.getProperty("drivers", "drivers.yaml")),
                property("world").map(value -> World.parse(value, "-Dworld")),
                Path.of(System.getProperty("geowall.reports", "reports")),
                property("resume"),
                property("geowall.lab.password"),
                property("signatures"),
                property("driver.engine"),
                property("driver.grid_url"),
                property("repeats").map(SessionSettings::repeats));
    }

    private static Integer repeats(String value) {
        int repeats;
        try {
            repeats = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("-Drepeats is '" + value + "'. Set a whole number, such as -Drepeats=3.");
        }
        DriversConfigLoader.validateRepeats(repeats, "-Drepeats");
        return repeats;
    }

    /** Returns the world a run measures: {@code -Dworld} when given, else the drivers file's {@code world}. */
    public World worldFor(DriversConfig config) {
        return world.orElse(config.world());
    }

    private static Optional<String> property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
