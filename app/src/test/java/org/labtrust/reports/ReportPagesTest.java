package org.labtrust.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.labtrust.verifier.InclusionProof;
import org.labtrust.verifier.MerkleHash;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The report pages over HTTP: a filed report's short link shows its body, status and a proof that
 * really verifies; an unknown number says plainly that it is not registered; bad input is a 400
 * with the problem in words; the log page shows the current checkpoint; a body's filing page lists
 * what it just filed and what was just refused.
 */
class ReportPagesTest extends FilingClient {

	private static final Pattern PROOF = Pattern.compile("<ol class=\"mono proof-text inclusion-proof\">(.*?)</ol>",
			Pattern.DOTALL);

	private static final Pattern LI = Pattern.compile("<li>([A-Za-z0-9+/=]+)</li>");

	private static final Pattern ENTRY = Pattern.compile("<pre class=\"mono proof-text entry-base64\">([A-Za-z0-9+/=]+)</pre>");

	private static final Pattern NOTE = Pattern.compile("<pre class=\"mono proof-text checkpoint-note\">(.*?)</pre>",
			Pattern.DOTALL);

	private static final Pattern LOG_SIZE = Pattern.compile("id=\"log-size\" data-size=\"(\\d+)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private String bodyName() {
		return jdbc.sql("select name from body where id = ?").param(body.bodyId()).query(String.class).single();
	}

	private long fileOne(String number) {
		JsonNode answer = file(goodFiling(number, "content of " + number));
		assertThat(answer.get("accepted").asInt()).as(answer.toString()).isEqualTo(1);
		return answer.get("results").get(0).get("entryIndex").asLong();
	}

	@Test
	void aFiledReportShowsItsBodyValidAndAProofThatVerifies() {
		String number = number();
		long index = fileOne(number);
		checkpointCovering(index);

		HttpResponse<String> page = get("/r/" + scope.certificate() + "/" + number, "zh-CN");

		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("data-verdict=\"VALID\"", "报告已登记，有效", HtmlUtils.htmlEscape(bodyName()),
				"href=\"/bodies/" + body.bodyId() + "\"", "href=\"/certificates/" + scope.certificate() + "\"",
				"data-status=\"VALID\"", "能力范围第 " + scope.line() + " 行", HtmlUtils.htmlEscape(scope.parameter()),
				"<dd class=\"mono entry-index\">" + index + "</dd>", "/api/v1/reports/verify?number=" + number);

		// the proof on the page is the real one: the entry as stored, and a path to the checkpoint's root
		byte[] stored = jdbc.sql("select entry from report_filing where entry_index = ?").param(index)
			.query(byte[].class).single();
		Matcher entry = ENTRY.matcher(html);
		assertThat(entry.find()).as("the entry in base64").isTrue();
		assertThat(Base64.getDecoder().decode(entry.group(1))).isEqualTo(stored);
		Matcher note = NOTE.matcher(html);
		assertThat(note.find()).as("the checkpoint note").isTrue();
		String[] lines = HtmlUtils.htmlUnescape(note.group(1)).split("\n");
		long size = Long.parseLong(lines[1]);
		byte[] root = Base64.getDecoder().decode(lines[2]);
		Matcher proof = PROOF.matcher(html);
		List<byte[]> hashes = new ArrayList<>();
		if (proof.find()) {
			Matcher li = LI.matcher(proof.group(1));
			while (li.find()) {
				hashes.add(Base64.getDecoder().decode(li.group(1)));
			}
		}
		assertThat(size).isGreaterThan(index);
		assertThat(hashes).as("an inclusion proof is shown for a tree of more than one entry")
			.hasSizeGreaterThan(size > 1 ? 0 : -1);
		assertThat(InclusionProof.verify(index, size, MerkleHash.leafHash(stored), hashes, root)).isTrue();
	}

