package dev.siyu.privacy;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.siyu.storage.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataConfigurationTests {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(PersonalDataConfiguration.class, PersonalData.class)
			.withBean(DataDirectory.class, () -> new DataDirectory(this.dataDir));
	}

	@Test
	void keepsGeneratedKeysInTheDataDirectory() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(PersonalData.class);
			Path keyFile = this.dataDir.resolve("keys").resolve("personal-data.properties");
			assertThat(context.getBean(PersonalDataKeys.class).file()).contains(keyFile);
			assertThat(Files.exists(keyFile)).isTrue();
		});
	}

	@Test
	void usesTheConfiguredKeyFile() {
		Path keyFile = this.dataDir.resolve("elsewhere").resolve("keys.properties");
		runner().withPropertyValues("siyu.privacy.key-file=" + keyFile).run((context) -> {
			assertThat(context.getBean(PersonalDataKeys.class).file()).contains(keyFile);
			assertThat(Files.exists(keyFile)).isTrue();
		});
	}

	@Test
	void prefersKeysFromConfigurationAndWritesNoFile() {
		Keyring keyring = Keyring.generate().withNewKey();
		runner()
			.withPropertyValues("siyu.privacy.keys=" + keyring.keysText(), "siyu.privacy.current-key=1",
					"siyu.privacy.blind-index-key=" + keyring.blindIndexKeyText())
			.run((context) -> {
				PersonalDataKeys keys = context.getBean(PersonalDataKeys.class);
				assertThat(keys.file()).isEmpty();
				assertThat(keys.keyring().currentKeyId()).isEqualTo(1);
				assertThat(keys.keyring().hasKey(2)).isTrue();
				byte[] ciphertext = new PersonalData(PersonalDataKeys.of(keyring)).encrypt("张三");
				assertThat(context.getBean(PersonalData.class).decrypt(ciphertext)).isEqualTo("张三");
				assertThat(Files.exists(this.dataDir.resolve("keys"))).isFalse();
			});
	}

	@Test
	void failsToStartWithHalfTheKeysConfigured() {
		runner().withPropertyValues("siyu.privacy.blind-index-key=" + Keyring.generate().blindIndexKeyText())
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("siyu.privacy.keys"));
	}

}
