package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.TestActors;
import org.labtrust.identity.Client;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.identity.internal.apikey.ApiKeyService;
import org.labtrust.licensing.internal.Application;
import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.licensing.internal.AssessmentTeams;
import org.labtrust.licensing.internal.Findings;
import org.labtrust.registry.CertificateDetail;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.ScopeRowView;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each procedure start to certificate against the real database, with what the decision wrote in
 * the registry: a new certificate under the authority's next serial, a renewal under a new number
 * that cancels the old one, scope added, details changed on filing, a licence revoked for a false
 * commitment with the bar that follows; and the application's documents over HTTP.
 */
class LicensingScenarioTest extends IntegrationTest {

	@Autowired
	ApplicationService applications;

	@Autowired
	AssessmentTeams teams;

	@Autowired
	Findings findings;

	@Autowired
	RegistryQueries registry;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Autowired
	jakarta.persistence.EntityManager entities;

	@org.junit.jupiter.api.AfterEach
	void removeTestBodies() {
		fixtures.removeAll();
	}

	final Actor acceptance = TestActors.officer(Role.ACCEPTANCE_OFFICER, "19");

	final Actor decision = TestActors.officer(Role.DECISION_OFFICER, "19");

	LicensingFixtures fixtures;

	Actor body;

	@BeforeEach
	void newGuangdongBody() {
		fixtures = new LicensingFixtures(jdbc, transaction, entities);
		body = LicensingFixtures.bodyAdmin(fixtures.newBody("440106", "情景测试检测有限公司"));
	}

	Application open(ApplicationType type, Procedure procedure, String certificate,
			List<ApplicationService.ScopeRequest> scope, Map<String, String> changes, boolean signed) {
		Set<ChangeItem> items = changes.keySet().stream().filter(k -> !k.equals(ApplicationService.SITE_ADDRESS))
			.map(ChangeItem::valueOf).collect(java.util.stream.Collectors.toSet());
		return applications.open(body, new ApplicationService.NewApplication(type, procedure, Set.of("12"), false,
				items, certificate, null, scope, changes, signed));
	}

