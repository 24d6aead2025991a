package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.labtrust.Chromium;
import org.labtrust.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licensing pages in a real Chromium: a body administrator walks the wizard (type, field,
 * procedure, a scope row, review) to a created and submitted application; the Guangdong acceptance
 * officer finds it in the work queue and accepts it from its status page. No page may trip the
 * Content-Security-Policy; screenshots of each go to {@code target/screenshots}.
 */
class ApplicationBrowserTest extends IntegrationTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.session();

	private String password(String username) throws IOException {
		JsonNode credentials = JsonMapper.builder().build()
			.readTree(Files.readString(dataDir().resolve("demo-credentials.json")));
		for (JsonNode account : credentials.get("accounts")) {
			if (account.get("username").asString().equals(username)) {
				return account.get("password").asString();
			}
		}
		throw new IllegalArgumentException(username);
	}

	private void signIn(String username) throws IOException {
		chromium.driver().get(url("/login"));
		chromium.driver().findElement(By.id("username")).sendKeys(username);
		chromium.driver().findElement(By.id("password")).sendKeys(password(username), Keys.ENTER);
		chromium.await(ExpectedConditions.urlMatches("/staff$"));
	}

	private WebElement byId(String id) {
		return chromium.driver().findElement(By.id(id));
	}

	/** Clicks the wizard's next button and waits for the step to show. */
	private void next(String step) {
		byId("wizard-next").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("step-" + step)));
	}

	@Test
	void aBodyAppliesThroughTheWizardAndTheOfficerAcceptsItFromTheQueue() throws IOException {
		signIn("gd-body-admin");
		// a renewal reminder's link opens the wizard with the renewal chosen and the certificate filled in
		chromium.driver().get(url("/staff/applications/new?type=RENEWAL&certificate=211900010001"));
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("step-type")));
		assertThat(byId("type-RENEWAL").isSelected()).isTrue();
		assertThat(byId("certificate-number").getDomProperty("value")).isEqualTo("211900010001");
		chromium.driver().get(url("/staff/applications/new?type=NONSENSE&certificate=1%22%3E"));
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("step-type")));
		assertThat(byId("certificate-number").getDomProperty("value")).as("only a 12-digit number is taken").isEmpty();
		chromium.driver().get(url("/staff"));

		chromium.driver().findElement(By.cssSelector(".staff-links a[href='/staff/applications']")).click();
		chromium.await(ExpectedConditions.urlMatches("/staff/applications$"));
		chromium.assertNoCspViolations();
		byId("new-application").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("step-type")));
		chromium.assertNoCspViolations();

		// a step cannot be skipped: without a type the wizard says what is missing
		byId("wizard-next").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("wizard-error")));
		assertThat(byId("wizard-error").getText()).contains("请选择申请类型");

		chromium.driver().findElement(By.cssSelector("label[for='type-FIRST_LICENCE']")).click();
		next("basics");
		assertThat(byId("certificate-field").isDisplayed()).as("a first licence concerns no certificate").isFalse();
		chromium.driver().findElement(By.cssSelector("label[for='field-12']")).click();
		next("procedure");
		// self-declaration is for changes only: offered greyed with the reason, not selectable
		chromium.await(d -> byId("procedure-SELF_DECLARATION").getDomProperty("disabled").equals("true"));
		assertThat(byId("procedure-reason-SELF_DECLARATION").getText()).isNotBlank();
		assertThat(byId("procedure-GENERAL").isEnabled()).isTrue();
		chromium.screenshot("application-wizard-procedure");
		chromium.driver().findElement(By.cssSelector("label[for='procedure-GENERAL']")).click();
		next("details");
		WebElement row = chromium.driver().findElement(By.cssSelector("#scope-rows tr.scope-row"));
		row.findElement(By.name("objectName")).sendKeys("地表水");
		row.findElement(By.name("parameterName")).sendKeys("pH 值");
		row.findElement(By.name("methodCode")).sendKeys("HJ 1147-2020");
		next("review"); // the commitment step is skipped under the general procedure
		assertThat(byId("review-type").getText()).isEqualTo("首次申请");
		assertThat(byId("review-procedure").getText()).isEqualTo("一般程序");
		assertThat(byId("review-fields").getText()).contains("12");
		assertThat(byId("review-scope").getText()).contains("地表水", "pH 值", "HJ 1147-2020");
		chromium.assertNoCspViolations();
		chromium.screenshot("application-wizard-review");

		byId("wizard-create").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("step-submit")));
		assertThat(byId("created-notice").getText()).contains("已创建");
		String statusUrl = byId("status-link").getDomAttribute("href");
		assertThat(statusUrl).matches("/staff/applications/\\d+");
		String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
		byId("wizard-submit").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("submitted-notice")));
		assertThat(byId("submitted-notice").getDomAttribute("data-state")).isEqualTo("SUBMITTED");
		chromium.assertNoCspViolations();
		chromium.screenshot("application-wizard-submitted");

		byId("status-link").click();
		chromium.await(ExpectedConditions.urlMatches(statusUrl + "$"));
		assertThat(byId("state-badge").getText()).isEqualTo("待受理");
		assertThat(chromium.driver().findElements(By.id("action-ACCEPT"))).as("the body cannot accept").isEmpty();
		assertThat(byId("clock-left").getText()).contains("剩 5 个工作日");
		chromium.assertNoCspViolations();

		// the officer: the queue lists it; its status page accepts it
		chromium.driver().findElement(By.cssSelector(".sign-out button")).click();
		chromium.await(ExpectedConditions.urlContains("signedOut"));
		signIn("gd-acceptance-officer");
		chromium.driver().get(url("/staff/applications"));
		WebElement queued = chromium.driver()
			.findElement(By.cssSelector("table.work-queue tr[data-application-id='" + id + "']"));
		assertThat(queued.getText()).contains("待受理", "首次申请", "一般程序");
		chromium.assertNoCspViolations();
		chromium.screenshot("application-queue");
		queued.findElement(By.cssSelector("a")).click();
		chromium.await(ExpectedConditions.urlMatches(statusUrl + "$"));
		assertThat(byId("action-DECLINE").isDisplayed()).isTrue();
		chromium.screenshot("application-status");

		// declining without reasons is stopped before it reaches the server: the browser asks for them
		byId("submit-DECLINE").click();
		assertThat(chromium.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("note-DECLINE");
		assertThat(chromium.driver().switchTo().activeElement().getDomProperty("validationMessage")).isNotBlank();

		byId("submit-ACCEPT").click();
		chromium.await(ExpectedConditions.attributeToBe(By.id("state-badge"), "data-state", "ACCEPTED"));
		assertThat(byId("state-badge").getText()).isEqualTo("已受理");
		assertThat(chromium.driver().findElement(By.cssSelector("#history .timeline")).getText())
			.contains("提交", "受理", "gd-acceptance-officer");
		assertThat(byId("team-form").isDisplayed()).as("an accepted application gets its team drawn").isTrue();
		chromium.assertNoCspViolations();
		chromium.screenshot("application-accepted");

		chromium.driver().get(url(statusUrl + "?lang=en"));
		assertThat(byId("state-badge").getText()).isEqualTo("Accepted");
		chromium.assertNoCspViolations();
		chromium.screenshot("application-accepted-en");
		chromium.driver().get(url(statusUrl + "?lang=zh-CN"));
	}
}
