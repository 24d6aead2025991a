package org.labtrust.registry.internal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.CreditCode;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.registry.internal.demo.DemoNames.City;
import org.labtrust.registry.internal.demo.StandardsCatalogue.Family;
import org.labtrust.registry.internal.demo.StandardsCatalogue.Standard;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Generates a realistic registry from a seed and bulk-loads it with COPY in one transaction.
 * The same seed, scale and date always give the same registry. Bodies, sites and certificates
 * are planned first (small); scope rows, the bulk, are generated while streaming, each
 * certificate from its own random stream so they need not be held in memory.
 */
final class DemoRegistryGenerator {

	/** Generated rows per table. */
	record Counts(long bodies, long sites, long certificates, long statusChanges, long scopeRows) {
	}

	private record SitePlan(long id, String name, String address, String divisionCode) {
	}

	private record CertificatePlan(long id, String number, String authority, String field, String industry,
			LocalDate issuedOn, LocalDate validUntil, CertificateStatus status, long siteId, List<Long> siteIds) {
	}

	private record BodyPlan(long id, String name, String creditCode, String legalForm, String representative,
			String divisionCode, String provinceCode, String address, List<SitePlan> sites,
			List<CertificatePlan> certificates) {
	}

	private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	/** Industry authority codes (BRIEF 2.1) plausible for each field. */
	private static final Map<String, List<String>> INDUSTRIES = Map.ofEntries(Map.entry("00", List.of("11", "14", "09")),
			Map.entry("01", List.of("06", "07")), Map.entry("02", List.of("28", "06")), Map.entry("03", List.of("10")),
			Map.entry("04", List.of("09", "15")), Map.entry("05", List.of("02", "11")), Map.entry("08", List.of("22", "11")),
			Map.entry("09", List.of("01", "11")), Map.entry("10", List.of("26", "11")), Map.entry("11", List.of("26", "11")),
			Map.entry("12", List.of("05")), Map.entry("13", List.of("08", "05", "06")), Map.entry("14", List.of("23", "11")),
			Map.entry("15", List.of("14", "11")), Map.entry("21", List.of("11", "34")));

	private final long seed;

	private final DemoScale scale;

	private final LocalDate today;

	private final int validityYears;

	private final CodeTables codes;

	private final StandardsCatalogue standards;

	private final List<String> fields;

	private final int[] fieldWeights;

	private final List<String> provinces;

	private final int[] provinceWeights;

	DemoRegistryGenerator(long seed, DemoScale scale, LocalDate today, int validityYears, CodeTables codes,
			StandardsCatalogue standards) {
		this.seed = seed;
		this.scale = scale;
		this.today = today;
		this.validityYears = validityYears;
		this.codes = codes;
		this.standards = standards;
		this.fields = new ArrayList<>(standards.coveredFields());
		Collections.sort(this.fields);
		this.fieldWeights = fields.stream()
			.mapToInt(f -> codes.field(f).map(CodeTables.Field::bodies2023).orElse(800))
			.toArray();
		this.provinces = codes.provinces().stream().map(CodeTables.Province::gb2260Code).toList();
		this.provinceWeights = provinces.stream().mapToInt(p -> DemoNames.PROVINCE_WEIGHTS.getOrDefault(p, 500)).toArray();
	}

