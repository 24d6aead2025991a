package org.labtrust.portal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.labtrust.Chromium;
import org.labtrust.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main public journey in a real Chromium: search by what a lab tests, narrow by province, open
 * a body, filter its scope, check a certificate. Leaves a screenshot of each page, at desktop width
 * and at 375px, in {@code target/screenshots} for review.
 */
class RegistryBrowserTest extends IntegrationTest {

	private static final Map<String, String> VERDICT_BY_BADGE = Map.of("有效", "证书有效", "暂停", "证书已暂停", "撤销",
			"证书已撤销", "注销", "证书已注销", "过期", "证书已过期");

	private static final Map<String, String> ENGLISH_VERDICT_BY_BADGE = Map.of("有效", "Certificate valid", "暂停",
			"Certificate suspended", "撤销", "Certificate revoked", "注销", "Certificate cancelled", "过期",
			"Certificate expired");

	private static final Pattern FOUND = Pattern.compile("共找到\\s*([\\d,]+)\\s*家机构");

	@RegisterExtension
	static final Chromium chromium = Chromium.session();

	private WebDriverWait waiting() {
		return chromium.waiting();
	}

	private <T> T await(Function<WebDriver, T> condition) {
		return chromium.await(condition);
	}

	private long resultsFound() {
		String text = chromium.driver().findElement(By.cssSelector(".results-count")).getText();
		Matcher m = FOUND.matcher(text);
		assertThat(m.find()).as("result count in '%s'", text).isTrue();
		return Long.parseLong(m.group(1).replace(",", ""));
	}

	/** The whole page at desktop width and at 375px (a phone), in target/screenshots. */
	private void screenshot(String name) throws IOException {
		chromium.screenshot(name);
	}

	@Test
	void aPersonFindsALabByWhatItTestsNarrowsByProvinceAndChecksItsCertificate() throws IOException {
		// home: Chinese first, one search box
		chromium.driver().get(url("/"));
		assertThat(chromium.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("检验检测机构资质认定公开查询");
		screenshot("home");

		// search for lead (铅)
		WebElement box = chromium.driver().findElement(By.id("q"));
		box.sendKeys("铅");
		box.sendKeys(Keys.ENTER);
		await(ExpectedConditions.urlContains("/search?q="));
		long total = resultsFound();
		assertThat(total).isPositive();
		assertThat(chromium.driver().findElements(By.cssSelector(".result"))).isNotEmpty();
		screenshot("search");

		// narrow by a province that holds some but not all of the results
		WebElement facet = chromium.driver().findElements(By.cssSelector("[data-facet='province'] > ul > li > a"))
			.stream()
			.filter(a -> Long.parseLong(a.findElement(By.cssSelector(".facet-count")).getText().replace(",", "")) < total)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no province facet narrows " + total + " results"));
		String province = facet.findElement(By.cssSelector(".facet-label")).getText();
		long expected = Long.parseLong(facet.findElement(By.cssSelector(".facet-count")).getText().replace(",", ""));
		facet.click();
		await(d -> resultsFound() != total);
		assertThat(resultsFound()).isEqualTo(expected);
		assertThat(chromium.driver().getCurrentUrl()).contains("province=").contains("q=");
		List<String> provinces = chromium.driver().findElements(By.cssSelector(".result .province"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(provinces).isNotEmpty().allMatch(province::equals);
		assertThat(chromium.driver().findElement(By.cssSelector("[data-facet='province'] a[aria-current='true']")).getText())
			.contains(province);
		screenshot("search-province");

		// open the first body
		WebElement first = chromium.driver().findElement(By.cssSelector(".result-name a"));
		String bodyName = first.getText();
		first.click();
		await(ExpectedConditions.urlMatches("/bodies/\\d+$"));
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo(bodyName);
		screenshot("body");

		// filter its scope by the parameter of a row, as typed into the box (htmx replaces the tables)
		List<WebElement> rows = chromium.driver().findElements(By.cssSelector("#scope-results tbody tr"));
		assertThat(rows).isNotEmpty();
		String parameter = rows.get(0).findElements(By.tagName("td")).get(2).getText().strip();
		WebElement filter = chromium.driver().findElement(By.id("scope"));
		filter.sendKeys(parameter);
		await(d -> d.findElement(By.id("scope-status")).getText().contains(parameter));
		await(ExpectedConditions.urlContains("scope="));
		List<WebElement> kept = chromium.driver().findElements(By.cssSelector("#scope-results tbody tr"));
		assertThat(kept).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains(parameter));
		assertThat(kept.size()).isLessThanOrEqualTo(rows.size());
		screenshot("body-scope-filtered");

		// the certificate: the verdict comes first and agrees with the badge on the body page
		WebElement card = chromium.driver().findElement(By.cssSelector(".certificate-card"));
		String badge = card.findElement(By.cssSelector(".certificate-card-header .badge")).getText();
		card.findElement(By.cssSelector("h3 a")).click();
		await(ExpectedConditions.urlMatches("/certificates/\\d{12}$"));
		WebElement verdict = chromium.driver().findElement(By.cssSelector(".verdict-title"));
		assertThat(verdict.getText()).contains(VERDICT_BY_BADGE.get(badge));
		assertThat(chromium.driver().findElement(By.cssSelector(".verdict-holder")).getText()).contains(bodyName);
		screenshot("certificate");

		// and in English, from the switch on the page
		chromium.driver().findElement(By.cssSelector(".lang-switch a[lang='en']")).click();
		await(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
		assertThat(chromium.driver().findElement(By.cssSelector(".verdict-title")).getText())
			.contains(ENGLISH_VERDICT_BY_BADGE.get(badge));
		screenshot("certificate-en");
		chromium.driver().findElement(By.cssSelector(".lang-switch a[lang='zh-CN']")).click();
		await(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));

		// a well-formed number that is not registered
		chromium.driver().get(url("/certificates/152701060345"));
		assertThat(chromium.driver().findElement(By.cssSelector(".verdict-title")).getText()).contains("未查到该证书");
		assertThat(chromium.driver().findElement(By.cssSelector(".verdict-meaning")).getText()).contains("查不到即表示未在本平台登记");
		screenshot("certificate-not-found");
	}
}
