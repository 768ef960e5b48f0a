package org.geowall.config;

/**
 * The {@code lab} section of {@code drivers.yaml}: how the embedded lab world is built.
 *
 * @param seed    the seed of the scenario assignment, so the same site list gives the same world
 * @param mix     {@code demo} (accessible, 403, reset, drop, NXDOMAIN) or {@code full} (every scenario)
 * @param budgets budgets that replace the main ones in the lab, where nothing is far away
 */
public record LabSettings(Long seed, String mix, Budgets budgets) {

    public static LabSettings defaults() {
        return new LabSettings(2026L, "demo", new Budgets(8, 2, 5, null));
    }

    LabSettings withDefaults() {
        LabSettings d = defaults();
        return new LabSettings(seed == null ? d.seed : seed, mix == null ? d.mix : mix,
                budgets == null ? d.budgets : budgets);
    }
}
