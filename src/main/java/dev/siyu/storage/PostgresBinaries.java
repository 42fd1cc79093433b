package dev.siyu.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries shipped in the zonky binaries jar, unpacked once per
 * user into a cache folder and shared by every data directory.
 */
final class PostgresBinaries {

	private final Path home;

	private PostgresBinaries(Path home) {
		this.home = home;
	}

	static PostgresBinaries unpacked() {
		Path cache = Path.of(System.getProperty("user.home"), ".cache", "siyu", "postgres-" + version());
		Path ready = cache.resolve(".ready");
		if (Files.exists(ready)) {
			return new PostgresBinaries(cache);
		}
		try {
			Files.createDirectories(cache.getParent());
			try (FileChannel channel = FileChannel.open(cache.getParent().resolve(cache.getFileName() + ".lock"),
					StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				if (!Files.exists(ready)) {
					unpack(cache);
					Files.createFile(ready);
				}
			}
			return new PostgresBinaries(cache);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL binaries into " + cache, ex);
		}
	}

	Path bin(String program) {
		return this.home.resolve("bin").resolve(program);
	}

	/**
	 * The binaries jar's version, read from where its archive is found, names the cache
	 * folder.
	 */
	private static String version() {
		URL archive = PostgresBinaries.class.getResource("/postgres-" + os().toLowerCase() + "-" + arch() + ".txz");
		if (archive == null) {
			throw new IllegalStateException("No embedded PostgreSQL binaries for " + os() + " " + arch()
					+ "; set --db to use an external PostgreSQL");
		}
		Matcher matcher = Pattern.compile("-(\\d+\\.\\d+\\.\\d+)\\.jar").matcher(archive.toString());
		return matcher.find() ? matcher.group(1) : Integer.toHexString(archive.toString().hashCode());
	}

	private static void unpack(Path target) throws IOException {
		Folders.delete(target);
		Files.createDirectories(target);
		try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os(), arch());
				TarArchiveInputStream tar = new TarArchiveInputStream(
						new XZCompressorInputStream(new BufferedInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Archive entry escapes the target folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.deleteIfExists(path);
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
	}

	private static String os() {
		String name = System.getProperty("os.name");
		return name.startsWith("Mac") ? "Darwin" : name.startsWith("Windows") ? "Windows" : "Linux";
	}

	private static String arch() {
		String arch = System.getProperty("os.arch");
		return switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> arch;
		};
	}

}
