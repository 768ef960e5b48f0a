package org.geowall.run;

import java.util.List;
import java.util.Optional;
import org.geowall.config.ConfigException;
import org.geowall.config.DriversConfigLoader;

/**
 * The optional parameters of a suite XML that replace keys of drivers.yaml for one run:
 * {@code driver} (the engine) and {@code repeats} (attempts per site and vantage), and the
 * vantages the suite measures.
 *
 * @param engine   the engine named by the suite, or empty
 * @param repeats  the attempts named by the suite, or empty
 * @param vantages the names of the vantages measured, or empty for every vantage of drivers.yaml
 */
public record SuiteOptions(Optional<String> engine, Optional<Integer> repeats, List<String> vantages) {

    /** Returns options that replace nothing. */
    public static SuiteOptions none() {
        return new SuiteOptions(Optional.empty(), Optional.empty(), List.of());
    }

    /** Returns these options with the names of the vantages the suite measures. */
    public SuiteOptions withVantages(List<String> names) {
        return new SuiteOptions(engine, repeats, List.copyOf(names));
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
                attempts, List.of());
    }
}
