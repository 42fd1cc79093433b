package dev.siyu.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven
 * by Selenium, with the flags this kind of machine needs: no sandbox as root, no GPU, and
 * no background connections, which a closed network refuses.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("siyu.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("siyu.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	/** Skips the calling test, saying why, when Chromium is not installed here. */
	static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
				"Browser tests skipped: " + CHROMIUM + " or " + DRIVER + " is missing. Install them with "
						+ "'apt-get install -y chromium chromium-driver' (.ci/run does so in CI).");
	}

	static Browser open(int port) {
		assumeInstalled();
		try {
			Path profile = Files.createTempDirectory("siyu-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=zh-CN",
					"--user-data-dir=" + profile.toAbsolutePath());
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
			return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Browser go(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	boolean has(String css) {
		return !this.driver.findElements(By.cssSelector(css)).isEmpty();
	}

	String text(String css) {
		return find(css).getText();
	}

	String path() {
		return this.driver.getCurrentUrl().substring(this.base.length());
	}

	<T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	WebElement awaitElement(String css) {
		return await(driver -> driver.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	void signIn(String username, String password) {
		go("/login");
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		find("#sign-in").click();
		await(driver -> !driver.getCurrentUrl().contains("/login"));
	}

	/** Saves what the browser shows as target/screenshots/NAME.png for a reviewer. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var walk = Files.walk(this.profile)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover profile in /tmp harms nothing
		}
	}

}
