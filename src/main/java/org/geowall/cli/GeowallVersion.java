package org.geowall.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, which Maven writes at package time. */
final class GeowallVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GeowallVersion.class.getPackage().getImplementationVersion();
        return new String[] {"geowall " + (version == null ? "(development build)" : version)};
    }
}
