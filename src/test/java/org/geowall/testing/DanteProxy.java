package org.geowall.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's dante-server as a SOCKS5 proxy that exits from a given loopback address and may reach
 * only the lab's site addresses. Clients send it addresses, not names, because dante resolves
 * names through the system resolver, which does not know the lab.
 */
public final class DanteProxy extends ExternalProxy {

    private static final Path DANTED = Path.of("/usr/sbin/danted");

    public DanteProxy(String exitAddress) throws IOException {
        super("dante");
        Files.writeString(folder.resolve("danted.conf"), configuration(exitAddress), StandardCharsets.UTF_8);
    }

    private String configuration(String exitAddress) {
        return String.join("\n",
                "logoutput: stderr",
                "internal: 127.0.0.1 port = " + port,
                "external: " + exitAddress,
                "clientmethod: none",
                "socksmethod: none",
                "user.privileged: root",
                "user.unprivileged: nobody",
                "client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }",
                "socks pass { from: 127.0.0.0/8 to: 127.1.0.0/16 command: connect }",
                "socks block { from: 0.0.0.0/0 to: 0.0.0.0/0 }",
                "");
    }

    @Override
    protected List<String> command() {
        return List.of(DANTED.toString(), "-f", folder.resolve("danted.conf").toString());
    }

    @Override
    protected Path executable() {
        return DANTED;
    }

    @Override
    protected String packageName() {
        return "dante-server";
    }
}