	@Test
	void theVerifyFormFindsTheReportAndNarrowsByCertificate() {
		String number = number();
		fileOne(number);

		HttpResponse<String> found = get("/reports/verify?number=" + enc(number) + "&certificate=" + scope.certificate()
				+ "&lang=en");
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("data-verdict=\"VALID\"", "Report registered and valid");

		// another valid certificate number that is not the one the report was filed under
		String other = scope.certificate().substring(0, 8)
				+ String.format("%04d", (Integer.parseInt(scope.certificate().substring(8)) + 1) % 10000);
		HttpResponse<String> narrowed = get("/reports/verify?number=" + enc(number) + "&certificate=" + other + "&lang=en");
		assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
		assertThat(narrowed.body()).contains("data-verdict=\"NOT_FOUND\"");
	}

	@Test
	void anUnknownNumberSaysPlainlyThatItIsNotRegistered() {
		String number = "NEVER-FILED-" + number();

		HttpResponse<String> zh = get("/r/" + scope.certificate() + "/" + number, "zh-CN");
		assertThat(zh.statusCode()).isEqualTo(200);
		assertThat(zh.body()).contains("data-verdict=\"NOT_FOUND\"", "未查到该报告", "未查到即表示该报告未在本平台登记",
				"向出具报告的机构核实", "市场监督管理部门").doesNotContain("report-match");

		HttpResponse<String> en = get("/reports/verify?number=" + number + "&lang=en");
		assertThat(en.statusCode()).isEqualTo(200);
		assertThat(en.body()).contains("data-verdict=\"NOT_FOUND\"", "Report not found",
				"Not found means not registered on this platform", "ask the body that issued the report",
				"market regulation authority");
	}

	@Test
	void malformedInputIsA400WithTheProblemInWords() {
		HttpResponse<String> spaces = get("/reports/verify?number=" + enc(" BG-1 "), "zh-CN");
		assertThat(spaces.statusCode()).isEqualTo(400);
		assertThat(spaces.body()).contains("data-code=\"REPORT_NUMBER_INVALID\"", "报告编号应为 1 至 64 个字符")
			.doesNotContain("data-verdict");

		HttpResponse<String> tooLong = get("/r/" + scope.certificate() + "/" + "X".repeat(65) + "?lang=en");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("A report number has 1 to 64 characters");

		HttpResponse<String> empty = get("/reports/verify?number=&lang=en");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("data-code=\"REPORT_NUMBER_MISSING\"", "Give the report number.");

		HttpResponse<String> certificate = get("/r/12345/BG-1", "zh-CN");
		assertThat(certificate.statusCode()).isEqualTo(400);
		assertThat(certificate.body()).contains("data-code=\"CERT_NUMBER_INVALID\"", "资质认定证书编号“12345”不正确");

		HttpResponse<String> control = get("/reports/verify?number=" + enc("BG\u0001") + "&certificate=&lang=en");
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(control.body()).contains("data-code=\"REPORT_NUMBER_INVALID\"");
	}

	@Test
	void aNumberWithSlashesHasAShortLinkToo() {
		String number = "BG/" + number();
		fileOne(number);

		HttpResponse<String> page = get("/r/" + scope.certificate() + "/" + number + "?lang=en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-verdict=\"VALID\"", "<span class=\"mono\">" + number + "</span>");
	}

