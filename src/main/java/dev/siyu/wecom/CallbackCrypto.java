package dev.siyu.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback cryptography: SHA-1 signatures over the sorted token, timestamp, nonce
 * and ciphertext; AES-256-CBC with the IV taken from the key and PKCS#7 padding to a
 * 32-byte block; a plaintext of 16 random bytes, a big-endian length, the message and the
 * receive id, which must be ours. Thread-safe.
 */
public final class CallbackCrypto {

	private static final int BLOCK = 32;

	private static final SecureRandom random = new SecureRandom();

	private final String token;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final String receiveId;

	/** A decrypting cipher per thread, initialised once: the key and IV never change. */
	private final ThreadLocal<Cipher> decrypting = ThreadLocal.withInitial(this::newDecryptingCipher);

	public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
		if (token == null || token.isEmpty()) {
			throw new IllegalArgumentException("the callback token is empty");
		}
		this.token = token;
		this.receiveId = receiveId;
		byte[] raw = aesKey(encodingAesKey);
		this.key = new SecretKeySpec(raw, "AES");
		this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
	}

	/** Checks that an EncodingAESKey is 43 Base64 characters naming 32 bytes. */
	public static byte[] aesKey(String encodingAesKey) {
		if (encodingAesKey == null || encodingAesKey.length() != 43) {
			throw new CallbackRejected(CallbackRejected.AES_KEY, "the EncodingAESKey must be 43 characters, got "
					+ ((encodingAesKey == null) ? "none" : encodingAesKey.length()));
		}
		try {
			return Base64.getDecoder().decode(encodingAesKey + "=");
		}
		catch (IllegalArgumentException ex) {
			throw new CallbackRejected(CallbackRejected.AES_KEY,
					"the EncodingAESKey is not Base64: " + ex.getMessage());
		}
	}

	/** Lower-case hex SHA-1 of the four strings sorted and concatenated. */
	public String signature(String timestamp, String nonce, String encrypted) {
		String[] parts = { this.token, nullToEmpty(timestamp), nullToEmpty(nonce), nullToEmpty(encrypted) };
		Arrays.sort(parts);
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			for (String part : parts) {
				sha1.update(part.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha1.digest());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	/** Verifies the signature (in constant time), then decrypts. */
	public String open(String signature, String timestamp, String nonce, String encrypted) {
		if (signature == null || encrypted == null) {
			throw new CallbackRejected(CallbackRejected.SIGNATURE, "msg_signature or the ciphertext is missing");
		}
		byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
			throw new CallbackRejected(CallbackRejected.SIGNATURE, "msg_signature does not match");
		}
		return decrypt(encrypted);
	}

	/** Decrypts a ciphertext and checks that it was meant for our receive id. */
	public String decrypt(String encrypted) {
		byte[] plain;
		try {
			byte[] cipherText = Base64.getDecoder().decode(encrypted);
			plain = this.decrypting.get().doFinal(cipherText);
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			// a cipher that failed midway is not reused
			this.decrypting.remove();
			throw new CallbackRejected(CallbackRejected.DECRYPT,
					"the ciphertext cannot be decrypted: " + ex.getMessage());
		}
		int pad = (plain.length > 0) ? plain[plain.length - 1] & 0xFF : 0;
		if (pad < 1 || pad > BLOCK || pad > plain.length) {
			throw new CallbackRejected(CallbackRejected.BUFFER, "the padding is invalid (" + pad + ")");
		}
		int end = plain.length - pad;
		if (end < 20) {
			throw new CallbackRejected(CallbackRejected.BUFFER, "the plaintext is too short (" + end + " bytes)");
		}
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		if (length < 0 || 20 + length > end) {
			throw new CallbackRejected(CallbackRejected.BUFFER,
					"the message length " + length + " exceeds the plaintext (" + (end - 20) + " bytes)");
		}
		String message = new String(plain, 20, length, StandardCharsets.UTF_8);
		String from = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
		if (!from.equals(this.receiveId)) {
			throw new CallbackRejected(CallbackRejected.RECEIVE_ID,
					"the message is for receive id '" + from + "', not '" + this.receiveId + "'");
		}
		return message;
	}

	private Cipher newDecryptingCipher() {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, this.iv);
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-CBC is not available", ex);
		}
	}

	/** Encrypts with a fresh random prefix. */
	public String encrypt(String message) {
		byte[] prefix = new byte[16];
		random.nextBytes(prefix);
		return encrypt(prefix, message);
	}

	String encrypt(byte[] randomPrefix, String message) {
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] id = this.receiveId.getBytes(StandardCharsets.UTF_8);
		int length = 20 + text.length + id.length;
		int pad = BLOCK - (length % BLOCK);
		ByteBuffer buffer = ByteBuffer.allocate(length + pad);
		buffer.put(randomPrefix, 0, 16).putInt(text.length).put(text).put(id);
		while (buffer.hasRemaining()) {
			buffer.put((byte) pad);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, this.iv);
			return Base64.getEncoder().encodeToString(cipher.doFinal(buffer.array()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-CBC encryption failed", ex);
		}
	}

	/** A POST body as WeCom sends it: the ciphertext in an XML envelope. */
	public String envelope(String encrypted, String agentId) {
		return "<xml><ToUserName><![CDATA[" + this.receiveId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
				+ "]]></Encrypt><AgentID><![CDATA[" + nullToEmpty(agentId) + "]]></AgentID></xml>";
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
