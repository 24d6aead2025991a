package org.labtrust.portal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages over HTTP, against the seeded demo registry: what a person (or a crawler) gets back. */
class PortalPagesTest extends IntegrationTest {

	private static final Pattern BODY_LINK = Pattern.compile("href=\"/bodies/(\\d+)\"");

	private static final Pattern SCOPE_ROW = Pattern.compile("<tr[ >][^\\n]*\\n\\s*<td data-label=\"序号\"");

	@Autowired
	JdbcClient jdbc;

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static List<Long> bodyIds(String html) {
		Set<Long> ids = new LinkedHashSet<>();
		Matcher m = BODY_LINK.matcher(html);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return new ArrayList<>(ids);
	}

	private static void assertNoInternals(String html) {
		assertThat(html).doesNotContain("Whitelabel", "Exception", "\tat org.", "SpelEvaluation", "??");
	}

	@Test
	void staticResourcesAreServedUnderTheirThreePathsOnly() {
		assertThat(get("/css/portal.css").headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/css"));
		assertThat(get("/js/staff.js").statusCode()).isEqualTo(200);
		// the layout's versionless WebJar link is written with the bundled version, and both are served
		String script = Pattern.compile("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js")
			.matcher(get("/").body())
			.results()
			.map(java.util.regex.MatchResult::group)
			.findFirst()
			.orElseThrow();
		assertThat(get(script).statusCode()).isEqualTo(200);
		assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
		// nothing else of the class path is reachable
		for (String path : List.of("/application.yml", "/static/css/portal.css", "/templates/portal/home.html",
				"/i18n/portal.properties")) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void theHomePageIsInChineseByDefaultWithOneSearchBoxAndACertificateLookUp() {
		HttpResponse<String> page = get("/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
		assertThat(page.body()).contains("<html lang=\"zh-CN\"", "检验检测机构资质认定公开查询", "name=\"q\"",
				"action=\"/certificates\"", "name=\"number\"", "大米 铅", "GB 5009.12-2017", "统一社会信用代码",
				"href=\"/?lang=en\"", "<label for=\"q\"", "<label for=\"number\"");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
		assertThat(page.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("cookie"));
		assertNoInternals(page.body());
	}

	@Test
	void theHomePageSwitchesToEnglishWithLangAndTheCookieKeepsItThere() {
		HttpResponse<String> english = get("/?lang=en");

		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("<html lang=\"en\"", "Public Registry of Inspection and Testing Bodies",
				"href=\"/?lang=zh-CN\"").doesNotContain("检验检测机构资质认定公开查询");
		String cookie = english.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		assertThat(cookie).startsWith("labtrust-lang=");
		assertThat(english.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("private"));

		HttpResponse<String> next = get("/search?q=" + enc("铅"), Map.of("Cookie", cookie));
		assertThat(next.body()).contains("<html lang=\"en\"", "bodies found", ">Valid<");
	}

	@Test
	void searchingForRiceListsBodiesWhoseScopeHasRiceWithTheirCertificatesAndStatus() {
		HttpResponse<String> page = get("/search?q=" + enc("大米"));

		assertThat(page.statusCode()).isEqualTo(200);
		List<Long> ids = bodyIds(page.body());
		assertThat(ids).isNotEmpty();
		long expected = jdbc.sql("""
				select count(distinct b.id) from body b where b.name like '%大米%' or exists (
				  select 1 from certificate c join scope_row r on r.certificate_id = c.id
				  where c.body_id = b.id and r.status = 'VALID' and (r.object_name || r.method_title) like '%大米%')""")
			.query(Long.class)
			.single();
		assertThat(page.body()).contains("“大米”：共找到 " + expected + " 家机构");
		assertThat(page.body()).containsPattern("href=\"/certificates/\\d{12}\"")
			.containsPattern("class=\"badge status-[a-z]+\">(有效|暂停|撤销|注销|过期)<")
			.containsPattern("有效期至 20\\d\\d年\\d{1,2}月\\d{1,2}日");
		for (long id : ids.subList(0, Math.min(5, ids.size()))) {
			assertThat(get("/bodies/" + id).body()).as("body %d", id).contains("大米");
		}
		assertNoInternals(page.body());
	}

	@Test
	void aProvinceFacetNarrowsTheResultsAndItsLinkKeepsTheQuery() {
		String province = jdbc.sql("select province_code from body group by province_code order by count(*) desc, 1 limit 1")
			.query(String.class)
			.single();
		long inProvince = jdbc.sql("select count(*) from body where province_code = ?").param(province)
			.query(Long.class).single();

		HttpResponse<String> all = get("/search");
		assertThat(all.body()).contains("href=\"/search?province=" + province + "\"");

		HttpResponse<String> narrowed = get("/search?province=" + province);
		assertThat(narrowed.statusCode()).isEqualTo(200);
		assertThat(narrowed.body()).contains("共 " + inProvince + " 家机构", "aria-current=\"true\"",
				"清除全部筛选");
		// the active value's link removes the filter again
		assertThat(narrowed.body()).containsPattern("href=\"/search\"[^>]*class=\"active\"");

		HttpResponse<String> nothing = get("/search?q=" + enc("没有这个词") + "&province=37&status=revoked");
		assertThat(nothing.statusCode()).isEqualTo(200);
		assertThat(nothing.body()).contains("共找到 0 家机构", "没有找到符合条件的机构", "所在省份：山东省 ✕",
				"证书状态：撤销 ✕", "href=\"/search?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D&amp;status=revoked\"");

		HttpResponse<String> withText = get("/search?q=" + enc("检测") + "&sort=name");
		assertThat(withText.body()).containsPattern(
				"href=\"/search\\?q=%E6%A3%80%E6%B5%8B&amp;province=\\d{2}&amp;sort=name\"");
	}

	@Test
	void resultsComeTwentyToAPageWithPageXOfYAndPreviousAndNextLinks() {
		long bodies = jdbc.sql("select count(*) from body").query(Long.class).single();
		long pages = (bodies + 19) / 20;
		assertThat(pages).as("the demo registry fills more than two pages").isGreaterThan(2);

		String first = get("/search?sort=name").body();
		assertThat(first).contains("共 " + bodies + " 家机构", "第 1 页，共 " + pages + " 页",
				"href=\"/search?sort=name&amp;page=1\"").doesNotContain("rel=\"prev\"");
		assertThat(bodyIds(first)).hasSize(20);

		String second = get("/search?sort=name&page=1").body();
		assertThat(second).contains("第 2 页，共 " + pages + " 页", "rel=\"prev\" href=\"/search?sort=name\"",
				"href=\"/search?sort=name&amp;page=2\"");
		assertThat(bodyIds(second)).doesNotContainAnyElementsOf(bodyIds(first));

		String last = get("/search?sort=name&page=" + (pages - 1)).body();
		assertThat(last).contains("第 " + pages + " 页，共 " + pages + " 页").doesNotContain("rel=\"next\"");
		assertThat(bodyIds(last)).hasSize((int) (bodies - (pages - 1) * 20));
	}

	@Test
	void anUnknownFilterValueAnswers400WithTheChineseMessageOnThePage() {
		HttpResponse<String> page = get("/search?q=" + enc("铅") + "&province=99");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
		assertThat(page.body()).contains("<html lang=\"zh-CN\"", "筛选条件不正确", "筛选条件 province 的值“99”不存在。",
				"value=\"铅\"");
		assertNoInternals(page.body());
	}

	@Test
	void aPageNumberThatIsNotANumberAnswers400InEnglishWhenAskedInEnglish() {
		HttpResponse<String> page = get("/search?page=two&lang=en");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("<html lang=\"en\"",
				"Paging parameter page has an invalid value &quot;two&quot;");
		assertNoInternals(page.body());
	}

	@Test
	void aBodyPageShowsTheBodyItsCertificatesAndEveryScopeRow() {
		long id = jdbc.sql("select body_id from certificate group by body_id order by count(*) desc, body_id limit 1")
			.query(Long.class)
			.single();
		String name = jdbc.sql("select name from body where id = ?").param(id).query(String.class).single();
		List<String> numbers = jdbc.sql("select number from certificate where body_id = ? order by number").param(id)
			.query(String.class).list();
		long rows = jdbc.sql("select count(*) from scope_row r join certificate c on c.id = r.certificate_id where c.body_id = ?")
			.param(id).query(Long.class).single();

		HttpResponse<String> page = get("/bodies/" + id);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(name, "统一社会信用代码", "法定代表人", "检验检测场所", "在能力范围中查找",
				"<label for=\"scope\"");
		numbers.forEach(n -> assertThat(page.body()).contains("href=\"/certificates/" + n + "\""));
		assertThat(SCOPE_ROW.matcher(page.body()).results().count()).isEqualTo(rows);
		assertNoInternals(page.body());
	}

	@Test
	void theScopeFilterKeepsOnlyRowsWithEveryWordAndHtmxGetsTheTablesAlone() {
		record Row(long body, String object, String parameter) {
		}
		Row row = jdbc.sql("""
				select c.body_id, r.object_name, r.parameter_name from scope_row r join certificate c on c.id = r.certificate_id
				where r.object_name not like '% %' and r.parameter_name not like '% %'
				order by c.body_id, r.id limit 1""")
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
		long expected = jdbc.sql("""
				select count(*) from scope_row r join certificate c on c.id = r.certificate_id left join site s on s.id = r.site_id
				where c.body_id = ?
				  and strpos(lower(replace(concat_ws(chr(10), r.object_name, r.parameter_name, r.method_code, r.method_title,
				       r.limitation, s.name), ' ', '')), lower(?)) > 0
				  and strpos(lower(replace(concat_ws(chr(10), r.object_name, r.parameter_name, r.method_code, r.method_title,
				       r.limitation, s.name), ' ', '')), lower(?)) > 0""")
			.param(row.body()).param(row.object()).param(row.parameter())
			.query(Long.class).single();
		String path = "/bodies/" + row.body() + "?scope=" + enc(row.object() + " " + row.parameter());

		HttpResponse<String> page = get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(SCOPE_ROW.matcher(page.body()).results().count()).isEqualTo(expected).isPositive();
		assertThat(page.body()).contains("<html", "显示全部");

		HttpResponse<String> fragment = get(path, Map.of("HX-Request", "true", "HX-Target", "scope-results"));
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html", "<header class=\"site-header\"")
			.contains("<div id=\"scope-results\"", "hx-swap-oob=\"innerHTML\"", "显示全部");
		assertThat(fragment.body().strip()).startsWith("<p id=\"scope-status\"");
		assertThat(page.body()).doesNotContain("hx-swap-oob");
		assertThat(SCOPE_ROW.matcher(fragment.body()).results().count()).isEqualTo(expected);

		HttpResponse<String> nothing = get("/bodies/" + row.body() + "?scope=" + enc("不存在的检测项目xyz"));
		assertThat(SCOPE_ROW.matcher(nothing.body()).results().count()).isZero();
		assertThat(nothing.body()).contains("没有包含“不存在的检测项目xyz”的条目");
	}

	@Test
	void anUnknownBodyIs404AndABodyIdThatIsNotANumberIs400() {
		long unknown = jdbc.sql("select coalesce(max(id), 0) + 1000 from body").query(Long.class).single();

		HttpResponse<String> missing = get("/bodies/" + unknown);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("机构不存在", "未查到该检验检测机构（" + unknown + "）");
		assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertNoInternals(missing.body());

		HttpResponse<String> malformed = get("/bodies/abc");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("机构编号“abc”应为数字");
		assertNoInternals(malformed.body());
	}

	@Test
	void aMalformedCertificateNumberIs400WithTheRuleForNumbers() {
		HttpResponse<String> page = get("/certificates/12345");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("证书编号格式不正确", "资质认定证书编号“12345”不正确", "应为12位数字",
				"name=\"number\"", "value=\"12345\"");
		assertNoInternals(page.body());
	}

	@Test
	void aWellFormedNumberThatIsNotRegisteredIs404AndSaysSoPlainly() {
		assertThat(jdbc.sql("select count(*) from certificate where number = '152701060345'").query(Long.class).single())
			.as("the example number must not be in the demo data").isZero();

		HttpResponse<String> page = get("/certificates/152701060345");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("未查到该证书", "查不到即表示未在本平台登记", "152701060345");
		assertNoInternals(page.body());
	}

	@Test
	void aCertificatePageGivesTheVerdictFirstThenHolderHistoryAndScope() {
		record Cert(String number, long body, String name, LocalDate validUntil, int rows) {
		}
		Cert cert = jdbc.sql("""
				select c.number, b.id, b.name, c.valid_until,
				       (select count(*) from scope_row r where r.certificate_id = c.id)::int
				from certificate c join body b on b.id = c.body_id where c.status = 'SUSPENDED' order by c.number limit 1""")
			.query((rs, i) -> new Cert(rs.getString(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getInt(5)))
			.single();

		String html = get("/certificates/" + cert.number()).body();

		int banner = html.indexOf("<section class=\"verdict status-suspended\"");
		assertThat(banner).as("the verdict banner").isPositive();
		assertThat(html.indexOf("证书已暂停", banner)).isPositive().isLessThan(html.indexOf("证书信息"));
		assertThat(html.indexOf("<main")).isLessThan(banner);
		assertThat(html.substring(html.indexOf("<main"), banner)).doesNotContain("<dl", "<table");
		assertThat(html.indexOf("证书信息")).isLessThan(html.indexOf("状态变更记录"));
		assertThat(html.indexOf("状态变更记录")).isLessThan(html.indexOf("能力范围（"));
		assertThat(html).contains("href=\"/bodies/" + cert.body() + "\"",
				cert.name(), "有效期至 " + cert.validUntil().getYear() + "年" + cert.validUntil().getMonthValue() + "月"
						+ cert.validUntil().getDayOfMonth() + "日",
				"（颁发）");
		assertThat(SCOPE_ROW.matcher(html).results().count()).isEqualTo(cert.rows());

		String english = get("/certificates/" + cert.number() + "?lang=en").body();
		assertThat(english).contains("Certificate suspended", "Valid until " + cert.validUntil());
	}

	@Test
	void theCertificateLookUpFormRedirectsToTheCertificatePage() {
		HttpResponse<String> redirect = get("/certificates?number=" + enc("15 27 01 06 0345"));

		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
				v -> assertThat(v).endsWith("/certificates/152701060345"));
	}

	@Test
	void anUnknownAddressGetsALocalizedPageNotAWhitelabel() {
		HttpResponse<String> page = get("/no-such-page", Map.of("Accept", "text/html"));

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("页面不存在", "name=\"q\"");
		assertNoInternals(page.body());
	}
}
