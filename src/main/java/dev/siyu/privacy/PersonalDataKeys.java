package dev.siyu.privacy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the keyring comes from: configuration (fixed) or a key file (generated on first
 * use, rotatable). Thread-safe.
 */
public final class PersonalDataKeys {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

	private static final long RELOAD_INTERVAL_NANOS = 1_000_000_000L;

	private final Path file;

	private volatile Keyring keyring;

	private volatile long lastReload = System.nanoTime() - RELOAD_INTERVAL_NANOS;

	private PersonalDataKeys(Path file, Keyring keyring) {
		this.file = file;
		this.keyring = keyring;
	}

	/** Keys given by configuration or by a test; they cannot be rotated from here. */
	public static PersonalDataKeys of(Keyring keyring) {
		return new PersonalDataKeys(null, keyring);
	}

	/**
	 * The keyring in a key file; when the file does not exist, a new keyring is generated
	 * into it, readable by its owner only.
	 */
	public static PersonalDataKeys fromFile(Path file) {
		Path keyFile = file.toAbsolutePath().normalize();
		Keyring keyring = KeyFile.locked(keyFile, () -> {
			Keyring existing = KeyFile.read(keyFile);
			if (existing != null) {
				warnIfShared(keyFile);
				return existing;
			}
			Keyring generated = Keyring.generate();
			KeyFile.write(keyFile, generated);
			log.warn("Generated new personal data keys in {}. Back this file up now, or move its settings into "
					+ "configuration ({}, {}, {}): if it is lost, encrypted personal data can never be read again.",
					keyFile, KeyFile.KEYS, KeyFile.CURRENT_KEY, KeyFile.BLIND_INDEX_KEY);
			return generated;
		});
		return new PersonalDataKeys(keyFile, keyring);
	}

	public Keyring keyring() {
		return this.keyring;
	}

	/** The key file, unless the keys come from configuration. */
	public Optional<Path> file() {
		return Optional.ofNullable(this.file);
	}

	/**
	 * Adds a new key to the key file and makes it the one new data is encrypted with.
	 * Data encrypted before stays readable with the older keys.
	 * @return the id of the new key
	 * @throws IllegalStateException when the keys come from configuration
	 */
	public synchronized int rotate() {
		if (this.file == null) {
			throw new IllegalStateException("The personal data keys come from configuration: to rotate, add a key to "
					+ KeyFile.KEYS + " and set " + KeyFile.CURRENT_KEY + " to its id");
		}
		Keyring rotated = KeyFile.locked(this.file, () -> {
			Keyring latest = KeyFile.read(this.file);
			Keyring next = ((latest != null) ? latest : this.keyring).withNewKey();
			KeyFile.write(this.file, next);
			return next;
		});
		this.keyring = rotated;
		log.warn("Personal data key {} is now current; back up {} again, it holds the new key", rotated.currentKeyId(),
				this.file);
		return rotated.currentKeyId();
	}

	/**
	 * The keyring that has the key, re-reading the key file (at most once a second) in
	 * case another process rotated; null when the key is nowhere.
	 */
	Keyring keyringWith(int keyId) {
		Keyring current = this.keyring;
		if (current.hasKey(keyId)) {
			return current;
		}
		if (this.file == null || System.nanoTime() - this.lastReload < RELOAD_INTERVAL_NANOS) {
			return null;
		}
		synchronized (this) {
			this.lastReload = System.nanoTime();
			Keyring reloaded = KeyFile.locked(this.file, () -> KeyFile.read(this.file));
			if (reloaded == null || !reloaded.hasKey(keyId)) {
				return null;
			}
			this.keyring = reloaded;
			return reloaded;
		}
	}

	private static void warnIfShared(Path file) throws IOException {
		if (KeyFile.isShared(file)) {
			log.warn("The personal data key file {} can be read by other users; restrict it with: chmod 600 {}", file,
					file);
		}
	}

}
