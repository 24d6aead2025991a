package org.labtrust.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.labtrust.Chromium;
import org.labtrust.shared.ChinaTime;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The report pages in a real Chromium: a body administrator uploads a CSV of four reports, one of
 * them wrong, through the filing page and sees the progress, the counts and the rejected line; the
 * public then verifies one of the filed reports by its short link and reads the log page. Every
 * page is checked for Content-Security-Policy violations and leaves screenshots in
 * {@code target/screenshots}.
 */
class ReportBrowserTest extends FilingClient {

	@RegisterExtension
	static final Chromium chromium = Chromium.session();

	private String password(String username) throws IOException {
		JsonNode credentials = JSON.readTree(Files.readString(dataDir().resolve("demo-credentials.json")));
		for (JsonNode account : credentials.get("accounts")) {
			if (account.get("username").asString().equals(username)) {
				return account.get("password").asString();
			}
		}
		throw new IllegalArgumentException(username);
	}

	@Test
	void aBodyUploadsACsvSeesTheCountsAndTheRejectedLineAndThePublicVerifiesAReport() throws IOException {
		chromium.driver().get(url("/login"));
		chromium.driver().findElement(By.id("username")).sendKeys("gd-body-admin");
		chromium.driver().findElement(By.id("password")).sendKeys(password("gd-body-admin"), Keys.ENTER);
		chromium.await(ExpectedConditions.urlMatches("/staff$"));

		chromium.driver().get(url("/staff/reports"));
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("报告报送");
		chromium.assertNoCspViolations();

		// three good lines and, on line 4, one whose scope the certificate does not cover
		String yesterday = LocalDate.now(ChinaTime.ZONE).minusDays(1).toString();
		List<String> numbers = List.of(number(), number(), number(), number());
		String scopeItem = "\"" + scope.parameter() + "|" + scope.method() + "\"";
		String csv = "reportNumber,certificateNumber,issuedOn,scope,digest\r\n"
				+ numbers.get(0) + "," + scope.certificate() + "," + yesterday + "," + scopeItem + "," + digestOf("a") + "\r\n"
				+ numbers.get(1) + "," + scope.certificate() + "," + yesterday + "," + scopeItem + "," + digestOf("b") + "\r\n"
				+ numbers.get(2) + "," + scope.certificate() + "," + yesterday + ",不存在的参数|GB 0000-2000," + digestOf("c") + "\r\n"
				+ numbers.get(3) + "," + scope.certificate() + "," + yesterday + "," + scopeItem + "," + digestOf("d") + "\r\n";
		Path file = Files.createTempFile("filings-", ".csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		try {
			chromium.driver().findElement(By.id("csv-file")).sendKeys(file.toAbsolutePath().toString());
			chromium.driver().findElement(By.id("upload-submit")).click();
			chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "完成"));
		}
		finally {
			Files.deleteIfExists(file);
		}
		assertThat(chromium.driver().findElement(By.id("count-total")).getText()).isEqualTo("4");
		assertThat(chromium.driver().findElement(By.id("count-done")).getText()).isEqualTo("4");
		assertThat(chromium.driver().findElement(By.id("count-accepted")).getText()).isEqualTo("3");
		assertThat(chromium.driver().findElement(By.id("count-duplicate")).getText()).isEqualTo("0");
		assertThat(chromium.driver().findElement(By.id("count-rejected")).getText()).isEqualTo("1");
		assertThat(chromium.driver().findElement(By.id("upload-bar")).getDomProperty("value")).isEqualTo("4");
		List<WebElement> rejected = chromium.driver().findElements(By.cssSelector("#rejected-body tr.rejected-line"));
		assertThat(rejected).hasSize(1);
		assertThat(rejected.get(0).getDomAttribute("data-line")).isEqualTo("4");
		assertThat(rejected.get(0).getText()).contains("第 4 行", numbers.get(2), "不存在的参数", "OUT_OF_SCOPE",
				"不是该证书有效的能力范围");
		assertThat(chromium.driver().findElement(By.id("upload-error")).isDisplayed()).isFalse();
		chromium.assertNoCspViolations();
		chromium.screenshot("report-upload");

		// after a reload the page lists the new filings and the refusal
		chromium.driver().get(url("/staff/reports"));
		assertThat(chromium.driver().findElement(By.cssSelector("table.filings")).getText()).contains(numbers.get(0),
				numbers.get(1), numbers.get(3));
		assertThat(chromium.driver().findElement(By.cssSelector("table.rejections")).getText()).contains(numbers.get(2),
				"超出资质认定能力范围");
		chromium.assertNoCspViolations();
		chromium.screenshot("report-filing-page");

		// the public: the QR code link of a filed report, then its proof
		chromium.driver().get(url("/r/" + scope.certificate() + "/" + numbers.get(0)));
		assertThat(chromium.driver().findElement(By.id("verdict-title")).getText()).contains("报告已登记，有效");
		WebElement proof = chromium.driver().findElement(By.cssSelector("details.proof"));
		assertThat(proof.getDomProperty("open")).isEqualTo("false");
		proof.findElement(By.tagName("summary")).click();
		assertThat(proof.findElement(By.cssSelector(".entry-base64")).isDisplayed()).isTrue();
		chromium.assertNoCspViolations();
		chromium.screenshot("report-verify");

		chromium.driver().get(url("/reports/verify?number=NEVER-FILED-1"));
		assertThat(chromium.driver().findElement(By.id("verdict-meaning")).getText()).contains("未查到即表示该报告未在本平台登记");
		chromium.assertNoCspViolations();
		chromium.screenshot("report-not-found");

		chromium.driver().get(url("/log?lang=en"));
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("The report log");
		chromium.assertNoCspViolations();
		chromium.screenshot("report-log-en");
		chromium.driver().get(url("/log?lang=zh-CN"));
		chromium.screenshot("report-log");
	}
}
