package dev.warroom.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the Debian package, on a free loopback port in a temp dir.
 * initdb refuses to run as root, so as root every server command runs as {@code postgres} (or
 * {@code nobody}) through runuser, in a directory that user owns.
 */
final class PostgresServer implements AutoCloseable {
    private static final String SUPERUSER = "warroom";
    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final List<String> asUser;
    private final int port;
    private final Thread stopOnExit;
    private int databases;

    private PostgresServer(Path bin, Path dir, List<String> asUser, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asUser = asUser;
        this.port = port;
        this.stopOnExit = new Thread(this::stopQuietly, "postgres-stop");
    }

    /** Why tests on PostgreSQL cannot run here. */
    static final String NOT_INSTALLED = "PostgreSQL server binaries not found under " + VERSIONS
            + "/*/bin (apt-get install postgresql)";

    /**
     * Starts a cluster; null when PostgreSQL is not installed, unless {@code WARROOM_REQUIRE_POSTGRES=1}
     * (set by CI) makes a missing server a failure.
     */
    static PostgresServer startIfInstalled() throws IOException, InterruptedException {
        Path bin = findBin();
        if (bin == null) {
            if ("1".equals(System.getenv("WARROOM_REQUIRE_POSTGRES"))) {
                throw new AssertionError(NOT_INSTALLED + ", and WARROOM_REQUIRE_POSTGRES=1 requires them");
            }
            return null;
        }
        Path dir = Files.createTempDirectory("warroom-pg");
        List<String> asUser = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = userExists("postgres") ? "postgres" : "nobody";
            chown(dir, user);
            asUser = List.of("runuser", "-u", user, "--");
        }
        PostgresServer server = new PostgresServer(bin, dir, asUser, freePort());
        try {
            server.start();
        } catch (IOException | RuntimeException | Error e) {
            server.stopQuietly();
            Runtime.getRuntime().removeShutdownHook(server.stopOnExit);
            deleteTree(dir);
            throw e;
        }
        return server;
    }

    /** A fresh, empty database, so each test starts from an unmigrated schema. */
    String createDatabase() throws SQLException {
        String name = "warroom_t" + (++databases);
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String user() {
        return SUPERUSER;
    }

    private void start() throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"), 120);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        // durability is the H2 tests' business; here fsync only slows the shared machine down
        String options = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-o", options, "-w", "-t", "60", "start"), 90);
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            deleteTree(dir);
        }
    }

    private void stop() {
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), 60);
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop PostgreSQL in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL in " + dir, e);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
        }
    }

    private void run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(command);
        Path out = dir.resolve("command.out");
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile());
        // the server's locale must not depend on whoever runs the build
        Map<String, String> env = pb.environment();
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", full) + " did not finish in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            throw new IOException(String.join(" ", full) + " exited " + p.exitValue() + ":\n" + Files.readString(out)
                    + log);
        }
    }

    private static Path findBin() throws IOException {
        Path preferred = VERSIONS.resolve("15").resolve("bin");
        if (Files.isExecutable(preferred.resolve("initdb"))) {
            return preferred;
        }
        if (!Files.isDirectory(VERSIONS)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString())).orElse(null);
        }
    }

    private static boolean userExists(String user) {
        try {
            Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void chown(Path dir, String user) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(user));
        // Debian gives postgres its own group; nobody's is nogroup
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("nobody".equals(user) ? "nogroup" : user);
        view.setGroup(group);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("cannot delete " + root + ": " + e.getMessage());
        }
    }
}
