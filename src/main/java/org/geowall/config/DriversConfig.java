package org.geowall.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The contents of {@code drivers.yaml}: the driver, the vantages, the budgets, and the world
 * (real or lab) a run measures by default.
 */
public record DriversConfig(Path file, World world, DriverSettings driver, List<VantageSettings> vantages,
                            Budgets budgets, CaptureSettings capture, LabSettings lab) {

    /** Returns the control vantage; validation guarantees there is exactly one. */
    public VantageSettings control() {
        return vantages.stream().filter(VantageSettings::isControl).findFirst().orElseThrow();
    }

    /**
     * Returns the names of a comma-separated vantage selection such as {@code CN,US}, or the names
     * of all vantages when the selection is null or blank.
     *
     * @param source the option or parameter that gave the selection, for the error message
     * @throws ConfigException when the selection names a vantage this file does not define
     */
    public List<String> selectVantageNames(String selection, String source) {
        List<String> known = vantages.stream().map(VantageSettings::name).toList();
        if (selection == null || selection.isBlank()) {
            return known;
        }
        List<String> wanted = Arrays.stream(selection.split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).distinct().toList();
        if (wanted.isEmpty()) {
            throw new ConfigException(source + " '" + selection + "' names no vantage. Give names from " + file
                    + ", such as " + String.join(",", known) + ", or leave it out to use all vantages.");
        }
        for (String name : wanted) {
            if (!known.contains(name)) {
                throw new ConfigException(source + " names vantage '" + name + "', which " + file
                        + " does not define. Known vantages: " + String.join(", ", known)
                        + ". Use one of these, or add the vantage to " + file + ".");
            }
        }
        return wanted;
    }

    /** Returns the budgets that apply in the given world. */
    public Budgets budgetsFor(World target) {
        return target == World.LAB ? lab.budgets().over(budgets) : budgets;
    }

    /** Returns this configuration with the world replaced, as {@code -Dworld=lab} does. */
    public DriversConfig withWorld(World target) {
        return new DriversConfig(file, target, driver, vantages, budgets, capture, lab);
    }

    /** Returns this configuration with the driver section replaced, as {@code -Ddriver.engine} does. */
    public DriversConfig withDriver(DriverSettings newDriver) {
        return new DriversConfig(file, world, newDriver, vantages, budgets, capture, lab);
    }
}
