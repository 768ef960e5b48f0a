package org.geowall.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A proxy server from the system's packages (squid, dante) run in the foreground for a test, with
 * its configuration and logs in a temporary folder, listening on 127.0.0.1 only.
 */
public abstract class ExternalProxy implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    protected final Path folder;
    protected final int port;
    private Process process;

    protected ExternalProxy(String name) throws IOException {
        this.folder = Files.createTempDirectory("geowall-" + name + "-");
        // The proxies drop root privileges, so their unprivileged user must be able to write here.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    /** Returns the command that runs the proxy in the foreground. */
    protected abstract List<String> command();

    /** Returns the executable the proxy needs, for the error shown when it is not installed. */
    protected abstract Path executable();

    protected abstract String packageName();

    public void start() throws IOException, InterruptedException {
        if (!Files.isExecutable(executable())) {
            throw new IllegalStateException(executable() + " not found: install it with "
                    + "apt-get install -y " + packageName() + " (.ci/run does this)");
        }
        process = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("output.log").toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(packageName() + " exited with " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("output.log")));
            }
            if (listening()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(packageName() + " did not listen on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s: " + Files.readString(folder.resolve("output.log")));
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Returns the proxy's own log output so far, for assertion messages. */
    public String log() throws IOException {
        return Files.readString(folder.resolve("output.log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
