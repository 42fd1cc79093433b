package dev.siyu.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Protection of personal fields: encryption for storage, blind indexes for lookups by
 * equality, and keyed digests for change detection. Thread-safe; each thread keeps its
 * own cipher, MACs and random generator.
 *
 * <p>
 * A ciphertext is {@code [format 1][key id, 2 bytes][IV, 12 bytes][AES-256-GCM
 * ciphertext and 16-byte tag]}; the first three bytes are authenticated too.
 */
@Component
public class PersonalData {

	static final byte FORMAT = 1;

	static final int HEADER_BYTES = 3;

	static final int IV_BYTES = 12;

	static final int TAG_BYTES = 16;

	static final int INDEX_BYTES = 16;

	private static final int PREFIX_BYTES = HEADER_BYTES + IV_BYTES;

	private final PersonalDataKeys keys;

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalData::newCipher);

	private final ThreadLocal<Ivs> ivs = ThreadLocal.withInitial(Ivs::new);

	private final ThreadLocal<Mac> blindIndexMacs;

	private final ThreadLocal<Mac> digestMacs;

	public PersonalData(PersonalDataKeys keys) {
		this.keys = keys;
		byte[] master = keys.keyring().blindIndexKey();
		SecretKeySpec blindIndexKey = subkey(master, "siyu blind index v1");
		SecretKeySpec digestKey = subkey(master, "siyu keyed digest v1");
		Arrays.fill(master, (byte) 0);
		this.blindIndexMacs = ThreadLocal.withInitial(() -> newMac(blindIndexKey));
		this.digestMacs = ThreadLocal.withInitial(() -> newMac(digestKey));
	}

	/** Encrypts with the current key and a random IV; null stays null. */
	public byte[] encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
		Keyring keyring = this.keys.keyring();
		int keyId = keyring.currentKeyId();
		byte[] out = new byte[PREFIX_BYTES + plain.length + TAG_BYTES];
		out[0] = FORMAT;
		out[1] = (byte) (keyId >>> 8);
		out[2] = (byte) keyId;
		this.ivs.get().next(out, HEADER_BYTES);
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keyring.currentKey(),
					new GCMParameterSpec(TAG_BYTES * 8, out, HEADER_BYTES, IV_BYTES));
			cipher.updateAAD(out, 0, HEADER_BYTES);
			cipher.doFinal(plain, 0, plain.length, out, PREFIX_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
		return out;
	}

	/**
	 * Decrypts with the key named in the ciphertext, current or older; null stays null.
	 * @throws PersonalDataException when the key is missing or the ciphertext was altered
	 */
	public String decrypt(byte[] ciphertext) {
		if (ciphertext == null) {
			return null;
		}
		if (ciphertext.length < PREFIX_BYTES + TAG_BYTES) {
			throw new PersonalDataException(
					"Not an encrypted personal field: " + ciphertext.length + " bytes is shorter than any ciphertext");
		}
		if (ciphertext[0] != FORMAT) {
			throw new PersonalDataException("Unknown personal data ciphertext format " + ciphertext[0]);
		}
		int keyId = ((ciphertext[1] & 0xFF) << 8) | (ciphertext[2] & 0xFF);
		Keyring keyring = this.keys.keyringWith(keyId);
		if (keyring == null) {
			throw missingKey(keyId);
		}
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, keyring.key(keyId),
					new GCMParameterSpec(TAG_BYTES * 8, ciphertext, HEADER_BYTES, IV_BYTES));
			cipher.updateAAD(ciphertext, 0, HEADER_BYTES);
			byte[] plain = cipher.doFinal(ciphertext, PREFIX_BYTES, ciphertext.length - PREFIX_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new PersonalDataException("An encrypted personal field failed its integrity check: "
					+ "it was altered, truncated, or encrypted under another keyring with the same key id", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	/**
	 * A 16-byte keyed index of a normalized value, the same in every process using the
	 * same keys, so that equal values can be found without decrypting. The kind (e.g.
	 * {@code phone}, {@code email}) separates domains: equal text of two kinds gives
	 * unrelated indexes. Null value gives null.
	 */
	public byte[] blindIndex(String kind, String normalizedValue) {
		if (kind == null || kind.isEmpty() || kind.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("A blind index needs a kind without NUL characters, not '" + kind + "'");
		}
		if (normalizedValue == null) {
			return null;
		}
		Mac mac = this.blindIndexMacs.get();
		mac.update(kind.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		mac.update(normalizedValue.getBytes(StandardCharsets.UTF_8));
		return Arrays.copyOf(mac.doFinal(), INDEX_BYTES);
	}

	/**
	 * A 16-byte keyed digest of canonical content, e.g. the fields of a row to detect
	 * changes: unlike a plain hash it cannot be used to confirm a guessed phone number.
	 * Parts are length-prefixed, so {@code ("ab", "c")} and {@code ("a", "bc")} differ,
	 * and a null part differs from an empty one.
	 */
	public byte[] keyedDigest(byte[]... parts) {
		Mac mac = this.digestMacs.get();
		for (byte[] part : parts) {
			digestPart(mac, part, (part != null) ? part.length : -1);
		}
		return Arrays.copyOf(mac.doFinal(), INDEX_BYTES);
	}

	/**
	 * {@link #keyedDigest(byte[]...)} of one part, the first {@code length} bytes of
	 * {@code bytes}.
	 */
	public byte[] keyedDigest(byte[] bytes, int length) {
		Mac mac = this.digestMacs.get();
		digestPart(mac, bytes, length);
		return Arrays.copyOf(mac.doFinal(), INDEX_BYTES);
	}

	/** A part of a keyed digest: its length (-1 for null), then its bytes. */
	private static void digestPart(Mac mac, byte[] bytes, int length) {
		mac.update(new byte[] { (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length });
		if (bytes != null) {
			mac.update(bytes, 0, length);
		}
	}

	/** {@link #keyedDigest(byte[]...)} of the parts in UTF-8. */
	public byte[] keyedDigest(String... parts) {
		byte[][] bytes = new byte[parts.length][];
		for (int i = 0; i < parts.length; i++) {
			bytes[i] = (parts[i] != null) ? parts[i].getBytes(StandardCharsets.UTF_8) : null;
		}
		return keyedDigest(bytes);
	}

	private PersonalDataException missingKey(int keyId) {
		String where = this.keys.file().map((file) -> "the key file " + file).orElse("the setting " + KeyFile.KEYS);
		return new PersonalDataException("This personal field was encrypted with key " + keyId
				+ ", which the keyring does not have (it has " + this.keys.keyring() + "). Restore key " + keyId
				+ " to " + where + " from a backup to read it.");
	}

	private static SecretKeySpec subkey(byte[] master, String purpose) {
		Mac mac = newMac(new SecretKeySpec(master, "HmacSHA256"));
		return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM is not available", ex);
		}
	}

	/**
	 * Random IVs drawn from a per-thread generator in blocks: one request per IV would
	 * cost more than the encryption itself.
	 */
	private static final class Ivs {

		private final SecureRandom random = newRandom();

		private final byte[] block = new byte[IV_BYTES * 256];

		private int next = this.block.length;

		void next(byte[] target, int offset) {
			if (this.next == this.block.length) {
				this.random.nextBytes(this.block);
				this.next = 0;
			}
			System.arraycopy(this.block, this.next, target, offset, IV_BYTES);
			this.next += IV_BYTES;
		}

		private static SecureRandom newRandom() {
			try {
				return SecureRandom.getInstance("DRBG");
			}
			catch (NoSuchAlgorithmException ex) {
				return new SecureRandom();
			}
		}

	}

}