	/** Acceptance, a drawn team's assessment without nonconformities, approval and issuance. */
	Application throughAssessment(Application a) {
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);
		Actor assessor = fixtures.teamLeader(teams, acceptance, a.id());
		applications.act(assessor, a.id(), ApplicationEvent.START_ASSESSMENT, null);
		applications.act(assessor, a.id(), ApplicationEvent.CONCLUDE_ASSESSMENT, "符合要求");
		applications.act(decision, a.id(), ApplicationEvent.APPROVE, null);
		return applications.act(decision, a.id(), ApplicationEvent.ISSUE, null);
	}

	CertificateDetail certificate(String number) {
		return registry.certificate(number, Locale.CHINA);
	}

	@Test
	void generalFirstLicenceWritesANewCertificateUnderTheAuthoritysNextSerial() throws Exception {
		LocalDate today = LocalDate.now(org.labtrust.shared.ChinaTime.ZONE);
		Application issued = throughAssessment(
				open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null, fixtures.environmentScope(3), Map.of(), false));
		assertThat(issued.state()).isEqualTo(ApplicationState.ISSUED);
		String number = issued.issuedCertificateNumber();
		assertThat(number).as("YY 19 (Guangdong) 12 (environment) 34 (other) NNNN")
			.startsWith(String.format("%02d191234", today.getYear() % 100));

		CertificateDetail certificate = certificate(number);
		assertThat(certificate.status()).isEqualTo(CertificateStatus.VALID);
		assertThat(certificate.body().id()).isEqualTo(body.bodyId());
		assertThat(certificate.issuedOn()).isEqualTo(today);
		assertThat(certificate.validUntil()).isEqualTo(today.plusYears(6).minusDays(1));
		assertThat(certificate.scope()).extracting(ScopeRowView::lineNo).containsExactly(1, 2, 3);
		assertThat(certificate.scope()).extracting(ScopeRowView::methodCode)
			.containsExactlyElementsOf(fixtures.environmentScope(3).stream().map(ApplicationService.ScopeRequest::methodCode).toList());
		assertThat(certificate.scope()).allSatisfy(row -> assertThat(row.methodTitle()).isNotBlank());
		assertThat(certificate.history()).singleElement().satisfies(h -> assertThat(h.to()).isEqualTo(CertificateStatus.VALID));
		assertThat(jdbc.sql("select kind from certificate_change c join certificate t on t.id = c.certificate_id"
				+ " where t.number = ? and c.application_id = ?").params(number, issued.id()).query(String.class).list())
			.containsExactly("GRANTED");
		assertThat(get("/api/v1/certificates/" + number).statusCode()).as("the public registry has it").isEqualTo(200);
		// with its electronic certificate: the PDF, and the signed form that verifies offline with the platform's key
		HttpResponse<byte[]> pdf = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/certificates/" + number
				+ "/certificate.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		var verified = org.labtrust.verifier.CertificateJws.verify(get("/api/v1/certificates/" + number + "/signed").body(),
				get("/api/v1/keys").body());
		assertThat(verified.number()).isEqualTo(number);
		assertThat(verified.scope()).hasSize(3);

		// the next licence of the same authority and year takes the next serial
		body = LicensingFixtures.bodyAdmin(fixtures.newBody("440106", "情景测试第二检测有限公司"));
		String next = throughAssessment(open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null,
				fixtures.environmentScope(1), Map.of(), false)).issuedCertificateNumber();
		assertThat(Integer.parseInt(next.substring(8))).isGreaterThan(Integer.parseInt(number.substring(8)));
		assertThat(next.substring(0, 8)).isEqualTo(number.substring(0, 8));
		assertThat(jdbc.sql("select last_serial from certificate_serial where authority_code = '19' and issue_year = ?")
			.param(today.getYear()).query(Integer.class).single()).isEqualTo(Integer.parseInt(next.substring(8)));
	}

	@Test
	void renewalByDocumentReviewIssuesANewNumberAndCancelsTheOld() {
		String old = throughAssessment(open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null,
				fixtures.environmentScope(2), Map.of(), false)).issuedCertificateNumber();
		LocalDate oldUntil = certificate(old).validUntil();
		Application renewal = open(ApplicationType.RENEWAL, Procedure.DOCUMENT_REVIEW, old, List.of(), Map.of(), false);
		assertThat(renewal.authorityCode()).isEqualTo("19");
		applications.act(body, renewal.id(), ApplicationEvent.SUBMIT, null);
		applications.act(acceptance, renewal.id(), ApplicationEvent.ACCEPT, null);
		Actor teamMember = fixtures.teamLeader(teams, acceptance, renewal.id());
		long renewalId = renewal.id();
		Actor reviewer = teamMember;
		assertThatThrownBy(() -> applications.act(reviewer, renewalId, ApplicationEvent.START_ASSESSMENT, null,
				ApplicationService.AssessmentMode.ON_SITE))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "ASSESSMENT_MODE_INVALID");
		assertThat(applications.act(reviewer, renewalId, ApplicationEvent.START_ASSESSMENT, null).assessmentMode())
			.isEqualTo("DOCUMENTS");
		applications.act(reviewer, renewalId, ApplicationEvent.CONCLUDE_ASSESSMENT, "材料齐全，无违法违规");
		applications.act(decision, renewalId, ApplicationEvent.APPROVE, null);
		String renewed = applications.act(decision, renewalId, ApplicationEvent.ISSUE, null).issuedCertificateNumber();
		assertThat(renewed).isNotEqualTo(old);
		CertificateDetail fresh = certificate(renewed);
		assertThat(fresh.validUntil()).as("the new period follows the old").isEqualTo(oldUntil.plusYears(6));
		assertThat(fresh.scope()).extracting(ScopeRowView::methodCode)
			.containsExactlyElementsOf(certificate(old).scope().stream().map(ScopeRowView::methodCode).toList());
		// the public record says how the certificate came to be, naming the authority, not the officer
		assertThat(fresh.decisions()).extracting(CertificateDetail.Decision::kind).containsExactly("GRANTED", "RENEWED");
		assertThat(fresh.decisions().get(1).detail()).isEqualTo("renews " + old);
		assertThat(fresh.decisions()).allSatisfy(d -> assertThat(d.by()).isEqualTo(registry.authorityName("19", true)));
		assertThat(get("/api/v1/certificates/" + renewed).body()).containsPattern("\"kind\" ?: ?\"RENEWED\"").contains("renews " + old);
		assertThat(get("/certificates/" + renewed).body()).contains("准予延续，换发新证", "renews " + old);
		CertificateDetail ended = certificate(old);
		assertThat(ended.status()).isEqualTo(CertificateStatus.CANCELLED);
		assertThat(ended.history().get(ended.history().size() - 1).reason()).contains(renewed);
		// an ended certificate is renewed no more
		assertThatThrownBy(() -> open(ApplicationType.RENEWAL, Procedure.GENERAL, old, List.of(), Map.of(), false))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "CERTIFICATE_NOT_IN_FORCE");
	}

	@Test
	void extensionAddsLinesAndCancellationEndsTheCertificate() {
		String number = throughAssessment(open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null,
				fixtures.environmentScope(2), Map.of(), false)).issuedCertificateNumber();
		var extra = fixtures.environmentScope(4).subList(2, 4);
		Application extension = throughAssessment(
				open(ApplicationType.EMERGENCY_EXTENSION, Procedure.GENERAL, number, extra, Map.of(), false));
		assertThat(extension.assessmentMode()).as("an emergency extension is assessed remotely").isEqualTo("REMOTE");
		assertThat(certificate(number).scope()).extracting(ScopeRowView::lineNo).containsExactly(1, 2, 3, 4);
		assertThat(certificate(number).scope().subList(2, 4)).extracting(ScopeRowView::methodCode)
			.containsExactlyElementsOf(extra.stream().map(ApplicationService.ScopeRequest::methodCode).toList());

		Application cancelled = throughAssessment(
				open(ApplicationType.CANCELLATION, Procedure.GENERAL, number, List.of(), Map.of(), false));
		assertThat(cancelled.issuedCertificateNumber()).isEqualTo(number);
		assertThat(certificate(number).status()).isEqualTo(CertificateStatus.CANCELLED);
	}

	@Test
	void aSelfDeclaredChangeTakesEffectOnFiling() {
		String number = throughAssessment(open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null,
				fixtures.environmentScope(3), Map.of(), false)).issuedCertificateNumber();
		assertThatThrownBy(() -> applications.open(body, new ApplicationService.NewApplication(ApplicationType.CHANGE,
				Procedure.SELF_DECLARATION, Set.of(), false, Set.of(ChangeItem.NAME), number)))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "CHANGE_VALUE_MISSING");
		assertThatThrownBy(() -> open(ApplicationType.CHANGE, Procedure.SELF_DECLARATION, number, List.of(),
				Map.of("TEST_ITEM_CANCELLED", "2"), false))
			.as("cancelling test items touches capability: not self-declarable")
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "SELF_DECLARATION_NOT_ELIGIBLE");

		Application declared = open(ApplicationType.CHANGE, Procedure.SELF_DECLARATION, number, List.of(),
				Map.of("NAME", "情景测试更名检测有限公司", "LEGAL_REPRESENTATIVE", "李四"), false);
		assertThat(declared.changes()).containsEntry("NAME", "情景测试更名检测有限公司");
		Application effective = applications.act(body, declared.id(), ApplicationEvent.SUBMIT, null);
		assertThat(effective.state()).isEqualTo(ApplicationState.EFFECTIVE);
		var detail = registry.body(body.bodyId(), Locale.CHINA);
		assertThat(detail.name()).isEqualTo("情景测试更名检测有限公司");
		assertThat(detail.legalRepresentative()).isEqualTo("李四");
		assertThat(certificate(number).body().name()).isEqualTo("情景测试更名检测有限公司");

		// a site change moves the body's address
		throughAssessment(open(ApplicationType.SITE_CHANGE, Procedure.GENERAL, number, List.of(),
				Map.of(ApplicationService.SITE_ADDRESS, "广州市天河区新址路 8 号"), false));
		assertThat(registry.body(body.bodyId(), Locale.CHINA).address()).isEqualTo("广州市天河区新址路 8 号");

		// a change through the general procedure withdraws scope lines
		throughAssessment(open(ApplicationType.CHANGE, Procedure.GENERAL, number, List.of(),
				Map.of("TEST_ITEM_CANCELLED", "2"), false));
		assertThat(certificate(number).scope()).extracting(row -> row.lineNo() + ":" + row.status())
			.containsExactly("1:VALID", "2:WITHDRAWN", "3:VALID");
	}

	@Test
	void aFalseCommitmentRevokesTheLicenceAndBarsTheBody() {
		Application unsigned = open(ApplicationType.FIRST_LICENCE, Procedure.COMMITMENT, null,
				fixtures.environmentScope(1), Map.of(), false);
		assertThatThrownBy(() -> applications.act(body, unsigned.id(), ApplicationEvent.SUBMIT, null))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "COMMITMENT_NOT_SIGNED");
		applications.act(body, unsigned.id(), ApplicationEvent.WITHDRAW, null);

		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.COMMITMENT, null, fixtures.environmentScope(1),
				Map.of(), true);
		assertThat(a.commitmentSignedAt()).isNotNull();
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);
		applications.act(decision, a.id(), ApplicationEvent.APPROVE, null);
		a = applications.act(decision, a.id(), ApplicationEvent.ISSUE, null);
		assertThat(a.state()).isEqualTo(ApplicationState.AWAITING_VERIFICATION);
		String number = a.issuedCertificateNumber();
		assertThat(certificate(number).status()).as("licensed before verification").isEqualTo(CertificateStatus.VALID);

		long id = a.id();
		assertThatThrownBy(() -> applications.act(decision, id, ApplicationEvent.FIND_COMMITMENT_FALSE, "设备缺失"))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "VERIFICATION_TEAM_MISSING");
		assertThat(teams.draw(acceptance, id, "9319/2.5.8.10.12", 2).draw().team()).as("at least two experts")
			.hasSize(2);
		assertThatThrownBy(() -> applications.act(decision, id, ApplicationEvent.FIND_COMMITMENT_FALSE, " "))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "REASONS_REQUIRED");
		a = applications.act(decision, id, ApplicationEvent.FIND_COMMITMENT_FALSE, "盲样考核不合格，缺少承诺的设备");
		assertThat(a.state()).isEqualTo(ApplicationState.COMMITMENT_FALSE);
		assertThat(certificate(number).status()).isEqualTo(CertificateStatus.REVOKED);
		assertThatThrownBy(() -> open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null,
				fixtures.environmentScope(1), Map.of(), false))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "LICENSING_BARRED");
		jdbc.sql("update licensing_bar set barred_until = current_date where body_id = ?").param(body.bodyId()).update();
		assertThatThrownBy(() -> open(ApplicationType.FIRST_LICENCE, Procedure.COMMITMENT, null,
				fixtures.environmentScope(1), Map.of(), true))
			.as("after the 3 years, still never the commitment procedure")
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "COMMITMENT_BARRED");
	}

	@Test
	void aCommitmentIsVerifiedByDrawnExpertsAfterTheLicence() {
		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.COMMITMENT, null, fixtures.environmentScope(1),
				Map.of(), true);
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);
		long id = a.id();
		assertThatThrownBy(() -> teams.draw(acceptance, id, "9319/2.5.8.10.12", 2))
			.as("no assessment before the decision under commitment")
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "ASSESSMENT_TEAM_NOT_NOW");
		applications.act(decision, id, ApplicationEvent.APPROVE, null);
		a = applications.act(decision, id, ApplicationEvent.ISSUE, null);
		assertThat(a.step()).isEqualTo(Step.VERIFICATION);
		assertThat(a.dueOn()).isEqualTo(LocalDate.now(org.labtrust.shared.ChinaTime.ZONE).plusMonths(3));
		teams.draw(acceptance, id, "9319/2.5.8.10.12", 2);
		a = applications.act(decision, id, ApplicationEvent.CONFIRM_COMMITMENT, null);
		assertThat(a.state()).isEqualTo(ApplicationState.VERIFIED);
		assertThat(a.dueOn()).isNull();
		assertThat(certificate(a.issuedCertificateNumber()).status()).isEqualTo(CertificateStatus.VALID);
	}

	@Test
	void aBodyThatWithdrawsACommitmentApplicationUsesTheGeneralProcedureNext() {
		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.COMMITMENT, null, fixtures.environmentScope(1),
				Map.of(), true);
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		applications.act(body, a.id(), ApplicationEvent.WITHDRAW, "场地搬迁");
		assertThatThrownBy(() -> open(ApplicationType.FIRST_LICENCE, Procedure.COMMITMENT, null,
				fixtures.environmentScope(1), Map.of(), true))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "COMMITMENT_BARRED");
		assertThat(open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null, fixtures.environmentScope(1), Map.of(),
				false).state()).isEqualTo(ApplicationState.DRAFT);
	}

	@Test
	void rectificationEndsOnItsDueDateAndTheUnfixedItemsFail() {
		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null, fixtures.environmentScope(1),
				Map.of(), false);
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		applications.act(acceptance, a.id(), ApplicationEvent.ACCEPT, null);
		Actor assessor = fixtures.teamLeader(teams, acceptance, a.id());
		applications.act(assessor, a.id(), ApplicationEvent.START_ASSESSMENT, null);
		findings.record(assessor, a.id(), "RB/T 214-2017 4.2.1", "人员未经授权", "授权记录缺失", true);
		applications.act(assessor, a.id(), ApplicationEvent.REQUEST_RECTIFICATION, null);
		long id = a.id();
		assertThatThrownBy(() -> applications.act(assessor, id, ApplicationEvent.CONCLUDE_ASSESSMENT, "不合格"))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "RECTIFICATION_NOT_OVERDUE");
		jdbc.sql("update application set rectification_due_on = current_date - 1 where id = ?").param(id).update();
		assertThatThrownBy(() -> applications.act(body, id, ApplicationEvent.RECTIFY, null))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "RECTIFICATION_OVERDUE");
		a = applications.act(assessor, id, ApplicationEvent.CONCLUDE_ASSESSMENT, "整改逾期，不符合项未整改");
		assertThat(a.state()).isEqualTo(ApplicationState.ASSESSED);
		assertThat(applications.act(decision, id, ApplicationEvent.REFUSE, "技术评审不合格").state())
			.isEqualTo(ApplicationState.REFUSED);
		assertThat(jdbc.sql("select count(*) from certificate where body_id = ?").param(body.bodyId())
			.query(Integer.class).single()).isZero();
	}

	String applicationKey() {
		return Actors.callAs(Actor.SYSTEM, () -> keys.create(Actor.SYSTEM, new ApiKeyService.NewKey("scenario",
				ApiKey.OwnerKind.BODY, body.bodyId(), null, Set.of(Permission.APPLICATION_SUBMIT), null, null))).secret();
	}

	@Test
	void documentsAreKeptWithTheirDigestAndRefusedByType() throws Exception {
		Client api = Client.withKey(port, applicationKey());
		HttpResponse<String> opened = api.withJson("POST", "/api/v1/applications", """
				{"type": "FIRST_LICENCE", "procedure": "GENERAL", "fieldCodes": ["12"],
				 "scope": [{"objectName": "水", "parameterName": "pH 值", "methodCode": "HJ 1147-2020"}]}""");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String location = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

		byte[] pdf = "%PDF-1.7\n质量手册\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> added = api.postMultipart(location + "/attachments", "file", "../../质量手册.pdf", pdf,
				Map.of("kind", "QUALITY_MANUAL"));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
		assertThat(added.body()).contains("\"sha256\":\"" + sha + "\"", "\"filename\":\"质量手册.pdf\"",
				"\"contentType\":\"application/pdf\"", "\"size\":" + pdf.length);
		String attachment = added.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		HttpResponse<byte[]> download = send(java.net.http.HttpRequest.newBuilder(uri(attachment))
			.header("Authorization", "Bearer " + applicationKey()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");

		HttpResponse<String> exe = api.postMultipart(location + "/attachments", "file", "setup.pdf",
				new byte[] { 'M', 'Z', 0, 0 }, Map.of("kind", "OTHER"));
		assertThat(exe.statusCode()).isEqualTo(415);
		assertThat(exe.body()).contains("ATTACHMENT_TYPE_INVALID");
		assertThat(api.postMultipart(location + "/attachments", "file", "a.pdf", new byte[0], Map.of("kind", "OTHER"))
			.body()).contains("ATTACHMENT_EMPTY");
		assertThat(api.postMultipart(location + "/attachments", "file", "a.pdf", pdf, Map.of("kind", "SECRET"))
			.body()).contains("ATTACHMENT_KIND_INVALID");
		HttpResponse<String> huge = api.postMultipart(location + "/attachments", "file", "big.pdf",
				new byte[21 * 1024 * 1024], Map.of("kind", "OTHER"));
		assertThat(huge.statusCode()).isEqualTo(413);
		HttpResponse<String> json = api.withJson("POST", location + "/attachments", "{}");
		assertThat(json.statusCode()).isEqualTo(415);
		assertThat(json.body()).contains("MEDIA_TYPE_UNSUPPORTED");

		api.withJson("POST", location + "/events", "{\"event\": \"SUBMIT\"}");
		HttpResponse<String> late = api.postMultipart(location + "/attachments", "file", "late.pdf", pdf,
				Map.of("kind", "OTHER"));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("ATTACHMENT_NOT_NOW");

		HttpResponse<String> view = api.withJson("GET", location, "");
		assertThat(view.body()).contains("\"attachments\":[{", sha, "\"scope\":[{\"lineNo\":1",
				"\"actions\":[\"WITHDRAW\"]");
		assertThat(jdbc.sql("select count(*) from application_attachment where application_id = ?::bigint")
			.param(location.substring(location.lastIndexOf('/') + 1)).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theWizardLearnsWhichProceduresAreOpenAndWhy() {
		Client api = Client.withKey(port, applicationKey());
		HttpResponse<String> answer = api.withJson("GET",
				"/api/v1/applications/procedures?type=FIRST_LICENCE&fieldCodes=15&specialFoods=false", "");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("{\"procedure\":\"GENERAL\",\"open\":true,\"refusals\":[]}",
				"{\"procedure\":\"COMMITMENT\",\"open\":false,\"refusals\":[{\"code\":\"COMMITMENT_EXCLUDED_FIELD\"",
				"\"code\":\"PROCEDURE_NOT_FOR_TYPE\"");
		assertThat(api.withJson("GET", "/api/v1/applications/procedures?type=TELEPORT", "").body())
			.contains("PARAMETER_INVALID");
		// careless input answers a problem, never a 500
		for (String bad : List.of("{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", \"fieldCodes\": [null]}",
				"{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", \"fieldCodes\": []}",
				"{\"type\": \"CHANGE\", \"procedure\": \"GENERAL\", \"changeItems\": [null]}",
				"{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", \"fieldCodes\": [\"12\"], \"scope\": [null]}",
				"{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", \"fieldCodes\": [\"12\"], \"scope\": "
						+ "[{\"objectName\": \"水\", \"parameterName\": \"\\u0000\", \"methodCode\": \"HJ 1147-2020\"}]}",
				"{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", \"fieldCodes\": [\"12\"], \"scope\": "
						+ "[{\"objectName\": \"水\", \"parameterName\": \"pH\", \"methodCode\": \"不是标准\"}]}",
				"{\"type\": \"RENEWAL\", \"procedure\": \"GENERAL\", \"certificateNumber\": \"12345\"}",
				"{\"type\": \"FIRST_LICENCE\", \"procedure\": \"GENERAL\", \"fieldCodes\": [\"12\"], \"industryCode\": \"99\"}")) {
			HttpResponse<String> refused = api.withJson("POST", "/api/v1/applications", bad);
			assertThat(refused.statusCode()).as(bad + " -> " + refused.body()).isBetween(400, 422);
			assertThat(refused.body()).as(bad).contains("\"code\":\"");
		}
	}

	@Test
	void aDueDateInAYearWithoutHolidayDataLeavesTheQueueReadable() {
		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null, fixtures.environmentScope(1),
				Map.of(), false);
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		// as if computed once an administrator had entered that year, and then today's span cannot be counted
		jdbc.sql("update application set due_on = date '2027-06-01' where id = ?").param(a.id()).update();
		HttpResponse<String> queue = org.labtrust.identity.TestClients.demoAccount(port, dataDir(),
				"gd-acceptance-officer").withJson("GET", "/api/v1/applications?limit=1000", "");
		assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
		assertThat(queue.body()).contains("\"id\":" + a.id() + ",");
		assertThat(applications.visible(acceptance, a.id())).isPresent();
	}

	@Test
	void theViewShowsTheStopsAndWhatEachPersonMayDo() {
		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null, fixtures.environmentScope(1),
				Map.of(), false);
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		assertThat(applications.actions(acceptance, applications.visible(acceptance, a.id()).orElseThrow()))
			.containsExactlyInAnyOrder(ApplicationEvent.REQUEST_CORRECTION, ApplicationEvent.ACCEPT,
					ApplicationEvent.DECLINE);
		assertThat(applications.actions(body, applications.visible(body, a.id()).orElseThrow()))
			.containsExactly(ApplicationEvent.WITHDRAW);
		assertThat(applications.actions(decision, applications.visible(decision, a.id()).orElseThrow())).isEmpty();
		long id = a.id();
		assertThatThrownBy(() -> applications.act(acceptance, id, ApplicationEvent.DECLINE, ""))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "REASONS_REQUIRED");
		applications.act(acceptance, id, ApplicationEvent.REQUEST_CORRECTION, "缺少：营业执照、质量手册");
		var reading = org.labtrust.licensing.internal.ClockReading.of(applications.history(id),
				LocalDate.now(org.labtrust.shared.ChinaTime.ZONE), new StatutoryClock(calendar, TimeLimits.DEFAULTS));
		assertThat(reading.stops()).singleElement().satisfies(stop -> {
			assertThat(stop.reason()).isEqualTo("REQUEST_CORRECTION");
			assertThat(stop.to()).as("still waiting").isNull();
		});
		applications.act(body, id, ApplicationEvent.RESUBMIT, null);
		reading = org.labtrust.licensing.internal.ClockReading.of(applications.history(id),
				LocalDate.now(org.labtrust.shared.ChinaTime.ZONE), new StatutoryClock(calendar, TimeLimits.DEFAULTS));
		assertThat(reading.stops()).singleElement().satisfies(stop -> assertThat(stop.to()).isNotNull());
		assertThat(reading.authorityWorkingDays()).isNotNull();
	}

	@Autowired
	org.labtrust.shared.calendar.WorkingDayCalendar calendar;

	@Autowired
	org.labtrust.licensing.internal.OverdueAlerts overdue;

	@Test
	void anOverdueStepIsAlertedOncePerDueDate() {
		Application a = open(ApplicationType.FIRST_LICENCE, Procedure.GENERAL, null, fixtures.environmentScope(1),
				Map.of(), false);
		applications.act(body, a.id(), ApplicationEvent.SUBMIT, null);
		LocalDate due = applications.visible(body, a.id()).orElseThrow().dueOn();
		org.junit.jupiter.api.Assumptions.assumeTrue(due != null, "the acceptance step falls in a known year");
		assertThat(overdue.raise(due)).extracting(o -> o.id()).doesNotContain(a.id());
		assertThat(overdue.raise(due.plusDays(1))).extracting(o -> o.id()).contains(a.id());
		assertThat(overdue.raise(due.plusDays(2))).as("once per due date").extracting(o -> o.id()).doesNotContain(a.id());
		// the officer sends a correction notice and the body answers: a new due date, a new alert when missed
		applications.act(acceptance, a.id(), ApplicationEvent.REQUEST_CORRECTION, "缺少营业执照");
		// as if the notice went out two weeks ago: the step stood still for those working days
		jdbc.sql("update application set waiting_since = waiting_since - 14 where id = ?").param(a.id()).update();
		Application resubmitted = applications.act(body, a.id(), ApplicationEvent.RESUBMIT, null);
		org.junit.jupiter.api.Assumptions.assumeTrue(resubmitted.dueOn() != null);
		assertThat(resubmitted.dueOn()).isAfter(due);
		assertThat(overdue.raise(resubmitted.dueOn())).extracting(o -> o.id()).doesNotContain(a.id());
		assertThat(overdue.raise(resubmitted.dueOn().plusDays(1))).extracting(o -> o.id()).contains(a.id());
	}
}
