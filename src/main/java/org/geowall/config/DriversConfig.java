package org.geowall.config;

import java.nio.file.Path;
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
