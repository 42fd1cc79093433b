package dev.siyu.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataKeysTests {

	@TempDir
	Path dataDir;

	private Path keyFile() {
		return this.dataDir.resolve("keys").resolve("personal-data.properties");
	}

	@Test
	void generatesAKeyFileOnlyItsOwnerCanRead() throws IOException {
		PersonalDataKeys keys = PersonalDataKeys.fromFile(keyFile());

		assertThat(keys.file()).contains(keyFile());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().getParent())))
			.isEqualTo("rwx------");
		assertThat(keys.keyring().currentKeyId()).isEqualTo(1);
	}

	@Test
	void writesSettingsThatCanBeMovedIntoConfiguration() throws IOException {
		PersonalDataKeys keys = PersonalDataKeys.fromFile(keyFile());
		Properties settings = new Properties();
		settings.load(Files.newBufferedReader(keyFile(), StandardCharsets.UTF_8));

		Keyring configured = Keyring.parse(settings.getProperty("siyu.privacy.keys"),
				settings.getProperty("siyu.privacy.current-key"), settings.getProperty("siyu.privacy.blind-index-key"));

		assertThat(configured.sameAs(keys.keyring())).isTrue();
		assertThat(Files.readString(keyFile())).contains("back it up");
	}

	@Test
	void reusesTheKeyFileOnTheNextStart() {
		PersonalData first = new PersonalData(PersonalDataKeys.fromFile(keyFile()));
		byte[] ciphertext = first.encrypt("张三");

		PersonalData second = new PersonalData(PersonalDataKeys.fromFile(keyFile()));

		assertThat(second.decrypt(ciphertext)).isEqualTo("张三");
		assertThat(second.blindIndex("phone", "13812345678")).isEqualTo(first.blindIndex("phone", "13812345678"));
	}

	@Test
	void rotatesIntoTheFileKeepingOldKeys() {
		PersonalDataKeys keys = PersonalDataKeys.fromFile(keyFile());
		PersonalData personalData = new PersonalData(keys);
		byte[] underKey1 = personalData.encrypt("张三");

		int newKey = keys.rotate();
		byte[] underKey2 = personalData.encrypt("李四");

		assertThat(newKey).isEqualTo(2);
		assertThat(underKey2[2]).isEqualTo((byte) 2);
		PersonalData restarted = new PersonalData(PersonalDataKeys.fromFile(keyFile()));
		assertThat(restarted.decrypt(underKey1)).isEqualTo("张三");
		assertThat(restarted.decrypt(underKey2)).isEqualTo("李四");
		assertThat(restarted.encrypt("王五")[2]).isEqualTo((byte) 2);
	}

	@Test
	void readsKeysAnotherProcessAddedByRotating() {
		PersonalData reader = new PersonalData(PersonalDataKeys.fromFile(keyFile()));
		PersonalDataKeys otherProcess = PersonalDataKeys.fromFile(keyFile());
		otherProcess.rotate();

		byte[] underKey2 = new PersonalData(otherProcess).encrypt("李四");

		assertThat(reader.decrypt(underKey2)).isEqualTo("李四");
	}

	@Test
	void cannotRotateKeysFromConfiguration() {
		PersonalDataKeys keys = PersonalDataKeys.of(Keyring.generate());

		assertThatIllegalStateException().isThrownBy(keys::rotate).withMessageContaining("siyu.privacy.keys");
	}

	@Test
	void refusesADamagedKeyFileInsteadOfReplacingIt() throws IOException {
		Files.createDirectories(keyFile().getParent());
		Files.writeString(keyFile(), "siyu.privacy.keys=1:tooShort\n");

		assertThatThrownBy(() -> PersonalDataKeys.fromFile(keyFile())).isInstanceOf(PersonalDataException.class)
			.hasMessageContaining("damaged")
			.hasMessageContaining(keyFile().toString());
		assertThat(Files.readString(keyFile())).isEqualTo("siyu.privacy.keys=1:tooShort\n");
	}

}
