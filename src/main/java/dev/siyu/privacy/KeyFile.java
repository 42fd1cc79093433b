package dev.siyu.privacy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

/**
 * The keyring as a properties file whose lines can be pasted into configuration as they
 * are. Written to a private temporary file and renamed into place, under a file lock, so
 * processes sharing a data directory never generate two keyrings or see half a file.
 */
final class KeyFile {

	static final String KEYS = "siyu.privacy.keys";

	static final String CURRENT_KEY = "siyu.privacy.current-key";

	static final String BLIND_INDEX_KEY = "siyu.privacy.blind-index-key";

	private static final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Object jvmLock = new Object();

	private KeyFile() {
	}

	interface Action<T> {

		T run() throws IOException;

	}

	/** Runs the action holding the key file's lock, against this and other processes. */
	static <T> T locked(Path file, Action<T> action) {
		synchronized (jvmLock) {
			try {
				createPrivateDirectory(file.toAbsolutePath().getParent());
				Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
				try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
						StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
					return action.run();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot use the personal data key file " + file, ex);
			}
		}
	}

	/** The keyring in the file, or null when there is no file. */
	static Keyring read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return null;
		}
		Properties properties = new Properties();
		properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
		try {
			return Keyring.parse(properties.getProperty(KEYS), properties.getProperty(CURRENT_KEY),
					properties.getProperty(BLIND_INDEX_KEY));
		}
		catch (IllegalArgumentException ex) {
			throw new PersonalDataException("The personal data key file " + file + " is damaged: " + ex.getMessage()
					+ ". Restore it from a backup; a new keyring would not read existing data.", ex);
		}
	}

	static void write(Path file, Keyring keyring) throws IOException {
		String text = """
				# siyu personal data keys. Keep this file secret and back it up: without it, encrypted
				# personal data cannot be read and blind indexes no longer match.
				# To keep the keys in configuration instead, copy these settings there and delete this file.
				%s=%s
				%s=%d
				%s=%s
				""".formatted(KEYS, keyring.keysText(), CURRENT_KEY, keyring.currentKeyId(), BLIND_INDEX_KEY,
				keyring.blindIndexKeyText());
		Path directory = file.toAbsolutePath().getParent();
		Path temporary = posix
				? Files.createTempFile(directory, ".personal-data", ".tmp", privateAttribute("rw-------"))
				: Files.createTempFile(directory, ".personal-data", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Whether users other than the owner may read or write the file. */
	static boolean isShared(Path file) throws IOException {
		if (!posix) {
			return false;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		return permissions.stream()
			.anyMatch((permission) -> permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS"));
	}

	private static void createPrivateDirectory(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		if (posix) {
			Files.createDirectories(directory, privateAttribute("rwx------"));
		}
		else {
			Files.createDirectories(directory);
		}
	}

	private static FileAttribute<Set<PosixFilePermission>> privateAttribute(String permissions) {
		return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
	}

}
