package org.labtrust.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.labtrust.identity.TestClients;
import org.labtrust.shared.ChinaTime;
import org.labtrust.verifier.InclusionProof;
import org.labtrust.verifier.MerkleHash;
import org.labtrust.verifier.MerkleTree;
import tools.jackson.databind.JsonNode;

/**
 * Filing through the API with a body's key, against the real database: per-item answers, retries,
 * the checks against the registry, revocation and replacement, and the public verification with
 * an inclusion proof that the verifier module accepts.
 */
class ReportFilingTest extends FilingClient {

	@Test
	void goodFilingsAreAcceptedAndBadOnesRefusedEachWithItsCode() {
		String otherCertificate = jdbc.sql("select number from certificate where body_id <> ? order by id limit 1")
			.param(body.bodyId())
			.query(String.class)
			.single();
		String first = number();
		String second = number();
		String yesterday = LocalDate.now(ChinaTime.ZONE).minusDays(1).toString();
		JsonNode answer = file(goodFiling(first, "a"), goodFiling(second, "b"),
				filing(number(), scope.certificate(), yesterday, "no such parameter", scope.method(), digestOf("c")),
				filing(number(), otherCertificate, yesterday, scope.parameter(), scope.method(), digestOf("d")),
				filing(number(), scope.certificate(), yesterday, scope.parameter(), scope.method(), "sha256:xyz"),
				filing(number(), scope.certificate(), LocalDate.now(ChinaTime.ZONE).plusDays(2).toString(), scope.parameter(),
						scope.method(), digestOf("e")),
				filing(number(), scope.certificate(), scope.issuedOn().minusDays(1).toString(), scope.parameter(),
						scope.method(), digestOf("f")),
				filing("bad\u0007number", scope.certificate(), yesterday, scope.parameter(), scope.method(), digestOf("g")),
				filing(number(), "123", yesterday, scope.parameter(), scope.method(), digestOf("h")));

		List<String> statuses = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (JsonNode result : answer.get("results")) {
			statuses.add(result.get("status").asString());
			codes.add(result.get("problems").isEmpty() ? "" : result.get("problems").get(0).get("code").asString());
		}
		assertThat(statuses).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
				"REJECTED", "REJECTED", "REJECTED");
		assertThat(codes).containsExactly("", "", "OUT_OF_SCOPE", "CERTIFICATE_NOT_OWNED", "DIGEST_INVALID",
				"ISSUED_ON_IN_FUTURE", "CERTIFICATE_NOT_YET_ISSUED", "REPORT_NUMBER_INVALID", "CERT_NUMBER_INVALID");
		assertThat(answer.get("results").get(2).get("problems").get(0).get("message").asString())
			.contains("no such parameter");
		long firstIndex = answer.get("results").get(0).get("entryIndex").asLong();
		assertThat(answer.get("results").get(1).get("entryIndex").asLong()).isEqualTo(firstIndex + 1);
		assertThat(answer.get("accepted").asInt()).isEqualTo(2);
		assertThat(answer.get("rejected").asInt()).isEqualTo(7);
		assertThat(jdbc.sql("select count(*) from report_rejection where body_id = ? and code = 'OUT_OF_SCOPE'")
			.param(body.bodyId())
			.query(Long.class)
			.single()).isPositive();

