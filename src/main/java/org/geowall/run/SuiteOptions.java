package org.geowall.run;

import java.util.Optional;
import org.geowall.config.ConfigException;
import org.geowall.config.DriversConfigLoader;

/**
 * The optional parameters of a suite XML that replace keys of drivers.yaml for one run:
 * {@code driver} (the engine) and {@code repeats} (attempts per site and vantage).
 *
 * @param engine  the engine named by the suite, or empty
 * @param repeats the attempts named by the suite, or empty
 */
public record SuiteOptions(Optional<String> engine, Optional<Integer> repeats) {

    /** Returns options that replace nothing. */
    public static SuiteOptions none() {
        return new SuiteOptions(Optional.empty(), Optional.empty());
    }

    /**
     * Reads the suite's {@code driver} and {@code repeats} parameters (blank when absent).
     *
     * @throws ConfigException naming the suite and parameter when {@code repeats} is not a whole number in range
     */
    public static SuiteOptions parse(String driver, String repeats, String suite) {
        Optional<Integer> attempts = Optional.empty();
        if (repeats != null && !repeats.isBlank()) {
            String source = "Suite '" + suite + "' parameter 'repeats'";
            try {
                attempts = Optional.of(Integer.parseInt(repeats.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException(source + " is '" + repeats + "'. Set a whole number, such as 3.");
            }
            DriversConfigLoader.validateRepeats(attempts.get(), source);
        }
        return new SuiteOptions(driver == null || driver.isBlank() ? Optional.empty() : Optional.of(driver.trim()),
                attempts);
    }
}
