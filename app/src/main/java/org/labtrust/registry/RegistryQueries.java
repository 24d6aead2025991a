package org.labtrust.registry;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.labtrust.registry.internal.search.BodySearch;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the registry, for the public API, the pages and other modules. Reads go straight
 * to the tables with SQL (or to the search index), never through entities, so that a lookup
 * costs a few index probes.
 */
@Service
@Transactional(readOnly = true)
public class RegistryQueries {

	/**
	 * PostgreSQL NOTIFY channel on which every node hears the number of a certificate whose status
	 * or scope changed, when the change commits (subscribe through {@code PostgresChannels}).
	 */
	public static final String CHANGES_CHANNEL = "labtrust_registry_changed";

	private final JdbcClient jdbc;

	private final BodySearch search;

	private final CodeTables codes = CodeTables.load();

	RegistryQueries(JdbcClient jdbc, BodySearch search) {
		this.jdbc = jdbc;
		this.search = search;
	}

	public CodeTables codes() {
		return codes;
	}

	public BodySearchResult search(BodySearchQuery query, Locale locale) {
		return search.search(query, locale);
	}

	/**
	 * @throws DomainException {@code CERT_NUMBER_INVALID} for a malformed number,
	 *         {@code CERT_NOT_FOUND} when no certificate has it
	 */
	public CertificateDetail certificate(String rawNumber, Locale locale) {
		CmaNumber number = CmaNumber.parse(rawNumber, codes);
		boolean zh = isChinese(locale);
		record Row(long id, CertificateStatus status, LocalDate issuedOn, LocalDate validUntil, String authority,
				String field, String industry, CertificateDetail.Holder holder) {
		}
		Row row = jdbc.sql("""
				select c.id, c.status, c.issued_on, c.valid_until, c.authority_code, c.field_code, c.industry_code,
				       b.id, b.name, b.credit_code, b.province_code, b.address
				from certificate c join body b on b.id = c.body_id
				where c.number = ?""")
			.param(number.value())
			.query((rs, i) -> new Row(rs.getLong(1), CertificateStatus.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
					rs.getString(7), new CertificateDetail.Holder(rs.getLong(8), rs.getString(9), rs.getString(10),
							rs.getString(11), rs.getString(12))))
			.optional()
			.orElseThrow(() -> DomainException.notFound("CERT_NOT_FOUND", "No certificate " + number.value(),
					number.value()));
		return new CertificateDetail(number.value(), number.formatted(), row.status(), row.issuedOn(),
				row.validUntil(), row.authority(), authorityName(row.authority(), zh), row.field(),
				codes.field(row.field()).map(f -> zh ? f.nameZh() : f.nameEn()).orElse(row.field()), row.industry(),
				codes.industry(row.industry()).map(m -> zh ? m.nameZh() : m.nameEn()).orElse(row.industry()),
				row.holder(), history(row.id()), scope(List.of(row.id())).getOrDefault(row.id(), List.of()),
				decisions(row.id()));
	}

