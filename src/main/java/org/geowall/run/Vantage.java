package org.geowall.run;

import org.geowall.engine.ProxySettings;

/** A vantage ready to measure through: its name, country, role, proxy and the proxy's error header. */
public record Vantage(String name, String country, boolean control, ProxySettings proxy, String errorHeader) {
}
