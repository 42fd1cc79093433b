package dev.siyu.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server living in a siyu data directory, shared by every siyu process that
 * uses that directory.
 *
 * <p>
 * Each process holds a shared lock on {@code users.lock} while it uses the server;
 * changes of who uses it happen under an exclusive {@code control.lock}. The first
 * process starts the server, the last one to leave stops it, so {@code serve} and CLI
 * commands can run side by side on one directory, and a process that crashed leaves a
 * server the next one adopts.
 */
public final class LocalPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

	static final String DATABASE = "siyu";

	static final String USER = "siyu";

	private static final Map<Path, LocalPostgres> open = new ConcurrentHashMap<>();

	private final Path dataDir;

	private final PostgresBinaries binaries;

	private final FileChannel usersChannel;

	private final FileLock usersLock;

	private final int port;

	private final String password;

	private int references = 1;

	private LocalPostgres(Path dataDir, PostgresBinaries binaries, FileChannel usersChannel, FileLock usersLock,
			int port, String password) {
		this.dataDir = dataDir;
		this.binaries = binaries;
		this.usersChannel = usersChannel;
		this.usersLock = usersLock;
		this.port = port;
		this.password = password;
	}

	/** Starts the server in {@code dataDir}, or joins the one already running there. */
	public static synchronized LocalPostgres open(Path dataDir, Map<String, String> settings) {
		Path dir = dataDir.toAbsolutePath().normalize();
		LocalPostgres existing = open.get(dir);
		if (existing != null) {
			existing.references++;
			return existing;
		}
		try {
			Files.createDirectories(dir);
			try (FileChannel control = FileChannel.open(dir.resolve("control.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock ignored = control.lock()) {
				FileChannel users = FileChannel.open(dir.resolve("users.lock"), StandardOpenOption.CREATE,
						StandardOpenOption.READ, StandardOpenOption.WRITE);
				FileLock usersLock = users.lock(0, Long.MAX_VALUE, true);
				PostgresBinaries binaries = PostgresBinaries.unpacked();
				String password = password(dir);
				Path pgdata = dir.resolve("postgres");
				if (!Files.exists(pgdata.resolve("PG_VERSION"))) {
					initdb(binaries, dir, pgdata);
				}
				int port = runningPort(binaries, dir, pgdata);
				if (port < 0) {
					port = freePort();
					start(binaries, dir, pgdata, port, settings);
				}
				LocalPostgres postgres = new LocalPostgres(dir, binaries, users, usersLock, port, password);
				postgres.ensureDatabase();
				open.put(dir, postgres);
				return postgres;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir + ": " + ex.getMessage(),
					ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	public String user() {
		return USER;
	}

	public String password() {
		return this.password;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	@Override
	public void close() {
		synchronized (LocalPostgres.class) {
			if (--this.references > 0) {
				return;
			}
			open.remove(this.dataDir);
			try (FileChannel control = FileChannel.open(this.dataDir.resolve("control.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock ignored = control.lock()) {
				this.usersLock.release();
				FileLock alone = this.usersChannel.tryLock(0, Long.MAX_VALUE, false);
				if (alone != null) {
					run(this.binaries, this.dataDir, List.of(this.binaries.bin("pg_ctl").toString(), "stop", "-D",
							this.dataDir.resolve("postgres").toString(), "-m", "fast", "-w", "-s"));
					alone.release();
				}
				this.usersChannel.close();
			}
			catch (IOException ex) {
				log.warn("Could not stop the embedded PostgreSQL cleanly: {}", ex.getMessage());
			}
		}
	}

	private void ensureDatabase() throws IOException {
		String url = "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
		try (Connection connection = DriverManager.getConnection(url, USER, this.password);
				Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (SQLException ex) {
			throw new IOException(
					"cannot connect to the embedded PostgreSQL on port " + this.port + ": " + ex.getMessage(), ex);
		}
	}

	private static String password(Path dir) throws IOException {
		Path file = dir.resolve("db-password");
		if (!Files.exists(file)) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			Files.writeString(file, HexFormat.of().formatHex(random), StandardCharsets.US_ASCII);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		return Files.readString(file, StandardCharsets.US_ASCII).trim();
	}

	private static void initdb(PostgresBinaries binaries, Path dir, Path pgdata) throws IOException {
		log.info("Creating a PostgreSQL cluster in {}", pgdata);
		Folders.delete(pgdata);
		Path pwfile = dir.resolve("db-password");
		run(binaries, dir, List.of(binaries.bin("initdb").toString(), "-D", pgdata.toString(), "-U", USER, "-E", "UTF8",
				"--locale=C", "-A", "scram-sha-256", "--pwfile=" + pwfile, "--no-sync"));
	}

	private static int runningPort(PostgresBinaries binaries, Path dir, Path pgdata) throws IOException {
		Path pid = pgdata.resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			return -1;
		}
		int status = exitCode(binaries, dir,
				List.of(binaries.bin("pg_ctl").toString(), "status", "-D", pgdata.toString()));
		if (status != 0) {
			return -1;
		}
		List<String> lines = Files.readAllLines(pid);
		return lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : -1;
	}

	private static void start(PostgresBinaries binaries, Path dir, Path pgdata, int port, Map<String, String> settings)
			throws IOException {
		StringBuilder options = new StringBuilder("-p ").append(port)
			.append(" -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
		settings.forEach((key, value) -> options.append(" -c ").append(key).append('=').append(value));
		run(binaries, dir, List.of(binaries.bin("pg_ctl").toString(), "start", "-D", pgdata.toString(), "-w", "-t",
				"120", "-s", "-l", dir.resolve("postgres.log").toString(), "-o", options.toString()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void run(PostgresBinaries binaries, Path dir, List<String> command) throws IOException {
		int code = exitCode(binaries, dir, command);
		if (code != 0) {
			String output = Files.readString(dir.resolve("pg_ctl.out"), StandardCharsets.UTF_8).trim();
			throw new IOException(Path.of(command.get(0)).getFileName() + " failed (exit " + code + "): " + output
					+ " (see " + dir.resolve("postgres.log") + ")");
		}
	}

	/**
	 * PostgreSQL refuses to run as root, so as root its programs run in a user namespace
	 * of their own where they are an ordinary user.
	 */
	private static int exitCode(PostgresBinaries binaries, Path dir, List<String> command) throws IOException {
		List<String> full = new ArrayList<>();
		if (isRoot()) {
			full.add("unshare");
			full.add("-U");
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true)
			.redirectOutput(dir.resolve("pg_ctl.out").toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		try {
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("timed out: " + String.join(" ", command));
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted: " + String.join(" ", command), ex);
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}