	/** Writes the whole registry through {@code connection}, which must be in a transaction. */
	Counts load(Connection connection) throws SQLException {
		List<BodyPlan> bodies = planBodies();
		long[] statusChanges = { 0 };
		long[] scopeRows = { 0 };
		copy(connection, "body (id, name, credit_code, legal_form, legal_representative, division_code, province_code, address, created_at)",
				out -> bodies.forEach(b -> out.line(b.id(), b.name(), b.creditCode(), b.legalForm(),
						b.representative(), b.divisionCode(), b.provinceCode(), b.address(),
						b.certificates().get(0).issuedOn().atStartOfDay().atOffset(CHINA))));
		copy(connection, "site (id, body_id, name, address, division_code)", out -> bodies
			.forEach(b -> b.sites().forEach(s -> out.line(s.id(), b.id(), s.name(), s.address(), s.divisionCode()))));
		copy(connection, "certificate (id, number, body_id, authority_code, field_code, industry_code, issued_on, valid_until, status)",
				out -> bodies.forEach(b -> b.certificates().forEach(c -> out.line(c.id(), c.number(), b.id(),
						c.authority(), c.field(), c.industry(), c.issuedOn(), c.validUntil(), c.status()))));
		copy(connection, "certificate_status_change (id, certificate_id, from_status, to_status, changed_at, changed_by, reason)",
				out -> bodies.forEach(b -> b.certificates().forEach(c -> history(c, (from, to, at, reason) -> out.line(
						++statusChanges[0], c.id(), from, to, at, codes.authorityNameZh(c.authority()), reason)))));
		copy(connection, "scope_row (id, certificate_id, site_id, line_no, field_code, object_name, parameter_name, method_code, method_prefix, method_number, method_year, method_title, limitation, status)",
				out -> bodies.forEach(b -> b.certificates().forEach(c -> scope(c, (line, standard, object, parameter,
						limitation, siteId, status) -> out.line(++scopeRows[0], c.id(), siteId, line, c.field(), object,
								parameter, standard.code().code(), standard.code().prefix(), standard.code().number(),
								standard.code().year(), standard.titleZh(), limitation, status)))));
		long siteCount = bodies.stream().mapToLong(b -> b.sites().size()).sum();
		long certificateCount = bodies.stream().mapToLong(b -> b.certificates().size()).sum();
		try (Statement s = connection.createStatement()) {
			for (String table : List.of("body", "site", "certificate", "certificate_status_change", "scope_row")) {
				s.execute("select setval('" + table + "_seq', (select coalesce(max(id), 0) from " + table + ") + 50)");
			}
		}
		return new Counts(bodies.size(), siteCount, certificateCount, statusChanges[0], scopeRows[0]);
	}

	private List<BodyPlan> planBodies() {
		SplittableRandom random = new SplittableRandom(seed);
		Map<String, Integer> serials = new HashMap<>();
		Set<String> creditCodes = new HashSet<>();
		long[] siteId = { 0 };
		long[] certificateId = { 0 };
		List<BodyPlan> bodies = new ArrayList<>(scale.bodies);
		for (int i = 1; i <= scale.bodies; i++) {
			// every province has bodies, however small the scale
			String province = i <= provinces.size() ? provinces.get(i - 1) : provinces.get(weighted(random, provinceWeights));
			String provinceName = codes.provinceByGb2260(province).orElseThrow().nameZh();
			boolean municipality = List.of("11", "12", "31", "50").contains(province);
			City city = DemoNames.pick(random, DemoNames.CITIES.get(province));
			String field = fields.get(weighted(random, fieldWeights));
			boolean institution = random.nextInt(100) < 20;
			String place = municipality ? DemoNames.shortName(provinceName.replace("市", "")) : DemoNames.shortName(city.name());
			String name = institution ? place + "市" + DemoNames.INSTITUTION_NAMES.get(field)
					: place + DemoNames.pick(random, DemoNames.TRADE_NAMES) + DemoNames.pick(random, DemoNames.FIELD_WORDS.get(field))
							+ DemoNames.pick(random, DemoNames.COMPANY_SUFFIXES);
			if (institution && municipality) {
				name = provinceName + DemoNames.INSTITUTION_NAMES.get(field);
			}
			String creditCode;
			do {
				creditCode = creditCode(random, institution, city.divisionCode());
			}
			while (!creditCodes.add(creditCode));
			String address = (municipality ? "" : provinceName) + (municipality ? provinceName : "") + city.name()
					+ DemoNames.pick(random, DemoNames.ROADS) + (1 + random.nextInt(999)) + "号";
			String legalForm = institution ? "事业单位" : name.endsWith("股份有限公司") ? "股份有限公司" : "有限责任公司";

			List<SitePlan> sites = new ArrayList<>();
			sites.add(new SitePlan(++siteId[0], "主场所", address, city.divisionCode()));
			int extraSites = random.nextInt(100) < 25 ? 1 + random.nextInt(2) : 0;
			for (int s = 0; s < extraSites; s++) {
				City other = DemoNames.pick(random, DemoNames.CITIES.get(province));
				sites.add(new SitePlan(++siteId[0], other.name() + "实验室", provinceName + other.name() + DemoNames.pick(random, DemoNames.ROADS)
						+ (1 + random.nextInt(999)) + "号", other.divisionCode()));
			}
			List<Long> siteIds = sites.stream().map(SitePlan::id).toList();

			List<CertificatePlan> certificates = new ArrayList<>();
			certificates.add(certificate(random, ++certificateId[0], province, field, random.nextInt(100) < 3, serials, siteIds));
			if (random.nextInt(100) < 8) {
				String second = fields.get(weighted(random, fieldWeights));
				certificates.add(certificate(random, ++certificateId[0], province, second, random.nextInt(100) < 30, serials,
						siteIds));
			}
			bodies.add(new BodyPlan(i, name, creditCode, legalForm, DemoNames.person(random), city.divisionCode(), province,
					address, sites, certificates));
		}
		return bodies;
	}

