package org.labtrust.identity;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.labtrust.Chromium;
import org.labtrust.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff journeys in a real Chromium: a body administrator signs in, creates an API key, sees
 * its text once and revokes it; a national administrator reads the audit trail of that and
 * verifies the chain. Every page is checked for Content-Security-Policy violations (inline script
 * or style, which the policy blocks), and leaves a screenshot at desktop width and at 375px in
 * {@code target/screenshots} for review.
 */
class StaffBrowserTest extends IntegrationTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.session();

	private <T> T await(Function<WebDriver, T> condition) {
		return chromium.await(condition);
	}

	/** Nothing on the page was blocked by the Content-Security-Policy. */
	/** The whole page at desktop width and at 375px (a phone), in target/screenshots. */
	private void screenshot(String name) throws IOException {
		chromium.screenshot(name);
	}

	/** Signs in with the keyboard: name, tab, password, Enter. */
	private void signIn(String username, String password) {
		chromium.driver().get(url("/login"));
		WebElement name = chromium.driver().findElement(By.id("username"));
		assertThat(chromium.driver().switchTo().activeElement()).as("the name field has the focus").isEqualTo(name);
		name.sendKeys(username, Keys.TAB);
		chromium.driver().switchTo().activeElement().sendKeys(password, Keys.ENTER);
		await(ExpectedConditions.urlMatches("/staff$"));
	}

	private HttpResponse<String> me(String key) {
		return get("/api/v1/me", Map.of("Authorization", "Bearer " + key));
	}

	@Test
	void aBodyAdministratorCreatesAKeySeesItOnceAndRevokesItAndTheAdministratorSeesItInTheTrail() throws IOException {
		DemoCredentials demo = DemoCredentials.read(dataDir());
		DemoCredentials.Account bodyAdmin = demo.account("gd-body-admin");

		// the sign-in page: labelled fields, reached from the header of a public page
		chromium.driver().get(url("/"));
		chromium.driver().findElement(By.cssSelector(".account-nav a[href='/login']")).click();
		await(ExpectedConditions.urlMatches("/login$"));
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("工作人员登录");
		assertThat(chromium.driver().findElement(By.cssSelector("label[for='username']")).getText()).isEqualTo("用户名");
		assertThat(chromium.driver().findElement(By.cssSelector("label[for='password']")).getText()).isEqualTo("密码");
		chromium.assertNoCspViolations();
		screenshot("login");

		// a wrong password says what to do
		chromium.driver().findElement(By.id("username")).sendKeys("gd-body-admin-typo");
		chromium.driver().findElement(By.id("password")).sendKeys("wrong password", Keys.ENTER);
		await(ExpectedConditions.urlContains("/login?error"));
		assertThat(chromium.driver().findElement(By.id("login-error")).getText()).contains("用户名或密码不正确", "管理员");
		screenshot("login-error");

		// the staff home of a body administrator
		signIn("gd-body-admin", bodyAdmin.password());
		assertThat(chromium.driver().findElement(By.id("whoami-roles")).getText()).isEqualTo("机构管理员");
		assertThat(chromium.driver().findElement(By.id("whoami-body")).getText()).contains(bodyAdmin.bodyName());
		assertThat(chromium.driver().findElement(By.cssSelector(".account-name")).getText()).isEqualTo("gd-body-admin");
		assertThat(chromium.driver().findElements(By.cssSelector("a[href='/staff/audit']"))).isEmpty();
		chromium.assertNoCspViolations();
		screenshot("staff-home");

		// create a key: its text is shown once, in the marked box
		chromium.driver().findElement(By.cssSelector(".staff-links a[href='/staff/api-keys']")).click();
		await(ExpectedConditions.urlMatches("/staff/api-keys$"));
		assertThat(chromium.driver().findElement(By.tagName("h2")).getText()).contains(bodyAdmin.bodyName());
		assertThat(chromium.driver().findElement(By.id("body-perm-REPORT_FILE")).isSelected()).isTrue();
		assertThat(chromium.driver().findElement(By.id("body-perm-APPLICATION_SUBMIT")).isSelected()).isFalse();
		String label = "浏览器测试密钥 " + System.nanoTime();
		WebElement labelField = chromium.driver().findElement(By.id("body-label"));
		labelField.sendKeys(label);
		chromium.driver().findElement(By.cssSelector("#create-body-key button[type='submit']")).click();
		WebElement box = await(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
		assertThat(box.getText()).contains("请现在复制", "只显示这一次", label);
		WebElement secretField = chromium.driver().findElement(By.id("new-key-secret"));
		String key = secretField.getDomProperty("value");
		assertThat(key).matches("ltk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
		assertThat(secretField.getDomProperty("readOnly")).isEqualTo("true");
		String id = key.substring(4, 16);
		assertThat(chromium.driver().findElement(By.cssSelector("tr[data-key-id='" + id + "']")).getDomAttribute("data-state"))
			.isEqualTo("ACTIVE");
		assertThat(me(key).statusCode()).as("the new key works").isEqualTo(200);
		chromium.assertNoCspViolations();
		screenshot("api-keys");

		// open the page again: the key is listed, its text is gone; revoke it
		chromium.driver().findElement(By.cssSelector(".breadcrumb a[href='/staff']")).click();
		await(ExpectedConditions.urlMatches("/staff$"));
		chromium.driver().findElement(By.cssSelector(".staff-links a[href='/staff/api-keys']")).click();
		await(ExpectedConditions.urlMatches("/staff/api-keys$"));
		assertThat(chromium.driver().getPageSource()).contains(label).doesNotContain(key);
		WebElement row = chromium.driver().findElement(By.cssSelector("tr[data-key-id='" + id + "']"));
		assertThat(row.getText()).contains("有效", "127.0.0.1");
		row.findElement(By.cssSelector(".revoke-form button")).click();
		WebElement confirmation = await(ExpectedConditions.visibilityOfElementLocated(By.id("revoked")));
		assertThat(confirmation.getText()).contains("已吊销密钥", label);
		WebElement revoked = chromium.driver().findElement(By.cssSelector("tr[data-key-id='" + id + "']"));
		assertThat(revoked.getDomAttribute("data-state")).isEqualTo("REVOKED");
		assertThat(revoked.findElement(By.cssSelector(".key-state")).getText()).isEqualTo("已吊销");
		assertThat(revoked.findElements(By.cssSelector(".revoke-form"))).isEmpty();
		assertThat(me(key).statusCode()).as("the revoked key is refused").isEqualTo(401);
		chromium.assertNoCspViolations();
		screenshot("api-keys-revoked");

		// sign out from the header
		chromium.driver().findElement(By.cssSelector(".site-header .sign-out button")).click();
		await(ExpectedConditions.urlContains("signedOut"));
		assertThat(chromium.driver().findElement(By.cssSelector(".signed-out")).getText()).contains("你已退出登录");
		assertThat(chromium.driver().findElements(By.cssSelector(".account-nav a[href='/login']"))).hasSize(1);

		// the national administrator reads the trail: newest first, the revocation near the top
		signIn("national-administrator", demo.account("national-administrator").password());
		assertThat(chromium.driver().findElement(By.id("whoami-roles")).getText()).isEqualTo("系统管理员");
		assertThat(chromium.driver().findElement(By.id("whoami-jurisdiction")).getText()).contains("国家市场监督管理总局");
		chromium.driver().findElement(By.cssSelector(".staff-links a[href='/staff/audit']")).click();
		await(ExpectedConditions.urlMatches("/staff/audit$"));
		List<WebElement> rows = chromium.driver().findElements(By.cssSelector("tr.audit-row"));
		assertThat(rows).isNotEmpty();
		assertThat(rows.get(0).getDomAttribute("data-action")).isEqualTo("login");
		assertThat(rows.get(0).getText()).contains("national-administrator", "成功");
		WebElement revocation = rows.stream()
			.filter(r -> "api-key.revoke".equals(r.getDomAttribute("data-action")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no api-key.revoke row on the first page"));
		assertThat(revocation.getText()).contains("gd-body-admin", "吊销 API 密钥", id, "机构管理员");
		assertThat(rows.stream().filter(r -> r.getText().contains("gd-body-admin-typo")).findFirst())
			.as("the failed sign-in is on the trail")
			.hasValueSatisfying(r -> assertThat(r.getDomAttribute("data-outcome")).isEqualTo("FAILED"));

		// filter by what was typed, then verify the chain
		chromium.driver().findElement(By.id("f-action")).sendKeys("api-key", Keys.ENTER);
		await(ExpectedConditions.urlContains("action=api-key"));
		assertThat(chromium.driver().findElements(By.cssSelector("tr.audit-row")))
			.isNotEmpty()
			.allSatisfy(r -> assertThat(r.getDomAttribute("data-action")).startsWith("api-key"));
		chromium.driver().findElement(By.id("verify-link")).click();
		WebElement verification = await(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
		assertThat(verification.getText()).contains("审计链完整");
		assertThat(chromium.driver().getCurrentUrl()).contains("verify=1", "action=api-key");
		chromium.assertNoCspViolations();
		screenshot("audit");

		// and in English, from the switch on the page
		chromium.driver().findElement(By.cssSelector(".lang-switch a[lang='en']")).click();
		await(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");
		assertThat(chromium.driver().findElement(By.cssSelector("tr.audit-row .badge")).getText()).isEqualTo("Succeeded");
		screenshot("audit-en");
		chromium.driver().findElement(By.cssSelector(".lang-switch a[lang='zh-CN']")).click();
		await(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
	}
}
