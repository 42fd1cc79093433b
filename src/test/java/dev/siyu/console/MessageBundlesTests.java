package dev.siyu.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the console exists in Chinese and in English: the two bundles have the
 * same keys, and every key a page or controller names is in them.
 */
class MessageBundlesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path CONSOLE = Path.of("src/main/java/dev/siyu/console");

	/** {@code #{key}} and {@code #{key(args)}}; dynamic keys are checked by prefix. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{'?([a-zA-Z][\\w.]*)");

	/** Message codes a controller passes to a page, e.g. {@code "imports.noFiles"}. */
	private static final Pattern CODE = Pattern
		.compile("\"((?:imports|settings|overview|customers?|error)\\.[a-zA-Z.]+)\"");

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> chinese = keys("messages.properties");
		Set<String> english = keys("messages_en.properties");
		assertThat(difference(chinese, english)).as("keys missing in messages_en.properties").isEmpty();
		assertThat(difference(english, chinese)).as("keys missing in messages.properties (Chinese)").isEmpty();
	}

	@Test
	void everyKeyThePagesUseIsDefined() throws IOException {
		Set<String> defined = keys("messages.properties");
		Set<String> missing = new TreeSet<>();
		for (String used : used()) {
			boolean known = used.endsWith(".") ? defined.stream().anyMatch(key -> key.startsWith(used))
					: defined.contains(used);
			if (!known) {
				missing.add(used);
			}
		}
		assertThat(missing).as("keys used but defined nowhere").isEmpty();
	}

	@Test
	void chineseIsTheDefaultAndIsWrittenInChinese() throws IOException {
		Properties chinese = load("messages.properties");
		assertThat(chinese.getProperty("nav.customers")).isEqualTo("客户");
		assertThat(load("messages_en.properties").getProperty("nav.customers")).isEqualTo("Customers");
	}

	private static Set<String> used() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Stream.concat(Files.list(TEMPLATES), Files.list(CONSOLE))) {
			for (Path file : files.toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				Matcher matcher = (file.toString().endsWith(".html") ? TEMPLATE_KEY : CODE).matcher(text);
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).as("keys found in the pages").hasSizeGreaterThan(50);
		return used;
	}

	private static Set<String> keys(String bundle) throws IOException {
		Set<String> keys = new TreeSet<>();
		load(bundle).stringPropertyNames().forEach(keys::add);
		return keys;
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + bundle)) {
			assertThat(in).as(bundle).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> difference = new TreeSet<>(a);
		difference.removeAll(b);
		return difference;
	}

}