	private CertificatePlan certificate(SplittableRandom random, long id, String province, String field, boolean national,
			Map<String, Integer> serials, List<Long> siteIds) {
		String authority = national ? CodeTables.NATIONAL_AUTHORITY
				: codes.provinceByGb2260(province).orElseThrow().authorityCode();
		int roll = random.nextInt(1000);
		LocalDate issued;
		CertificateStatus status;
		if (roll < 60) {
			// issued long enough ago that its validity ran out without renewal
			issued = today.minusYears(validityYears).minusDays(1 + random.nextInt(3 * 365));
			status = CertificateStatus.EXPIRED;
		}
		else {
			issued = today.minusDays(random.nextInt(validityYears * 365 - 1));
			status = roll < 75 ? CertificateStatus.SUSPENDED
					: roll < 85 ? CertificateStatus.REVOKED : roll < 92 ? CertificateStatus.CANCELLED : CertificateStatus.VALID;
		}
		if (issued.getYear() < 2015) {
			issued = LocalDate.of(2015, 1 + random.nextInt(12), 1 + random.nextInt(28));
		}
		String industry = DemoNames.pick(random, INDUSTRIES.get(field));
		int serial = serials.merge(authority + issued.getYear(), 1, Integer::sum);
		String number = CmaNumber.of(issued.getYear(), authority, field, industry, serial, codes).value();
		return new CertificatePlan(id, number, authority, field, industry, issued,
				issued.plusYears(validityYears).minusDays(1), status, siteIds.get(0), siteIds);
	}

	private interface HistoryRow {
		void accept(CertificateStatus from, CertificateStatus to, OffsetDateTime at, String reason);
	}

	private void history(CertificatePlan c, HistoryRow row) {
		OffsetDateTime issuedAt = c.issuedOn().atTime(LocalTime.of(9, 30)).atOffset(CHINA);
		row.accept(null, CertificateStatus.VALID, issuedAt, "资质认定决定：准予许可");
		SplittableRandom random = new SplittableRandom(seed * 31 + c.id());
		long days = Math.max(1, ChronoUnit.DAYS.between(c.issuedOn(), today));
		OffsetDateTime later = issuedAt.plusDays(1 + random.nextLong(days)).withHour(15);
		switch (c.status()) {
			case SUSPENDED -> row.accept(CertificateStatus.VALID, CertificateStatus.SUSPENDED, later,
					"监督检查发现不再符合资质认定条件，责令限期整改并暂停资质认定证书");
			case REVOKED -> row.accept(CertificateStatus.VALID, CertificateStatus.REVOKED, later,
					"出具虚假检验检测报告，依法撤销资质认定证书");
			case CANCELLED -> row.accept(CertificateStatus.VALID, CertificateStatus.CANCELLED, later, "机构申请注销资质认定证书");
			case EXPIRED -> row.accept(CertificateStatus.VALID, CertificateStatus.EXPIRED,
					c.validUntil().plusDays(1).atStartOfDay().atOffset(CHINA), "有效期届满未申请延续");
			case VALID -> {
			}
		}
	}