	/**
	 * The API's JSON document of a certificate, built by PostgreSQL in one statement instead of
	 * three queries and a serializer: the public lookup is the registry's hottest uncached read.
	 * It is the same document as {@link #certificate} serialized; a test holds the two equal.
	 *
	 * @throws DomainException {@code CERT_NOT_FOUND} when no certificate has the number
	 */
	public String certificateJson(CmaNumber number, Locale locale) {
		boolean zh = isChinese(locale);
		String field = codes.field(number.fieldCode()).map(f -> zh ? f.nameZh() : f.nameEn()).orElse(number.fieldCode());
		String industry = codes.industry(number.industryCode())
			.map(m -> zh ? m.nameZh() : m.nameEn())
			.orElse(number.industryCode());
		return jdbc.sql("""
				select json_build_object(
				  'number', c.number, 'formattedNumber', ?::text, 'status', c.status,
				  'issuedOn', c.issued_on, 'validUntil', c.valid_until,
				  'authorityCode', c.authority_code, 'authorityName', ?::text,
				  'fieldCode', c.field_code, 'fieldName', ?::text,
				  'industryCode', c.industry_code, 'industryName', ?::text,
				  'body', json_build_object('id', b.id, 'name', b.name, 'creditCode', b.credit_code,
				                            'provinceCode', b.province_code, 'address', b.address),
				  'history', coalesce((
				    select json_agg(json_build_object('from', h.from_status, 'to', h.to_status,
				             'at', (to_json(h.changed_at at time zone 'UTC') #>> '{}') || 'Z',
				             'by', h.changed_by, 'reason', h.reason) order by h.changed_at, h.id)
				    from certificate_status_change h where h.certificate_id = c.id), '[]'),
				  'scope', coalesce((
				    select json_agg(json_build_object('id', r.id, 'lineNo', r.line_no, 'fieldCode', r.field_code,
				             'objectName', r.object_name, 'parameterName', r.parameter_name,
				             'methodCode', r.method_code, 'methodTitle', r.method_title,
				             'limitation', r.limitation, 'siteId', r.site_id, 'siteName', s.name,
				             'status', r.status) order by r.line_no)
				    from scope_row r left join site s on s.id = r.site_id where r.certificate_id = c.id), '[]'),
				  'decisions', coalesce((
				    select json_agg(json_build_object('kind', d.kind,
				             'at', (to_json(d.changed_at at time zone 'UTC') #>> '{}') || 'Z',
				             'by', d.changed_by, 'detail', d.detail) order by d.id)
				    from certificate_change d where d.certificate_id = c.id), '[]')
				)::text
				from certificate c join body b on b.id = c.body_id
				where c.number = ?""")
			.params(number.formatted(), authorityName(number.authorityCode(), zh), field, industry, number.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("CERT_NOT_FOUND", "No certificate " + number.value(),
					number.value()));
	}