		// A retry answers DUPLICATE with the original index; another report under a used number is refused.
		JsonNode retry = file(goodFiling(first, "a"), goodFiling(second, "changed"));
		assertThat(retry.get("results").get(0).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(retry.get("results").get(0).get("entryIndex").asLong()).isEqualTo(firstIndex);
		assertThat(retry.get("results").get(1).get("status").asString()).isEqualTo("REJECTED");
		assertThat(retry.get("results").get(1).get("problems").get(0).get("code").asString())
			.isEqualTo("REPORT_NUMBER_TAKEN");

		// The same number twice in one batch: the second is the first's duplicate.
		String twice = number();
		JsonNode inBatch = file(goodFiling(twice, "x"), goodFiling(twice, "x"));
		assertThat(inBatch.get("results").get(1).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(inBatch.get("results").get(1).get("entryIndex").asLong())
			.isEqualTo(inBatch.get("results").get(0).get("entryIndex").asLong());
	}

	@Test
	void aFilingIsVerifiableWithAProofTheVerifierAccepts() throws Exception {
		String number = number();
		long index = file(goodFiling(number, "report file")).get("results").get(0).get("entryIndex").asLong();

		checkpointCovering(index); // within 2 s
		JsonNode answer = JSON.readTree(get("/api/v1/reports/verify?number=" + number + "&digest="
				+ digestOf("report file")).body());
		assertThat(answer.get("found").asBoolean()).isTrue();
		JsonNode match = answer.get("matches").get(0);
		assertThat(match.get("status").asString()).isEqualTo("VALID");
		assertThat(match.get("digestMatches").asBoolean()).isTrue();
		assertThat(match.get("certificateNumber").asString()).isEqualTo(scope.certificate());
		assertThat(match.get("body").get("id").asLong()).isEqualTo(body.bodyId());

		String[] checkpoint = answer.get("checkpoint").asString().split("\n");
		long size = Long.parseLong(checkpoint[1]);
		byte[] root = Base64.getDecoder().decode(checkpoint[2]);
		byte[] entry = Base64.getDecoder().decode(match.get("entry").asString());
		List<byte[]> proof = new ArrayList<>();
		match.get("inclusionProof").forEach(node -> proof.add(Base64.getDecoder().decode(node.asString())));
		assertThat(InclusionProof.verify(index, size, MerkleHash.leafHash(entry), proof, root)).isTrue();
		entry[entry.length - 5] ^= 1;
		assertThat(InclusionProof.verify(index, size, MerkleHash.leafHash(entry), proof, root)).isFalse();

		// a different file does not match; an unknown number is not found
		JsonNode other = JSON.readTree(get("/api/v1/reports/verify?number=" + number + "&digest=" + digestOf("forged")).body());
		assertThat(other.get("matches").get(0).get("digestMatches").asBoolean()).isFalse();
		assertThat(JSON.readTree(get("/api/v1/reports/verify?number=NEVER-FILED-1").body()).get("found").asBoolean())
			.isFalse();
	}

	@Test
	void proofsThroughFullTilesAndTheRightEdgeVerify() {
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			many.add(goodFiling(number(), "full tile " + i));
		}
		JsonNode results = file(many.toArray(String[]::new)).get("results");
		long last = results.get(results.size() - 1).get("entryIndex").asLong();
		checkpointCovering(last);
		// entry 0 lies in a full level-0 tile now (cached interior nodes); the last on the right edge
		for (long index : new long[] { 0, last / 2, last }) {
			String number = jdbc.sql("select report_number from report_filing where entry_index = ?").param(index)
				.query(String.class).single();
			JsonNode answer = JSON.readTree(get("/api/v1/reports/verify?number=" + number).body());
			String[] checkpoint = answer.get("checkpoint").asString().split("\n");
			JsonNode match = answer.get("matches").get(0);
			List<byte[]> proof = new ArrayList<>();
			match.get("inclusionProof").forEach(node -> proof.add(Base64.getDecoder().decode(node.asString())));
			assertThat(InclusionProof.verify(index, Long.parseLong(checkpoint[1]),
					MerkleHash.leafHash(Base64.getDecoder().decode(match.get("entry").asString())), proof,
					Base64.getDecoder().decode(checkpoint[2]))).as("entry %d", index).isTrue();
		}
	}

	@Test
	void theTilesServedRebuildTheSignedTree() {
		JsonNode filed = file(goodFiling(number(), "t1"), goodFiling(number(), "t2"), goodFiling(number(), "t3"));
		String note = checkpointCovering(filed.get("results").get(2).get("entryIndex").asLong());
		long size = Long.parseLong(note.split("\n")[1]);
		byte[] root = Base64.getDecoder().decode(note.split("\n")[2]);
		List<byte[]> entries = new ArrayList<>();
		for (long tile = 0; tile * 256 < size; tile++) {
			long width = Math.min(256, size - tile * 256);
			ByteBuffer bundle = ByteBuffer.wrap(getBytes("/log/tile/entries/" + String.format("%03d", tile)
					+ (width < 256 ? ".p/" + width : "")));
			while (bundle.hasRemaining()) {
				byte[] entry = new byte[Short.toUnsignedInt(bundle.getShort())];
				bundle.get(entry);
				entries.add(entry);
			}
		}
		assertThat(entries).hasSize((int) size);
		MerkleTree rebuilt = MerkleTree.ofEntries(entries);
		assertThat(rebuilt.rootHash(size)).isEqualTo(root);
		byte[] level0 = getBytes("/log/tile/0/000" + (size < 256 ? ".p/" + size : ""));
		for (int i = 0; i < Math.min(size, 256); i++) {
			assertThat(java.util.Arrays.copyOfRange(level0, i * 32, i * 32 + 32)).isEqualTo(rebuilt.leafHash(i));
		}
		HttpResponse<String> key = get("/log/key");
		assertThat(key.body()).startsWith("labtrust.example/reports+");
	}

