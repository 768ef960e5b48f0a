package org.geowall.engine;

import java.net.URI;
import java.nio.file.Path;
import org.geowall.config.Budgets;

/** What an engine should load: the URL, through which proxy, where to put the evidence, and the budgets. */
public record LoadRequest(URI url, ProxySettings proxy, Path evidenceDirectory, Budgets budgets) {
}
