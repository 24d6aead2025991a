package org.labtrust.licensing.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.labtrust.licensing.ApplicationState;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of an application. A file is kept with its SHA-256 and never changed; its type
 * is what its first bytes say (PDF, OFD, PNG, JPEG), not what the client claims. The body adds
 * documents while the application is with it (draft, correction, rectification); the assessment
 * team adds its evidence during the assessment.
 */
@Service
public class Attachments {

	/** What a document is for. */
	public enum Kind {
		APPLICATION_FORM, QUALITY_MANUAL, PROCEDURES, PERSONNEL, EQUIPMENT, SITE, COMMITMENT, RECTIFICATION,
		ASSESSMENT_EVIDENCE, OTHER
	}

	/** A stored document, without its bytes. */
	public record Attachment(long id, String kind, String filename, String contentType, int size, String sha256,
			Instant uploadedAt, String uploadedBy) {
	}

	/** Types taken, by their first bytes: PDF, OFD (a ZIP container, GB/T 33190), PNG and JPEG. */
	private static final Map<String, byte[]> MAGIC = Map.of("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' },
			"application/ofd", new byte[] { 'P', 'K', 3, 4 }, "image/png",
			new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, "image/jpeg",
			new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });

	private static final Set<ApplicationState> BODY_MAY_ADD = Set.of(ApplicationState.DRAFT,
			ApplicationState.CORRECTION_REQUESTED, ApplicationState.RECTIFICATION);

	private final JdbcClient jdbc;

	private final ApplicationService applications;

	private final AuditTrail audit;

	private final Clock clock;

	private final int maxBytes;

	private final int maxFiles;

	Attachments(JdbcClient jdbc, ApplicationService applications, AuditTrail audit, Clock clock,
			@Value("${labtrust.licensing.attachments.max-bytes:20971520}") int maxBytes,
			@Value("${labtrust.licensing.attachments.max-files:100}") int maxFiles) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
		this.maxFiles = maxFiles;
	}

	@Transactional
	public Attachment add(Actor actor, long applicationId, String kind, String filename, byte[] content) {
		Application application = applications.lockVisible(actor, applicationId);
		if (!mayAdd(actor, application)) {
			throw new DomainException("ATTACHMENT_NOT_NOW", 409,
					"Documents cannot be added to an application in state " + application.state(),
					application.state().name());
		}
		Kind parsedKind;
		try {
			parsedKind = Kind.valueOf(String.valueOf(kind));
		}
		catch (IllegalArgumentException e) {
			throw DomainException.badRequest("ATTACHMENT_KIND_INVALID", "Unknown document kind " + kind,
					String.valueOf(kind));
		}
		if (content == null || content.length == 0) {
			throw DomainException.badRequest("ATTACHMENT_EMPTY", "The file is empty");
		}
		if (content.length > maxBytes) {
			throw new DomainException("ATTACHMENT_TOO_LARGE", 413, "A document is at most " + maxBytes + " bytes",
					maxBytes);
		}
		String type = contentType(content).orElseThrow(() -> new DomainException("ATTACHMENT_TYPE_INVALID", 415,
				"Only PDF, OFD, PNG and JPEG documents are taken"));
		String name = filename(filename);
		int count = jdbc.sql("select count(*) from application_attachment where application_id = ?")
			.param(applicationId)
			.query(Integer.class)
			.single();
		if (count >= maxFiles) {
			throw new DomainException("ATTACHMENT_LIMIT", 409, "An application has at most " + maxFiles + " documents",
					maxFiles);
		}
		String sha256 = sha256(content);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into application_attachment (application_id, kind, filename, content_type, size, sha256, content,
				                                    uploaded_at, uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(applicationId, parsedKind.name(), name, type, content.length, sha256, content, SqlTime.utc(now),
					actor.name())
			.query(Long.class)
			.single();
		audit.record(new AuditTrail.Entry("application.attachment.add", "application", Long.toString(applicationId),
				application.authorityCode(), Map.of("attachment", Long.toString(id), "sha256", sha256, "size",
						Integer.toString(content.length), "kind", parsedKind.name())));
		return new Attachment(id, parsedKind.name(), name, type, content.length, sha256, now, actor.name());
	}

	/**
	 * Whether the actor (who sees the application) may add a document now: the body while the
	 * application is with it, its assessors during the assessment.
	 */
	public boolean mayAdd(Actor actor, Application application) {
		if (actor.belongsTo(application.bodyId())) {
			return BODY_MAY_ADD.contains(application.state());
		}
		return actor.has(Permission.ASSESSMENT_PERFORM) && application.state() == ApplicationState.IN_ASSESSMENT;
	}

	public List<Attachment> list(long applicationId) {
		return jdbc.sql("""
				select id, kind, filename, content_type, size, sha256, uploaded_at, uploaded_by
				from application_attachment where application_id = ? order by id""")
			.param(applicationId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getString(6), SqlTime.instant(rs, "uploaded_at"), rs.getString(8)))
			.list();
	}

	/** A document with its bytes, if the actor may see the application. */
	public record Content(Attachment attachment, byte[] bytes) {
	}

	public Content content(Actor actor, long applicationId, long attachmentId) {
		applications.visible(actor, applicationId)
			.orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application"));
		return jdbc.sql("""
				select id, kind, filename, content_type, size, sha256, uploaded_at, uploaded_by, content
				from application_attachment where application_id = ? and id = ?""")
			.params(applicationId, attachmentId)
			.query((rs, n) -> new Content(new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getInt(5), rs.getString(6), SqlTime.instant(rs, "uploaded_at"), rs.getString(8)),
					rs.getBytes(9)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("ATTACHMENT_NOT_FOUND", "No such document"));
	}

	static Optional<String> contentType(byte[] content) {
		for (var entry : MAGIC.entrySet()) {
			byte[] magic = entry.getValue();
			if (content.length >= magic.length && java.util.Arrays.equals(content, 0, magic.length, magic, 0,
					magic.length)) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	/** The last path segment, NFC, without control characters, at most 200 characters. */
	static String filename(String raw) {
		String name = raw == null ? "" : raw.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")
				|| name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			throw DomainException.badRequest("ATTACHMENT_NAME_INVALID", "The file name is not usable");
		}
		return name.codePointCount(0, name.length()) > 200 ? name.substring(0, name.offsetByCodePoints(0, 200)) : name;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