	@Test
	void revocationAndReplacementAreNewEntriesThatNameTheOldOne() {
		String revoked = number();
		String replaced = number();
		file(goodFiling(revoked, "r1"), goodFiling(replaced, "r2"));
		String corrected = number();
		HttpResponse<String> response = post("/api/v1/reports/revocations", """
				{"revocations": [
				  {"reportNumber": %s, "reason": "DATA_ERROR"},
				  {"reportNumber": %s, "replacement": %s},
				  {"reportNumber": "NEVER-FILED-2", "reason": "OTHER"}]}"""
			.formatted(q(revoked), q(replaced), goodFiling(corrected, "r2 corrected")), body.key());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode results = JSON.readTree(response.body()).get("results");
		assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(results.get(1).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(results.get(2).get("problems").get(0).get("code").asString()).isEqualTo("REPORT_NOT_FOUND");

		JsonNode first = JSON.readTree(get("/api/v1/reports/verify?number=" + revoked).body()).get("matches").get(0);
		assertThat(first.get("status").asString()).isEqualTo("REVOKED");
		assertThat(first.get("revocationReason").asString()).isEqualTo("DATA_ERROR");
		assertThat(first.get("statusEntryIndex").asLong()).isEqualTo(results.get(0).get("entryIndex").asLong());
		JsonNode second = JSON.readTree(get("/api/v1/reports/verify?number=" + replaced).body()).get("matches").get(0);
		assertThat(second.get("status").asString()).isEqualTo("REPLACED");
		assertThat(second.get("replacedBy").asString()).isEqualTo(corrected);

		// a retried revocation is a duplicate; revoking a replaced report is refused
		JsonNode again = JSON.readTree(post("/api/v1/reports/revocations", """
				{"revocations": [{"reportNumber": %s, "reason": "DATA_ERROR"}, {"reportNumber": %s, "reason": "OTHER"}]}"""
			.formatted(q(revoked), q(replaced)), body.key()).body()).get("results");
		assertThat(again.get(0).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(again.get(0).get("entryIndex").asLong()).isEqualTo(results.get(0).get("entryIndex").asLong());
		assertThat(again.get(1).get("problems").get(0).get("code").asString()).isEqualTo("REPORT_ALREADY_REPLACED");

		// who asked is on the audit trail: the body's key, with the counts of the request
		List<String> audited = jdbc.sql("""
				select actor_kind || ' ' || detail from (
				  select actor_kind, detail, action, target_id from audit_entry
				  union all select actor_kind, detail, action, target_id from audit_pending) a
				where action = 'report.revocation' and target_id = ?""")
			.param(Long.toString(body.bodyId()))
			.query(String.class)
			.list();
		assertThat(audited).anySatisfy(row -> assertThat(row).startsWith("API_KEY").contains("\"accepted\":\"2\"")
			.contains("\"rejected\":\"1\""));
	}

	@Test
	void badRequestsAreRefusedWholeWithStableCodes() throws IOException {
		assertThat(post("/api/v1/reports/filings", "{\"filings\": [", body.key()).body()).contains("BODY_INVALID");
		assertThat(post("/api/v1/reports/filings", "{\"filings\": 3}", body.key()).body()).contains("BATCH_INVALID");
		StringBuilder many = new StringBuilder("{\"filings\": [");
		for (int i = 0; i < 10_001; i++) {
			many.append(i == 0 ? "" : ",").append("{}");
		}
		HttpResponse<String> tooMany = post("/api/v1/reports/filings", many.append("]}").toString(), body.key());
		assertThat(tooMany.statusCode()).isEqualTo(413);
		assertThat(tooMany.body()).contains("BATCH_TOO_MANY");
		// Refused on the declared length before the body is read (an HTTP client that insists on
		// sending all 17 MB first sees the connection closed instead).
		assertThat(declaringLength(17 << 20)).startsWith("HTTP/1.1 413").contains("BATCH_TOO_LARGE");
		// without a key the browser chain answers (CSRF first); a wrong key is 401, a partner's 403
		assertThat(post("/api/v1/reports/filings", "{\"filings\": []}", null).statusCode()).isIn(401, 403);
		assertThat(post("/api/v1/reports/filings", "{\"filings\": []}", "ltk_aaaaaaaaaaaa_" + "b".repeat(43)).statusCode())
			.isEqualTo(401);
		assertThat(post("/api/v1/reports/filings", "{\"filings\": []}", TestClients.partnerKey(dataDir())).statusCode())
			.isEqualTo(403);
		// wrong types in one item reject that item only
		JsonNode mixed = file("{\"reportNumber\": 5, \"issuedOn\": [], \"scope\": \"x\", \"digest\": {}}", "7");
		assertThat(mixed.get("rejected").asInt()).isEqualTo(2);
		// 64 characters of four UTF-8 bytes each do not fit the entry: refused, the rest goes on
		String wide = "\uD840\uDC00".repeat(64);
		JsonNode tooWide = file(goodFiling(wide, "wide"), goodFiling(number(), "narrow"));
		assertThat(tooWide.get("results").get(0).get("problems").get(0).get("code").asString())
			.isEqualTo("REPORT_NUMBER_INVALID");
		assertThat(tooWide.get("results").get(1).get("status").asString()).isEqualTo("ACCEPTED");

		for (String path : List.of("/log/tile/0/5", "/log/tile/0/x000", "/log/tile/0/0005", "/log/tile/64/000",
				"/log/tile/0/000.p/0", "/log/tile/0/000.p/256", "/log/tile/-1/000",
				"/log/tile/entries/x001/x002/x003/x004/x005/x006/007")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("LOG_TILE_PATH_INVALID");
		}
		assertThat(get("/log/tile/entries/../000").statusCode()).isIn(400, 404); // the firewall's answer
		HttpResponse<String> beyond = get("/log/tile/0/x999/999");
		assertThat(beyond.statusCode()).isEqualTo(404);
		assertThat(beyond.body()).contains("LOG_TILE_NOT_FOUND");
		assertThat(get("/api/v1/reports/verify?number=").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/reports/verify?number=X&digest=abc").body()).contains("DIGEST_INVALID");
	}
}
