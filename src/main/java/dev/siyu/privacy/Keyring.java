package dev.siyu.privacy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets protecting personal data: numbered AES-256 keys (one of them current, used
 * to encrypt; the others still decrypt) and the blind-index key, which never rotates
 * because every stored index depends on it. Immutable.
 *
 * <p>
 * Text form, as in configuration: keys {@code 1:<base64>,2:<base64>}, the current id, and
 * the blind-index key in base64, each key 32 bytes.
 */
public final class Keyring {

	static final int KEY_BYTES = 32;

	static final int MAX_KEY_ID = 0xFFFF;

	private static final SecureRandom random = new SecureRandom();

	private final NavigableMap<Integer, SecretKeySpec> keys;

	private final int currentKeyId;

	private final byte[] blindIndexKey;

	private Keyring(Map<Integer, SecretKeySpec> keys, int currentKeyId, byte[] blindIndexKey) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("A keyring needs at least one encryption key");
		}
		if (!keys.containsKey(currentKeyId)) {
			throw new IllegalArgumentException(
					"The current key id " + currentKeyId + " is not among the keys " + keys.keySet());
		}
		if (blindIndexKey.length != KEY_BYTES) {
			throw new IllegalArgumentException("The blind-index key must be " + KEY_BYTES + " bytes");
		}
		this.keys = Collections.unmodifiableNavigableMap(new TreeMap<>(keys));
		this.currentKeyId = currentKeyId;
		this.blindIndexKey = blindIndexKey.clone();
	}

	/** A fresh keyring with key 1 and a new blind-index key. */
	public static Keyring generate() {
		return new Keyring(Map.of(1, aesKey(randomBytes())), 1, randomBytes());
	}

	/**
	 * Reads the text form.
	 * @param keys comma-separated {@code id:base64}
	 * @param currentKeyId the id to encrypt with; blank for the highest
	 * @param blindIndexKey base64
	 * @throws IllegalArgumentException naming what is wrong, never echoing a key
	 */
	public static Keyring parse(String keys, String currentKeyId, String blindIndexKey) {
		if (isBlank(keys)) {
			throw new IllegalArgumentException("No encryption keys given (siyu.privacy.keys)");
		}
		if (isBlank(blindIndexKey)) {
			throw new IllegalArgumentException("No blind-index key given (siyu.privacy.blind-index-key): "
					+ "it cannot be generated without making existing indexes useless");
		}
		TreeMap<Integer, SecretKeySpec> parsed = new TreeMap<>();
		for (String entry : keys.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int colon = entry.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException("An encryption key must be written id:base64, e.g. 1:AAAA...");
			}
			int id = keyId(entry.substring(0, colon));
			if (parsed.put(id, aesKey(decode(entry.substring(colon + 1), "key " + id))) != null) {
				throw new IllegalArgumentException("Key id " + id + " is given twice");
			}
		}
		int current = isBlank(currentKeyId) ? parsed.lastKey() : keyId(currentKeyId);
		return new Keyring(parsed, current, decode(blindIndexKey, "the blind-index key"));
	}

	/** This keyring plus a new key, one above the highest id, which becomes current. */
	public Keyring withNewKey() {
		int id = highestKeyId() + 1;
		if (id > MAX_KEY_ID) {
			throw new IllegalStateException("No key ids left: the highest is " + MAX_KEY_ID);
		}
		TreeMap<Integer, SecretKeySpec> extended = new TreeMap<>(this.keys);
		extended.put(id, aesKey(randomBytes()));
		return new Keyring(extended, id, this.blindIndexKey);
	}

	public int currentKeyId() {
		return this.currentKeyId;
	}

	public int highestKeyId() {
		return this.keys.lastKey();
	}

	/** Whether data encrypted with this key id can be read. */
	public boolean hasKey(int id) {
		return this.keys.containsKey(id);
	}

	SecretKeySpec key(int id) {
		return this.keys.get(id);
	}

	SecretKeySpec currentKey() {
		return this.keys.get(this.currentKeyId);
	}

	byte[] blindIndexKey() {
		return this.blindIndexKey.clone();
	}

	/** The keys in text form, {@code 1:<base64>,2:<base64>}. */
	String keysText() {
		StringJoiner text = new StringJoiner(",");
		Base64.Encoder base64 = Base64.getEncoder();
		this.keys.forEach((id, key) -> text.add(id + ":" + base64.encodeToString(key.getEncoded())));
		return text.toString();
	}

	String blindIndexKeyText() {
		return Base64.getEncoder().encodeToString(this.blindIndexKey);
	}

	/** Same secrets, same ids, same current key. */
	boolean sameAs(Keyring other) {
		return keysText().equals(other.keysText()) && this.currentKeyId == other.currentKeyId
				&& Arrays.equals(this.blindIndexKey, other.blindIndexKey);
	}

	@Override
	public String toString() {
		return "Keyring[keys=" + this.keys.keySet() + ", current=" + this.currentKeyId + "]";
	}

	private static int keyId(String text) {
		String digits = text.strip();
		if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
			int id = Integer.parseInt(digits);
			if (id >= 1 && id <= MAX_KEY_ID) {
				return id;
			}
		}
		throw new IllegalArgumentException(
				"A key id must be a number from 1 to " + MAX_KEY_ID + ", not '" + text + "'");
	}

	private static byte[] decode(String base64, String what) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The value of " + what + " is not valid base64");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException(
					"The value of " + what + " must be " + KEY_BYTES + " bytes (base64), not " + key.length);
		}
		return key;
	}

	private static SecretKeySpec aesKey(byte[] bytes) {
		return new SecretKeySpec(bytes, "AES");
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[KEY_BYTES];
		random.nextBytes(bytes);
		return bytes;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