	/** @throws DomainException {@code BODY_NOT_FOUND} */
	public BodyDetail body(long id, Locale locale) {
		boolean zh = isChinese(locale);
		List<BodyDetail.Site> sites = jdbc.sql("select id, name, address, division_code from site where body_id = ? order by id")
			.param(id)
			.query((rs, i) -> new BodyDetail.Site(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		record Row(long id, String number, String authority, String field, String industry, LocalDate issued,
				LocalDate until, CertificateStatus status) {
		}
		List<Row> rows = jdbc.sql("""
				select id, number, authority_code, field_code, industry_code, issued_on, valid_until, status
				from certificate where body_id = ? order by issued_on desc, id""")
			.param(id)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
					CertificateStatus.valueOf(rs.getString(8))))
			.list();
		Map<Long, List<ScopeRowView>> scope = scope(rows.stream().map(Row::id).toList());
		List<BodyDetail.Certificate> certificates = rows.stream()
			.map(r -> new BodyDetail.Certificate(r.number(), r.authority(), authorityName(r.authority(), zh), r.field(),
					codes.field(r.field()).map(f -> zh ? f.nameZh() : f.nameEn()).orElse(r.field()), r.industry(),
					r.issued(), r.until(), r.status(), scope.getOrDefault(r.id(), List.of())))
			.toList();
		return jdbc.sql("""
				select id, name, credit_code, legal_form, legal_representative, division_code, province_code, address
				from body where id = ?""")
			.param(id)
			.query((rs, i) -> new BodyDetail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), provinceName(rs.getString(7), zh),
					rs.getString(8), sites, certificates))
			.optional()
			.orElseThrow(() -> DomainException.notFound("BODY_NOT_FOUND", "No body with id " + id, id));
	}

	/** The id of the body with this unified social credit code, if registered. */
	public Optional<Long> bodyIdByCreditCode(CreditCode code) {
		return jdbc.sql("select id from body where credit_code = ?").param(code.value()).query(Long.class).optional();
	}

	/**
	 * The authorities whose jurisdiction a body lies in: those that issued its certificates, or the
	 * authority of its province when it holds none. Empty when there is no such body.
	 */
	public Set<String> bodyAuthorities(long bodyId) {
		List<String[]> rows = jdbc.sql("""
				select b.province_code, c.authority_code from body b
				left join certificate c on c.body_id = b.id where b.id = ?""")
			.param(bodyId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		Set<String> authorities = new TreeSet<>();
		rows.stream().map(row -> row[1]).filter(Objects::nonNull).forEach(authorities::add);
		if (authorities.isEmpty() && !rows.isEmpty()) {
			codes.provinceByGb2260(rows.get(0)[0]).ifPresent(p -> authorities.add(p.authorityCode()));
		}
		return authorities;
	}

	/** A certificate with its status history and scope, for checks on report filings. */
	public Optional<CertificateForFiling> certificateForFiling(String number) {
		record Head(long id, long bodyId, LocalDate issuedOn, LocalDate validUntil) {
		}
		Optional<Head> head = jdbc.sql("select id, body_id, issued_on, valid_until from certificate where number = ?")
			.param(number)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class)))
			.optional();
		return head.map(h -> new CertificateForFiling(h.id(), number, h.bodyId(), h.issuedOn(), h.validUntil(),
				jdbc.sql("""
						select changed_at, to_status from certificate_status_change
						where certificate_id = ? order by changed_at, id""")
					.param(h.id())
					.query((rs, n) -> new CertificateForFiling.StatusSince(SqlTime.instant(rs, "changed_at"),
							CertificateStatus.valueOf(rs.getString(2))))
					.list(),
				jdbc.sql("""
						select line_no, parameter_name, method_code, status from scope_row
						where certificate_id = ? order by line_no""")
					.param(h.id())
					.query((rs, n) -> new CertificateForFiling.ScopeLine(rs.getInt(1), rs.getString(2), rs.getString(3),
							ScopeStatus.valueOf(rs.getString(4))))
					.list()));
	}

	/** A body in brief, for lists of bodies outside the registry (accounts, keys). */
	public record BodyRef(long id, String name, String creditCode, String provinceCode) {
	}

	public Optional<BodyRef> bodyRef(long id) {
		return jdbc.sql("select id, name, credit_code, province_code from body where id = ?")
			.param(id)
			.query((rs, n) -> new BodyRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** The lowest-id body holding a valid certificate of the given authority (for demo set-up). */
	public Optional<BodyRef> firstBodyOfAuthority(String authorityCode) {
		return jdbc.sql("""
				select b.id, b.name, b.credit_code, b.province_code from body b
				where exists (select 1 from certificate c
				              where c.body_id = b.id and c.authority_code = ? and c.status = 'VALID')
				order by b.id limit 1""")
			.param(authorityCode)
			.query((rs, n) -> new BodyRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** Every body in brief, in id order (for demo set-up). */
	public List<BodyRef> allBodies() {
		return jdbc.sql("select id, name, credit_code, province_code from body order by id")
			.query((rs, n) -> new BodyRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** A certificate as a partner's cross-check sees it; found false when it is not registered. */
	public record CertificateCheck(String number, boolean found, CertificateStatus status, LocalDate validUntil,
			String bodyName, String creditCode) {
	}

	/** A body as a partner's cross-check sees it, with its certificates' numbers and statuses. */
	public record BodyCheck(String creditCode, boolean found, Long bodyId, String name,
			List<BodySearchResult.CertificateSummary> certificates) {
	}

	/** The given certificates (normalized numbers), in the given order. */
	public List<CertificateCheck> checkCertificates(List<String> numbers) {
		if (numbers.isEmpty()) {
			return List.of();
		}
		Map<String, CertificateCheck> found = new LinkedHashMap<>();
		jdbc.sql("""
				select c.number, c.status, c.valid_until, b.name, b.credit_code
				from certificate c join body b on b.id = c.body_id where c.number = any(?)""")
			.param(numbers.toArray(String[]::new))
			.query((ResultSet rs) -> {
				found.put(rs.getString(1), new CertificateCheck(rs.getString(1), true,
						CertificateStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
						rs.getString(5)));
			});
		return numbers.stream()
			.map(n -> found.getOrDefault(n, new CertificateCheck(n, false, null, null, null, null)))
			.toList();
	}

	/** The given bodies (normalized credit codes), in the given order. */
	public List<BodyCheck> checkBodies(List<String> creditCodes) {
		if (creditCodes.isEmpty()) {
			return List.of();
		}
		Map<String, long[]> ids = new LinkedHashMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql("select credit_code, id, name from body where credit_code = any(?)")
			.param(creditCodes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				ids.put(rs.getString(1), new long[] { rs.getLong(2) });
				names.put(rs.getLong(2), rs.getString(3));
			});
		Map<Long, List<BodySearchResult.CertificateSummary>> certificates = certificateSummaries(
				new ArrayList<>(names.keySet()));
		return creditCodes.stream().map(code -> {
			long[] id = ids.get(code);
			return id == null ? new BodyCheck(code, false, null, null, List.of())
					: new BodyCheck(code, true, id[0], names.get(id[0]), certificates.getOrDefault(id[0], List.of()));
		}).toList();
	}

	/** Certificates of the given bodies, newest first, for result lists. */
	public Map<Long, List<BodySearchResult.CertificateSummary>> certificateSummaries(List<Long> bodyIds) {
		Map<Long, List<BodySearchResult.CertificateSummary>> byBody = new LinkedHashMap<>();
		if (bodyIds.isEmpty()) {
			return byBody;
		}
		jdbc.sql("""
				select body_id, number, status, valid_until, field_code, authority_code
				from certificate where body_id = any(?) order by body_id, issued_on desc, id""")
			.param(bodyIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				byBody.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new BodySearchResult.CertificateSummary(rs.getString(2),
							CertificateStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
							rs.getString(5), rs.getString(6)));
			});
		return byBody;
	}

	public String provinceName(String provinceCode, boolean zh) {
		return codes.provinceByGb2260(provinceCode).map(p -> zh ? p.nameZh() : p.nameEn()).orElse(provinceCode);
	}

	public String authorityName(String authorityCode, boolean zh) {
		return zh ? codes.authorityNameZh(authorityCode) : codes.authorityNameEn(authorityCode);
	}

	public static boolean isChinese(Locale locale) {
		return !"en".equals(locale.getLanguage());
	}

	private List<CertificateDetail.Decision> decisions(long certificateId) {
		return jdbc.sql("""
				select kind, changed_at, changed_by, detail from certificate_change where certificate_id = ? order by id""")
			.param(certificateId)
			.query((rs, i) -> new CertificateDetail.Decision(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	private List<CertificateDetail.StatusChange> history(long certificateId) {
		return jdbc.sql("""
				select from_status, to_status, changed_at, changed_by, reason
				from certificate_status_change where certificate_id = ? order by changed_at, id""")
			.param(certificateId)
			.query((rs, i) -> new CertificateDetail.StatusChange(
					rs.getString(1) == null ? null : CertificateStatus.valueOf(rs.getString(1)),
					CertificateStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	private Map<Long, List<ScopeRowView>> scope(List<Long> certificateIds) {
		Map<Long, List<ScopeRowView>> byCertificate = new LinkedHashMap<>();
		if (certificateIds.isEmpty()) {
			return byCertificate;
		}
		jdbc.sql("""
				select r.certificate_id, r.id, r.line_no, r.field_code, r.object_name, r.parameter_name, r.method_code,
				       r.method_title, r.limitation, r.site_id, s.name, r.status
				from scope_row r left join site s on s.id = r.site_id
				where r.certificate_id = any(?) order by r.certificate_id, r.line_no""")
			.param(certificateIds.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				long siteId = rs.getLong(10);
				Long site = rs.wasNull() ? null : siteId;
				byCertificate.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new ScopeRowView(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
							rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), site,
							rs.getString(11), ScopeStatus.valueOf(rs.getString(12))));
			});
		return byCertificate;
	}
}
