package dev.siyu.privacy;

import java.nio.file.Path;

import dev.siyu.storage.DataDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keys from {@code siyu.privacy.keys}, {@code siyu.privacy.current-key} and
 * {@code siyu.privacy.blind-index-key} when set; otherwise from the key file
 * {@code siyu.privacy.key-file}, by default {@code keys/personal-data.properties} in the
 * data directory, generated on first start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

	@Bean
	PersonalDataKeys personalDataKeys(DataDirectory dataDirectory, @Value("${siyu.privacy.keys:}") String keys,
			@Value("${siyu.privacy.current-key:}") String currentKey,
			@Value("${siyu.privacy.blind-index-key:}") String blindIndexKey,
			@Value("${siyu.privacy.key-file:}") String keyFile) {
		if (!keys.isBlank() || !blindIndexKey.isBlank()) {
			return PersonalDataKeys.of(Keyring.parse(keys, currentKey, blindIndexKey));
		}
		Path file = keyFile.isBlank() ? dataDirectory.path().resolve("keys").resolve("personal-data.properties")
				: Path.of(keyFile);
		return PersonalDataKeys.fromFile(file);
	}

}
