package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.labtrust.Chromium;
import org.labtrust.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of an application's way through the pages in a real Chromium: a body applies for two
 * fields (the commitment procedure greyed, with the reason: medical devices), uploads a document in
 * the wizard and sees its SHA-256; the officer accepts and draws the team; the team leader, signed
 * in with their account, finds it among their tasks, starts a remote assessment, records a
 * nonconformity and asks for rectification; the body answers the finding. Needs the API's
 * procedures, documents and findings (licensing details on main): skipped where the platform does
 * not have them yet.
 */
class ApplicationAssessmentBrowserTest extends IntegrationTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.session();

	@Autowired
	JdbcClient jdbc;

	private String password(String username) throws IOException {
		JsonNode credentials = JsonMapper.builder().build().readTree(Files.readString(dataDir().resolve("demo-credentials.json")));
		for (JsonNode account : credentials.get("accounts")) {
			if (account.get("username").asString().equals(username)) {
				return account.get("password").asString();
			}
		}
		throw new IllegalArgumentException(username);
	}

	private void signIn(String username) throws IOException {
		if (!chromium.driver().findElements(By.cssSelector(".sign-out button")).isEmpty()) {
			chromium.driver().findElement(By.cssSelector(".sign-out button")).click();
			chromium.await(ExpectedConditions.urlContains("signedOut"));
		}
		chromium.driver().get(url("/login"));
		chromium.driver().findElement(By.id("username")).sendKeys(username);
		chromium.driver().findElement(By.id("password")).sendKeys(password(username), Keys.ENTER);
		chromium.await(ExpectedConditions.urlMatches("/staff$"));
	}

	private static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private WebElement byId(String id) {
		return chromium.driver().findElement(By.id(id));
	}

	private void next(String step) {
		byId("wizard-next").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("step-" + step)));
	}

	private void state(String state) {
		chromium.await(ExpectedConditions.attributeToBe(By.id("state-badge"), "data-state", state));
	}

	@Test
	void aDocumentATeamAFindingAndItsRectificationThroughThePages() throws IOException {
		signIn("gd-body-admin");
		chromium.driver().get(url("/staff/applications/new"));
		chromium.driver().findElement(By.cssSelector("label[for='type-FIRST_LICENCE']")).click();
		next("basics");
		chromium.driver().findElement(By.cssSelector("label[for='field-12']")).click();
		chromium.driver().findElement(By.cssSelector("label[for='field-15']")).click();
		next("procedure");
		chromium.await(d -> byId("procedure-COMMITMENT").getDomProperty("disabled").equals("true"));
		assertThat(byId("procedure-reason-COMMITMENT").getText()).contains("医疗器械");
		chromium.driver().findElement(By.cssSelector("label[for='procedure-GENERAL']")).click();
		next("details");
		WebElement row = chromium.driver().findElement(By.cssSelector("#scope-rows tr.scope-row"));
		new Select(row.findElement(By.name("fieldCode"))).selectByValue("12");
		row.findElement(By.name("objectName")).sendKeys("地表水");
		row.findElement(By.name("parameterName")).sendKeys("pH 值");
		row.findElement(By.name("methodCode")).sendKeys("HJ 1147-2020");
		next("review");
		byId("wizard-create").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("step-submit")));
		String statusUrl = byId("status-link").getDomAttribute("href");
		long id = Long.parseLong(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
		Path pdf = Files.createTempFile("form-", ".pdf");
		Files.writeString(pdf, "%PDF-1.4\n% test\n");
		byId("wizard-attachment-file").sendKeys(pdf.toAbsolutePath().toString());
		byId("wizard-upload-button").click();
		chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.id("wizard-attachments"), "SHA-256"));
		assertThat(byId("wizard-attachments").getText()).contains(pdf.getFileName().toString(),
				sha256(Files.readAllBytes(pdf)));
		byId("wizard-submit").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("submitted-notice")));
		chromium.assertNoCspViolations();

		chromium.driver().get(url(statusUrl));
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#attachments-body tr")));
		assertThat(chromium.driver().findElement(By.cssSelector("#attachments-body tr")).getText())
			.contains("申请书", sha256(Files.readAllBytes(pdf)), "gd-body-admin");
		Files.delete(pdf);
		chromium.assertNoCspViolations();
		chromium.screenshot("application-body-attachment");

		signIn("gd-acceptance-officer");
		chromium.driver().get(url(statusUrl));
		byId("submit-ACCEPT").click();
		state("ACCEPTED");
		byId("team-sources").sendKeys("9319/2.5.8.10.12");
		byId("team-size").clear();
		byId("team-size").sendKeys("2");
		byId("team-submit").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.id("team")));
		assertThat(chromium.driver().findElements(By.cssSelector("#team .team-member"))).hasSize(2);
		assertThat(byId("team").getText()).contains("组长", "9319/2.5.8.10.12");
		chromium.assertNoCspViolations();

		String leader = jdbc.sql("select s.account_username from assessment_team_member m join assessor s on s.id = m.assessor_id"
				+ " where m.application_id = ? and m.leader").param(id).query(String.class).single();
		signIn(leader);
		chromium.driver().get(url("/staff/applications"));
		assertThat(chromium.driver().findElement(By.cssSelector("table.assessor-tasks")).getText()).contains(Long.toString(id));
		chromium.driver().get(url(statusUrl));
		new Select(byId("mode-START_ASSESSMENT")).selectByValue("REMOTE");
		byId("submit-START_ASSESSMENT").click();
		state("IN_ASSESSMENT");
		byId("finding-clause").sendKeys("4.5.3");
		byId("finding-description").sendKeys("未对 pH 计进行期间核查");
		byId("finding-evidence").sendKeys("设备档案 EQ-12");
		byId("finding-submit").click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#findings-list li.finding")));
		assertThat(chromium.driver().findElement(By.cssSelector("#findings-list li.finding")).getText())
			.contains("不符合项", "4.5.3", "未对 pH 计进行期间核查", "设备档案 EQ-12");
		byId("note-REQUEST_RECTIFICATION").sendKeys("见评审发现 1");
		byId("submit-REQUEST_RECTIFICATION").click();
		state("RECTIFICATION");
		chromium.assertNoCspViolations();
		chromium.screenshot("application-assessor-finding");

		signIn("gd-body-admin");
		chromium.driver().get(url(statusUrl));
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.response-form textarea")));
		chromium.driver().findElement(By.cssSelector("form.response-form textarea")).sendKeys("已完成期间核查，记录见附件");
		chromium.driver().findElement(By.cssSelector("form.response-form button")).click();
		chromium.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".finding-response")));
		assertThat(chromium.driver().findElement(By.cssSelector(".finding-response")).getText())
			.contains("已完成期间核查，记录见附件");
		assertThat(byId("clock-waiting").getText()).contains("时限暂停");
		assertThat(byId("stops-list").getText()).as("the stop and the step that asked").contains("要求整改");
		chromium.assertNoCspViolations();
		chromium.screenshot("application-body-rectification");
	}
}
