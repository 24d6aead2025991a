package org.labtrust;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven offline through its chromedriver, for the page tests: a fresh
 * profile, waits, a record of what the Content-Security-Policy blocked, and full-page screenshots
 * at desktop and phone width in {@code target/screenshots}.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final int MAX_SHOT_HEIGHT = 6000;

	/** Runs before any script of a page: records what the CSP blocked. */
	private static final String CSP_RECORDER = "window.__cspViolations = [];"
			+ "document.addEventListener('securitypolicyviolation', function (e) {"
			+ "  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' '"
			+ "    + (e.sample || ''));"
			+ "});";

	private ChromeDriverService service;

	private ChromeDriver browser;

	private Path profile;

	private Chromium() {
	}

	/** A browser for a test class: {@code @RegisterExtension static final Chromium chromium = Chromium.session();} */
	public static Chromium session() {
		return new Chromium();
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		assertThat(CHROMIUM).as("Chromium is needed for the browser test: apt-get install -y chromium chromium-driver "
				+ "fonts-noto-cjk (CI installs it)").isExecutable();
		assertThat(CHROMEDRIVER).as("chromedriver is needed for the browser test: apt-get install -y chromium-driver")
			.isExecutable();
		Path profile = Files.createTempDirectory("labtrust-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--password-store=basic", "--window-size=1280,900", "--lang=zh-CN",
				"--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		this.service = service;
		this.browser = browser;
		this.profile = profile;
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
		Files.createDirectories(SCREENSHOTS);
	}

	public WebDriver driver() {
		return browser;
	}

	/** A wait of up to 20 s that tolerates elements replaced while it looks (htmx swaps). */
	public WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	public <T> T await(Function<WebDriver, T> condition) {
		return waiting().until(condition);
	}

	/** What the Content-Security-Policy blocked on the current page; fails if the recorder did not run. */
	public List<?> cspViolations() {
		Object violations = browser.executeScript("return window.__cspViolations || null");
		assertThat(violations).as("the CSP recorder ran on " + browser.getCurrentUrl()).isNotNull();
		return (List<?>) violations;
	}

	/** The whole page at desktop width and at 375px (a phone). */
	public void screenshot(String name) throws IOException {
		capture(name, 1280);
		capture(name + "-375", 375);
	}

	/** Emulates a screen of this width and as tall as the page, so the shot holds the whole page. */
	private void capture(String name, int width) throws IOException {
		boolean phone = width < 600;
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", phone));
		try {
			long height = ((Number) browser.executeScript(
					"return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
			browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
					(int) Math.min(Math.max(height, 600), MAX_SHOT_HEIGHT), "deviceScaleFactor", 1, "mobile", phone));
			Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	/** Fails when the Content-Security-Policy blocked anything on the current page (inline script or style). */
	public void assertNoCspViolations() {
		assertThat(cspViolations()).as("CSP violations on " + browser.getCurrentUrl()).isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (browser != null) {
			browser.quit();
			service.stop();
			FileSystemUtils.deleteRecursively(profile);
		}
	}
}
