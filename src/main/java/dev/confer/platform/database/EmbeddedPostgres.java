package dev.confer.platform.database;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.logging.Log;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from the binaries published on Maven Central (io.zonky), with its
 * data in a directory that survives restarts. PostgreSQL refuses to run as root, so when this JVM is
 * root the server runs as the unprivileged user {@code nobody} via {@code setpriv}.
 *
 * <p>If a server left behind by a killed JVM still runs on the data directory, it is reused. A watchdog
 * starts the server again if it dies while the application runs.
 */
final class EmbeddedPostgres {

    private static final int NOBODY = 65534;

    private final Log log;
    private final Path dataDir;
    private final Path binDir;
    private final boolean asNobody;
    private static final java.time.Duration WATCH_INTERVAL = java.time.Duration.ofSeconds(1);

    private volatile int port;
    private boolean startedHere;
    private volatile boolean stopping;
    private Thread watchdog;

    EmbeddedPostgres(Path baseDir, Log log) {
        this.log = log;
        this.dataDir = baseDir.resolve("postgres").toAbsolutePath();
        this.asNobody = "root".equals(System.getProperty("user.name"));
        this.binDir = binariesDir(baseDir.toAbsolutePath(), asNobody, log);
    }

    /**
     * Where the binaries are unpacked: beside the data, unless this JVM is root and the data directory lies below
     * a directory that other users may not enter (root's home, a {@code mktemp -d}). There the server, running as
     * {@code nobody}, could still reach its data (the ambient {@code dac_read_search} capability), but initdb and
     * pg_ctl check their own programs with {@code access()}, which ignores capabilities. Then the binaries go to a
     * root-owned, world-readable directory under {@code /var/tmp} (kept across restarts, one per archive), which
     * holds nothing but PostgreSQL's published programs.
     */
    static Path binariesDir(Path baseDir, boolean asNobody, Log log) {
        Path beside = baseDir.resolve("pg-binaries");
        if (!asNobody || othersMayEnter(baseDir)) {
            return beside;
        }
        Path tmp = Path.of(Files.isDirectory(Path.of("/var/tmp")) ? "/var/tmp" : System.getProperty("java.io.tmpdir"));
        String archive = PostgresArchive.forThisMachine();
        Path shared = tmp.resolve("confer-" + archive.replace(".txz", ""));
        try {
            if (Files.exists(shared, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !safeForRoot(shared)) {
                shared = Files.createTempDirectory(tmp, "confer-postgres-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a directory for the PostgreSQL binaries in " + tmp, e);
        }
        log.info("The data directory " + baseDir + " is closed to other users; PostgreSQL's programs (run as nobody) go to "
                + shared);
        return shared;
    }

    /** Every directory from the root down to {@code dir} lets other users pass (o+x). */
    static boolean othersMayEnter(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** A directory only root can change: owned by root, a real directory, not writable by group or others. */
    private static boolean safeForRoot(Path dir) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return owner == 0 && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    int port() {
        return port;
    }

    /** Starts the server; {@code fresh} first stops any server left on the directory and wipes the data. */
    synchronized void start(boolean fresh) {
        try {
            extractBinaries();
            if (fresh) {
                if (runningPort() != null) {
                    run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
                }
                org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            }
            Integer running = runningPort();
            if (running != null) {
                // left behind by a JVM that was killed: adopt it (and stop it when we stop)
                port = running;
                startedHere = true;
                log.info("Reusing PostgreSQL already running on " + dataDir + " (port " + port + ")");
                watch();
                return;
            }
            port = freePort();
            startServer();
            startedHere = true;
            log.info("Started embedded PostgreSQL " + "on port " + port + " with data in " + dataDir);
            watch();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    synchronized void stop() {
        stopping = true;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        if (!startedHere) {
            return;
        }
        try {
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
            startedHere = false;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop embedded PostgreSQL cleanly: " + e.getMessage());
        }
    }

    private void startServer() throws IOException {
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", dataDir.resolve("server.log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                        + " -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on"
                        + " -c max_wal_size=2GB -c checkpoint_timeout=15min",
                "start"));
    }

    /**
     * Supervises the postmaster: checked every {@link #WATCH_INTERVAL}; when it has died (killed, OOM
     * killer) it is started again on the same data directory and port, after PostgreSQL's own crash
     * recovery, so the connection pool reconnects without an application restart.
     */
    private void watch() {
        if (watchdog != null) {
            return;
        }
        watchdog = Thread.ofPlatform().daemon(true).name("embedded-postgres-watchdog").start(() -> {
            while (!stopping) {
                try {
                    Thread.sleep(WATCH_INTERVAL.toMillis());
                    if (!stopping && runningPort() == null) {
                        restartAfterDeath();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.warn("Embedded PostgreSQL watchdog: " + e.getMessage());
                }
            }
        });
    }

    private void restartAfterDeath() throws InterruptedException {
        log.warn("Embedded PostgreSQL on port " + port + " is gone; starting it again on " + dataDir);
        long began = System.nanoTime();
        for (int attempt = 1; !stopping; attempt++) {
            synchronized (this) {
                if (stopping) {
                    return;
                }
                try {
                    startServer();
                    log.warn("Embedded PostgreSQL is back on port " + port + " after "
                            + (System.nanoTime() - began) / 1_000_000 + " ms");
                    return;
                } catch (IOException | RuntimeException e) {
                    // typically: its old backends still hold the shared memory or the port for a moment
                    if (attempt == 1 || attempt % 10 == 0) {
                        log.warn("Embedded PostgreSQL did not start yet (attempt " + attempt + "), trying again: "
                                + firstLine(e.getMessage()));
                    }
                }
            }
            Thread.sleep(WATCH_INTERVAL.toMillis());
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The port of a postmaster that still runs on our data directory, or null. */
    private Integer runningPort() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return null;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
        if (!alive) {
            return null; // stale pid file: pg_ctl start handles it
        }
        return Integer.parseInt(lines.get(3).trim());
    }

    /** A killed postmaster whose parent does not reap it (e.g. PID 1 in a container) is dead, though its pid remains. */
    private static boolean zombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            return end > 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false; // no /proc (macOS): ProcessHandle's answer stands
        }
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        if (asNobody) {
            chown(dataDir);
        }
        run(List.of(bin("initdb"), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(),
                "-E", "UTF-8", "--locale=C"));
    }

    /** Unpacks the binaries once; another JVM unpacking into the same place at the same moment waits for it. */
    private void extractBinaries() throws IOException {
        Path marker = binDir.resolve(".complete");
        if (Files.exists(marker) && Files.exists(binDir.resolve("bin").resolve("postgres"))) {
            return;
        }
        Files.createDirectories(binDir.getParent());
        Path lockFile = binDir.resolveSibling(binDir.getFileName() + ".lock");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock ignored = channel.lock()) {
            if (Files.exists(marker) && Files.exists(binDir.resolve("bin").resolve("postgres"))) {
                return;
            }
            Files.deleteIfExists(marker);
            unpack(marker);
        }
    }

    private void unpack(Path marker) throws IOException {
        Files.createDirectories(binDir);
        Files.setPosixFilePermissions(binDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String archive = PostgresArchive.forThisMachine();
        try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(archive)) {
            if (raw == null) {
                throw new IOException(archive + " is not in this build: it was built for another platform. Build it here"
                        + " (./mvnw package picks this machine's profile, " + PostgresArchive.profileFor(archive)
                        + "), or set SPRING_DATASOURCE_URL to use an external PostgreSQL.");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                List<TarArchiveEntry> links = new ArrayList<>();
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = binDir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(binDir)) {
                        throw new IOException("Archive entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        links.add(entry);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        boolean exec = (entry.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
                for (TarArchiveEntry link : links) {
                    Path target = binDir.resolve(link.getName());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(link.getLinkName()));
                }
            }
        }
        makeTraversable(binDir);
        Files.createFile(marker);
    }

    private static void makeTraversable(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private String bin(String name) {
        return binDir.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            // PostgreSQL will not run as root. Ambient dac_read_search lets the server reach a data
            // directory below a home directory that only root may enter.
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                    "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("confer-pg", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0) {
                throw new IOException("Failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n" + Files.readString(out)
                        + tail(dataDir.resolve("server.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", full), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) return "";
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void chown(Path dir) throws IOException {
        Files.setAttribute(dir, "unix:uid", NOBODY);
        Files.setAttribute(dir, "unix:gid", NOBODY);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
