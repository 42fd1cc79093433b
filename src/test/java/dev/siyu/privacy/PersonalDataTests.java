package dev.siyu.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTests {

	private final Keyring keyring = Keyring.generate();

	private final PersonalData personalData = new PersonalData(PersonalDataKeys.of(this.keyring));

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "张三", "浙江省 杭州市 西湖区 文三路100号(310000)", "", "欧阳娜娜 🎉", "a\u0000b" })
	void decryptsWhatItEncrypted(String plaintext) {
		assertThat(this.personalData.decrypt(this.personalData.encrypt(plaintext))).isEqualTo(plaintext);
	}

	@Test
	void keepsNullAsNull() {
		assertThat(this.personalData.encrypt(null)).isNull();
		assertThat(this.personalData.decrypt(null)).isNull();
	}

	@Test
	void writesVersionKeyIdIvCiphertextAndTag() {
		byte[] ciphertext = this.personalData.encrypt("张三");

		assertThat(ciphertext).hasSize(1 + 2 + 12 + "张三".getBytes(StandardCharsets.UTF_8).length + 16);
		assertThat(ciphertext[0]).isEqualTo((byte) 1);
		assertThat(ciphertext[1]).isEqualTo((byte) 0);
		assertThat(ciphertext[2]).isEqualTo((byte) 1);
	}

	@Test
	void encryptsTheSameTextDifferentlyEachTime() {
		Set<String> ciphertexts = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			ciphertexts.add(HexFormat.of().formatHex(this.personalData.encrypt("13812345678")));
		}

		assertThat(ciphertexts).hasSize(100);
	}

	@Test
	void refusesAnyAlteredByte() {
		byte[] ciphertext = this.personalData.encrypt("13812345678");
		for (int i = 0; i < ciphertext.length; i++) {
			byte[] altered = ciphertext.clone();
			altered[i] ^= 0x01;

			assertThatThrownBy(() -> this.personalData.decrypt(altered)).as("byte %d altered", i)
				.isInstanceOf(PersonalDataException.class);
		}
	}

	@Test
	void refusesATruncatedCiphertext() {
		byte[] ciphertext = this.personalData.encrypt("13812345678");

		assertThatThrownBy(() -> this.personalData.decrypt(Arrays.copyOf(ciphertext, ciphertext.length - 1)))
			.isInstanceOf(PersonalDataException.class)
			.hasMessageContaining("integrity");
		assertThatThrownBy(() -> this.personalData.decrypt(new byte[10])).isInstanceOf(PersonalDataException.class)
			.hasMessageContaining("shorter");
	}

	@Test
	void cannotReadAnotherKeyringsCiphertext() {
		PersonalData other = new PersonalData(PersonalDataKeys.of(Keyring.generate()));

		assertThatThrownBy(() -> other.decrypt(this.personalData.encrypt("张三")))
			.isInstanceOf(PersonalDataException.class);
	}

	@Test
	void namesAMissingKeyClearly() {
		Keyring rotated = this.keyring.withNewKey();
		byte[] underKey2 = new PersonalData(PersonalDataKeys.of(rotated)).encrypt("张三");

		assertThatThrownBy(() -> this.personalData.decrypt(underKey2)).isInstanceOf(PersonalDataException.class)
			.hasMessageContaining("encrypted with key 2")
			.hasMessageContaining("siyu.privacy.keys");
	}

	@Test
	void decryptsOldCiphertextAfterRotationAndEncryptsWithTheNewKey() {
		byte[] underKey1 = this.personalData.encrypt("张三");
		PersonalData rotated = new PersonalData(PersonalDataKeys.of(this.keyring.withNewKey()));

		byte[] underKey2 = rotated.encrypt("李四");

		assertThat(rotated.decrypt(underKey1)).isEqualTo("张三");
		assertThat(rotated.decrypt(underKey2)).isEqualTo("李四");
		assertThat(underKey2[2]).isEqualTo((byte) 2);
	}

	@Test
	void givesTheSameBlindIndexForTheSameKeys() {
		PersonalData sameKeys = new PersonalData(PersonalDataKeys.of(this.keyring));

		byte[] index = this.personalData.blindIndex("phone", "13812345678");

		assertThat(index).hasSize(16).isEqualTo(sameKeys.blindIndex("phone", "13812345678"));
		assertThat(index).isEqualTo(this.personalData.blindIndex("phone", "13812345678"));
	}

	@Test
	void keepsTheBlindIndexAcrossRotation() {
		PersonalData rotated = new PersonalData(PersonalDataKeys.of(this.keyring.withNewKey()));

		assertThat(rotated.blindIndex("phone", "13812345678"))
			.isEqualTo(this.personalData.blindIndex("phone", "13812345678"));
	}

	@Test
	void separatesBlindIndexesByKindAndValue() {
		byte[] phone = this.personalData.blindIndex("phone", "13812345678");

		assertThat(this.personalData.blindIndex("member", "13812345678")).isNotEqualTo(phone);
		assertThat(this.personalData.blindIndex("phone", "13812345679")).isNotEqualTo(phone);
		assertThat(this.personalData.blindIndex("phone1", "3812345678")).isNotEqualTo(phone);
		assertThat(new PersonalData(PersonalDataKeys.of(Keyring.generate())).blindIndex("phone", "13812345678"))
			.isNotEqualTo(phone);
	}

	@Test
	void refusesABlindIndexWithoutAKind() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.personalData.blindIndex("", "13812345678"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.personalData.blindIndex(null, "13812345678"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.personalData.blindIndex("a\u0000b", "1"));
		assertThat(this.personalData.blindIndex("phone", null)).isNull();
	}

	@Test
	void digestsContentWithTheKey() {
		byte[] digest = this.personalData.keyedDigest("张三", "13812345678");

		assertThat(digest).hasSize(16).isEqualTo(this.personalData.keyedDigest("张三", "13812345678"));
		assertThat(new PersonalData(PersonalDataKeys.of(this.keyring)).keyedDigest("张三", "13812345678"))
			.isEqualTo(digest);
		assertThat(new PersonalData(PersonalDataKeys.of(Keyring.generate())).keyedDigest("张三", "13812345678"))
			.isNotEqualTo(digest);
		assertThat(this.personalData.keyedDigest("张三", "13812345679")).isNotEqualTo(digest);
	}

	@Test
	void digestsBytesAndTextAlike() {
		assertThat(this.personalData.keyedDigest("张三".getBytes(StandardCharsets.UTF_8), new byte[] { 1, 2 }))
			.isEqualTo(this.personalData.keyedDigest("张三".getBytes(StandardCharsets.UTF_8), new byte[] { 1, 2 }));
		assertThat(this.personalData.keyedDigest("张三".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(this.personalData.keyedDigest("张三"));
	}

	@Test
	void digestKeepsPartBoundariesAndNulls() {
		assertThat(this.personalData.keyedDigest("ab", "c")).isNotEqualTo(this.personalData.keyedDigest("a", "bc"));
		assertThat(this.personalData.keyedDigest("a", null)).isNotEqualTo(this.personalData.keyedDigest("a", ""));
		assertThat(this.personalData.keyedDigest("a", "")).isNotEqualTo(this.personalData.keyedDigest("a"));
	}

	@Test
	void digestDiffersFromTheBlindIndex() {
		assertThat(this.personalData.keyedDigest("13812345678"))
			.isNotEqualTo(this.personalData.blindIndex("phone", "13812345678"));
	}

	@Test
	void worksFromManyThreadsAtOnce() throws InterruptedException {
		byte[] expectedIndex = this.personalData.blindIndex("phone", "13812345678");
		Set<Throwable> failures = ConcurrentHashMap.newKeySet();
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			String text = "张三" + t;
			threads[t] = new Thread(() -> {
				try {
					for (int i = 0; i < 2000; i++) {
						byte[] ciphertext = this.personalData.encrypt(text + i);
						assertThat(this.personalData.decrypt(ciphertext)).isEqualTo(text + i);
						assertThat(this.personalData.blindIndex("phone", "13812345678")).isEqualTo(expectedIndex);
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}

		assertThat(failures).isEmpty();
	}

}
