package org.geowall.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's squid as an authenticating HTTP proxy that exits from a given loopback address
 * ({@code tcp_outgoing_address}), resolves names only from a hosts file, and may reach only the
 * lab's site addresses.
 */
public final class SquidProxy extends ExternalProxy {

    private static final Path SQUID = Path.of("/usr/sbin/squid");
    private static final Path NCSA_AUTH = Path.of("/usr/lib/squid/basic_ncsa_auth");

    public SquidProxy(String exitAddress, Map<String, String> hosts, String user, String password)
            throws IOException, InterruptedException {
        super("squid");
        StringBuilder hostsFile = new StringBuilder();
        hosts.forEach((name, address) -> hostsFile.append(address).append(' ').append(name).append('\n'));
        Files.writeString(folder.resolve("hosts"), hostsFile, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("passwd"), user + ":" + apr1(password) + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("squid.conf"), configuration(exitAddress), StandardCharsets.UTF_8);
    }

    private String configuration(String exitAddress) {
        return String.join("\n",
                "http_port 127.0.0.1:" + port,
                "visible_hostname geowall-test",
                "pid_filename " + folder.resolve("squid.pid"),
                "cache_log " + folder.resolve("cache.log"),
                "access_log stdio:" + folder.resolve("access.log"),
                "coredump_dir " + folder,
                "cache deny all",
                "hosts_file " + folder.resolve("hosts"),
                // Names come from the hosts file; the resolver below is loopback, so no query leaves the machine.
                "dns_nameservers 127.0.0.1",
                "auth_param basic program " + NCSA_AUTH + " " + folder.resolve("passwd"),
                "auth_param basic realm geowall-test",
                "acl authenticated proxy_auth REQUIRED",
                "acl loopback_clients src 127.0.0.0/8",
                "acl lab_sites dst 127.1.0.0/16",
                "http_access deny !lab_sites",
                "http_access allow loopback_clients authenticated",
                "http_access deny all",
                "tcp_outgoing_address " + exitAddress,
                "forwarded_for delete",
                "via off",
                "shutdown_lifetime 0 seconds",
                "");
    }

    /** Returns squid's access log so far: one line per request, with the authenticated user. */
    public String accessLog() throws IOException {
        Path log = folder.resolve("access.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Hashes a password in Apache's APR1 MD5 form, which basic_ncsa_auth reads, with the system's openssl. */
    private static String apr1(String password) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "passwd", "-apr1", password).start();
        String hash = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (openssl.waitFor() != 0 || !hash.startsWith("$apr1$")) {
            throw new IllegalStateException("openssl passwd -apr1 failed: " + hash);
        }
        return hash;
    }

    @Override
    protected List<String> command() {
        return List.of(SQUID.toString(), "-N", "-f", folder.resolve("squid.conf").toString());
    }

    @Override
    protected Path executable() {
        return SQUID;
    }

    @Override
    protected String packageName() {
        return "squid";
    }
}