	private interface ScopeLine {
		void accept(int lineNo, Standard standard, String object, String parameter, String limitation, long siteId,
				ScopeStatus status);
	}

	private void scope(CertificatePlan c, ScopeLine line) {
		SplittableRandom random = new SplittableRandom(seed * 131 + c.id());
		int target = scale.minScopeRows + random.nextInt(scale.maxScopeRows - scale.minScopeRows + 1);
		List<Family> families = new ArrayList<>(standards.familiesFor(c.field()));
		shuffle(families, random);
		Set<String> seen = new LinkedHashSet<>();
		int lineNo = 0;
		for (Family family : families) {
			if (lineNo >= target) {
				break;
			}
			// Mostly the newest edition; a quarter of bodies still list an older one.
			List<Standard> editions = family.editions();
			Standard standard = editions.size() > 1 && random.nextInt(4) == 0
					? editions.get(1 + random.nextInt(editions.size() - 1)) : editions.get(0);
			if (standard.objects().isEmpty() || standard.parameters().isEmpty()) {
				continue;
			}
			for (String baseObject : standard.objects()) {
				for (String object : DemoNames.OBJECT_VARIANTS.getOrDefault(baseObject, List.of(baseObject))) {
					for (String parameter : standard.parameters()) {
						if (lineNo >= target || !seen.add(object + '|' + parameter + '|' + standard.code().code())) {
							continue;
						}
						int roll = random.nextInt(1000);
						ScopeStatus status = roll < 15 ? ScopeStatus.SUSPENDED : roll < 20 ? ScopeStatus.WITHDRAWN : ScopeStatus.VALID;
						String limitation = random.nextInt(100) < 8 ? DemoNames.pick(random, DemoNames.LIMITATIONS) : null;
						long siteId = c.siteIds().get(random.nextInt(c.siteIds().size()));
						line.accept(++lineNo, standard, object, parameter, limitation, siteId, status);
					}
				}
			}
		}
	}

	/** The 18-character code: registration authority, organisation type, division, organisation code, check. */
	private static String creditCode(SplittableRandom random, boolean institution, String division) {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder org = new StringBuilder(9);
		for (int k = 0; k < 8; k++) {
			org.append(random.nextInt(10) < 8 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(10 + random.nextInt(21)));
		}
		org.append(organisationCodeCheck(org));
		return CreditCode.withCheckCharacter((institution ? "12" : "91") + division + org).value();
	}

	/** GB 11714 check character of the 9-character organisation code embedded in the credit code. */
	static char organisationCodeCheck(CharSequence first8) {
		int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int k = 0; k < 8; k++) {
			char ch = first8.charAt(k);
			int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
			sum += value * weights[k];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}

	private static int weighted(SplittableRandom random, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int k = 0; k < weights.length; k++) {
			r -= weights[k];
			if (r < 0) {
				return k;
			}
		}
		return weights.length - 1;
	}

	private static <T> void shuffle(List<T> list, SplittableRandom random) {
		for (int k = list.size() - 1; k > 0; k--) {
			Collections.swap(list, k, random.nextInt(k + 1));
		}
	}

	/** Receives generated rows, one COPY line each. */
	private interface Rows {
		void line(Object... values);
	}

	/** Streams generated CSV into one COPY, in chunks of about 1 MiB. */
	private static void copy(Connection connection, String target, Consumer<Rows> generate) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY " + target + " FROM STDIN (FORMAT csv)");
		try {
			ChunkedRows rows = new ChunkedRows(copy);
			generate.accept(rows);
			rows.flush();
			copy.endCopy();
		}
		catch (RuntimeException e) {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
			throw e;
		}
	}

	private static final class ChunkedRows implements Rows {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(1 << 21);

		ChunkedRows(CopyIn copy) {
			this.copy = copy;
		}

		@Override
		public void line(Object... values) {
			Csv.line(buffer, values);
			if (buffer.length() > 1 << 20) {
				flush();
			}
		}

		void flush() {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			try {
				copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException e) {
				throw new UncheckedIOException(new IOException("COPY failed", e));
			}
			buffer.setLength(0);
		}
	}
}
