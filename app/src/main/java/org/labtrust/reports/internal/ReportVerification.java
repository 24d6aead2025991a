package org.labtrust.reports.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.reports.internal.filing.FilingService;
import org.labtrust.reports.internal.filing.Problem;
import org.labtrust.reports.internal.log.Checkpoints;
import org.labtrust.reports.internal.log.LogEntry;
import org.labtrust.reports.internal.log.RevocationReason;
import org.labtrust.reports.internal.log.TileStore;
import org.labtrust.reports.internal.log.TreeMath;
import org.labtrust.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Answers "was this report registered?": every filing under the number (several bodies may use the
 * same one), its status, and an inclusion proof against the latest checkpoint, so that the answer
 * can be checked without trusting the platform.
 */
@Service
public class ReportVerification {

	public enum Status {
		VALID, REVOKED, REPLACED
	}

	/**
	 * One filing under the number.
	 *
	 * @param digestMatches whether the file's SHA-256 given by the caller is the filed one; null when none was given
	 * @param proof inclusion proof of the entry in the checkpoint's tree; null when the entry is newer than the checkpoint
	 */
	public record Match(RegistryQueries.BodyRef body, LogEntry.Filing filing, long entryIndex, byte[] entry,
			Status status, String replacedBy, Long changeIndex, RevocationReason revocationReason,
			Boolean digestMatches, List<byte[]> proof) {
	}

	public record Answer(String number, List<Match> matches, Checkpoints.Checkpoint checkpoint) {
	}

	private final JdbcClient jdbc;

	private final RegistryQueries registry;

	private final Checkpoints checkpoints;

	private final TileStore tiles;

	/** Bodies named by answers: a verification should cost one query, not one more per body. */
	private final Cache<Long, Optional<RegistryQueries.BodyRef>> bodies = Caffeine.newBuilder()
		.maximumSize(20_000)
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	ReportVerification(JdbcClient jdbc, RegistryQueries registry, Checkpoints checkpoints, TileStore tiles) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.checkpoints = checkpoints;
		this.tiles = tiles;
	}

	public Answer verify(String number, String certificate, String digest) {
		List<Problem> numberProblems = new ArrayList<>();
		FilingService.checkReportNumber(number, numberProblems);
		if (!numberProblems.isEmpty()) {
			throw DomainException.badRequest(numberProblems.get(0).code(), "Report number missing or malformed",
					numberProblems.get(0).args());
		}
		String certificateNumber = certificate == null || certificate.isBlank() ? null
				: CmaNumber.parse(certificate, registry.codes()).value();
		byte[] fileDigest = digest == null || digest.isBlank() ? null : parseDigest(digest.strip());
		Checkpoints.Checkpoint checkpoint = checkpoints.latest();
		record Row(long index, long bodyId, byte[] entry, Long changeIndex, byte[] changeEntry) {
		}
		List<Row> rows = jdbc.sql("""
				select f.entry_index, f.body_id, f.entry, s.entry_index, s.entry
				from report_filing f left join report_filing s on s.refers_to = f.entry_index
				where f.report_number = ? and f.kind = 1
				order by f.entry_index""")
			.param(number)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getBytes(3), (Long) rs.getObject(4),
					rs.getBytes(5)))
			.list();
		TreeMath tree = new TreeMath(tiles.source());
		List<Match> matches = new ArrayList<>();
		for (Row row : rows) {
			LogEntry.Filing filing = (LogEntry.Filing) LogEntry.decode(row.entry);
			if (certificateNumber != null && !certificateNumber.equals(filing.certificateNumber())) {
				continue;
			}
			Status status = Status.VALID;
			String replacedBy = null;
			RevocationReason reason = null;
			if (row.changeEntry != null) {
				LogEntry change = LogEntry.decode(row.changeEntry);
				if (change instanceof LogEntry.Revocation revocation) {
					status = Status.REVOKED;
					reason = revocation.reason();
				}
				else {
					status = Status.REPLACED;
					replacedBy = change.reportNumber();
				}
			}
			List<byte[]> proof = row.index < checkpoint.size() ? tree.inclusionProof(row.index, checkpoint.size()) : null;
			matches.add(new Match(bodies.get(row.bodyId, registry::bodyRef).orElse(null), filing, row.index, row.entry, status,
					replacedBy, row.changeIndex, reason,
					fileDigest == null ? null : Arrays.equals(fileDigest, filing.digest()), proof));
		}
		return new Answer(number, matches, checkpoint);
	}

	/** {@code sha256:<hex>} or bare hex, 64 digits. */
	static byte[] parseDigest(String digest) {
		String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
		if (hex.length() == 64) {
			try {
				return HexFormat.of().parseHex(hex);
			}
			catch (IllegalArgumentException e) {
				// below
			}
		}
		throw DomainException.badRequest("DIGEST_INVALID", "The digest must be sha256:<64 hex digits>");
	}
}
