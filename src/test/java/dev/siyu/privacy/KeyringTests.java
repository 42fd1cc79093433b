package dev.siyu.privacy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyringTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_B = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	@Test
	void readsKeysFromConfiguration() {
		Keyring keyring = Keyring.parse("1:" + KEY_A + ", 2:" + KEY_B, "1", KEY_B);

		assertThat(keyring.currentKeyId()).isEqualTo(1);
		assertThat(keyring.hasKey(2)).isTrue();
		assertThat(keyring.hasKey(3)).isFalse();
	}

	@Test
	void encryptsWithTheHighestKeyByDefault() {
		assertThat(Keyring.parse("3:" + KEY_A + ",7:" + KEY_B, "", KEY_B).currentKeyId()).isEqualTo(7);
		assertThat(Keyring.parse("3:" + KEY_A + ",7:" + KEY_B, null, KEY_B).currentKeyId()).isEqualTo(7);
	}

	@Test
	void explainsWhatIsWrongWithConfiguredKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("", "", KEY_B))
			.withMessageContaining("siyu.privacy.keys");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("1:" + KEY_A, "", ""))
			.withMessageContaining("siyu.privacy.blind-index-key");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse(KEY_A, "", KEY_B))
			.withMessageContaining("id:base64");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("1:AAAA", "", KEY_B))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("1:not base64!", "", KEY_B))
			.withMessageContaining("base64");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("1:" + KEY_A, "2", KEY_B))
			.withMessageContaining("current key id 2");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("1:" + KEY_A + ",1:" + KEY_B, "", KEY_B))
			.withMessageContaining("twice");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("0:" + KEY_A, "", KEY_B))
			.withMessageContaining("1 to 65535");
		assertThatIllegalArgumentException().isThrownBy(() -> Keyring.parse("70000:" + KEY_A, "", KEY_B))
			.withMessageContaining("1 to 65535");
	}

	@Test
	void neverShowsKeysInItsTextForm() {
		Keyring keyring = Keyring.parse("1:" + KEY_B, "", KEY_B);

		assertThat(keyring.toString()).isEqualTo("Keyring[keys=[1], current=1]").doesNotContain(KEY_B);
	}

	@Test
	void addsANewCurrentKeyAboveTheHighest() {
		Keyring keyring = Keyring.parse("1:" + KEY_A + ",5:" + KEY_B, "1", KEY_B);

		Keyring rotated = keyring.withNewKey();

		assertThat(rotated.currentKeyId()).isEqualTo(6);
		assertThat(rotated.hasKey(1)).isTrue();
		assertThat(rotated.hasKey(5)).isTrue();
		assertThat(rotated.blindIndexKeyText()).isEqualTo(keyring.blindIndexKeyText());
		assertThat(keyring.currentKeyId()).isEqualTo(1);
	}

}