	@Test
	void theLogPageShowsTheCurrentCheckpointAndTheKey() {
		long index = fileOne(number());
		checkpointCovering(index);
		long before = Long.parseLong(get("/log/checkpoint").body().split("\n")[1]);

		HttpResponse<String> page = get("/log", "zh-CN");

		long after = Long.parseLong(get("/log/checkpoint").body().split("\n")[1]);
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher size = LOG_SIZE.matcher(page.body());
		assertThat(size.find()).isTrue();
		long shown = Long.parseLong(size.group(1));
		assertThat(shown).isGreaterThan(index).isBetween(before, after);
		String key = get("/log/key").body().strip();
		assertThat(page.body()).contains("报告登记日志", HtmlUtils.htmlEscape(key), "href=\"/log/checkpoint\"",
				"href=\"/log/key\"", "monitor --url http://localhost:" + port + "/log", "prove --url", "--index",
				"sumdb/tlog", "bench/log/tlog-interop");
		// the API beside the page still answers
		assertThat(get("/log/checkpoint").headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/plain"));
	}

	@Test
	void theLanguageSwitchWorksAndIsRemembered() {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
		String zh = send(browser, "/log").body();
		assertThat(zh).contains("lang=\"zh-CN\"", "报告登记日志", "href=\"/log?lang=en\"");

		String en = send(browser, "/log?lang=en").body();
		assertThat(en).contains("lang=\"en\"", "The report log", "How to verify independently")
			.doesNotContain("报告登记日志");
		// kept for the next page, without ?lang=
		assertThat(send(browser, "/reports/verify").body()).contains("Verify a test report");

		String back = send(browser, "/reports/verify?number=X-1&lang=zh-CN").body();
		assertThat(back).contains("未查到该报告", "href=\"/reports/verify?number=X-1&amp;lang=en\"");
	}

	@Test
	void theFilingPageListsWhatTheBodyJustFiledAndWhatWasRefused() throws IOException {
		String filed = number();
		long index = fileOne(filed);
		String refused = number();
		JsonNode answer = file(filing(refused, scope.certificate(), "2026-13-45", scope.parameter(), scope.method(),
				digestOf("x")));
		assertThat(answer.get("rejected").asInt()).isEqualTo(1);

		HttpClient browser = signIn("gd-body-admin");
		HttpResponse<String> page = send(browser, "/staff/reports");

		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("报告报送", "data-entry-index=\"" + index + "\"", ">" + filed + "</a>",
				"href=\"/r/" + scope.certificate() + "/" + filed + "\"");
		int row = html.indexOf(">" + refused + "<");
		assertThat(row).as("the refused filing is listed").isPositive();
		assertThat(html.substring(html.lastIndexOf("<tr", row), html.indexOf("</tr>", row)))
			.contains("data-code=\"ISSUED_ON_INVALID\"", "签发日期格式不正确");
		assertThat(html).containsPattern("data-code=\"ISSUED_ON_INVALID\">\\s*<strong class=\"code-count\">[1-9]");
		// the upload: script, CSRF header, endpoint, format and example
		assertThat(html).contains("src=\"/js/report-upload.js\"", "<meta name=\"_csrf_header\"",
				"data-endpoint=\"/api/v1/reports/filings\"", "reportNumber,certificateNumber,issuedOn,scope,digest",
				"href=\"/staff/reports/example.csv\"");

		HttpResponse<String> example = send(browser, "/staff/reports/example.csv");
		assertThat(example.statusCode()).isEqualTo(200);
		assertThat(example.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).contains("attachment"));
		assertThat(example.body()).startsWith("\uFEFFreportNumber,certificateNumber,issuedOn,scope,digest\r\n")
			.contains("," + scope.certificate() + ",");

		// in English, and a person of another body never sees these filings
		assertThat(send(browser, "/staff/reports?lang=en").body()).contains("Report filing", "Latest filings",
				"Issue date malformed");
		String other = send(signIn("js-body-admin"), "/staff/reports").body();
		assertThat(other).doesNotContain(">" + filed + "</a>", ">" + refused + "<");
	}

	@Test
	void theFilingPageIsForThoseWhoFile() {
		// a regulator holds no REPORT_FILE: refused (the matrix test checks every role)
		HttpResponse<String> anonymous = send(HttpClient.newBuilder().build(), "/staff/reports");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		// the body's key may file, so it may open the page, which shows its body
		HttpResponse<String> key = get("/staff/reports", Map.of("Authorization", "Bearer " + body.key()));
		assertThat(key.statusCode()).isEqualTo(200);
		assertThat(key.body()).contains(HtmlUtils.htmlEscape(bodyName()));
	}

	// --- a signed-in browser without the identity module's test helpers

	private HttpClient signIn(String username) throws IOException {
		JsonNode credentials = JSON.readTree(Files.readString(dataDir().resolve("demo-credentials.json")));
		String password = null;
		for (JsonNode account : credentials.get("accounts")) {
			if (account.get("username").asString().equals(username)) {
				password = account.get("password").asString();
			}
		}
		assertThat(password).as("demo account " + username).isNotNull();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
		Matcher csrf = CSRF.matcher(send(browser, "/login").body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> posted = send(browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
					+ "&_csrf=" + enc(csrf.group(1)))));
		assertThat(posted.statusCode()).as("sign-in of " + username).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	private HttpResponse<String> send(HttpClient browser, String path) {
		return send(browser, HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) {
		try {
			return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
