package org.labtrust.registry.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.CreditCode;
import org.labtrust.registry.StandardCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated demo registry is realistic and internally consistent. */
class DemoRegistryTest extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private final CodeTables codes = CodeTables.load();

	@Test
	void everyCreditCodeIsValidAndLiesInTheBodysProvince() {
		List<String[]> rows = jdbc.sql("select credit_code, province_code, division_code from body")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		assertThat(rows).hasSize(300);
		rows.forEach(r -> {
			CreditCode code = CreditCode.parse(r[0]);
			assertThat(code.provinceCode()).isEqualTo(r[1]);
			assertThat(code.divisionCode()).isEqualTo(r[2]);
		});
	}

	@Test
	void everyCertificateNumberDecodesToItsOwnYearAuthorityAndField() {
		jdbc.sql("""
				select c.number, c.authority_code, c.field_code, c.industry_code, extract(year from c.issued_on)::int, b.province_code
				from certificate c join body b on b.id = c.body_id""").query((rs, i) -> {
			CmaNumber number = CmaNumber.parse(rs.getString(1), codes);
			assertThat(number.authorityCode()).isEqualTo(rs.getString(2));
			assertThat(number.fieldCode()).isEqualTo(rs.getString(3));
			assertThat(number.industryCode()).isEqualTo(rs.getString(4));
			assertThat(number.issueYear()).isEqualTo(rs.getInt(5));
			if (!number.isNational()) {
				assertThat(codes.provinceByAuthority(number.authorityCode()).orElseThrow().gb2260Code())
					.isEqualTo(rs.getString(6));
			}
			return number;
		}).list();
	}

	@Test
	void allProvincesAndEveryStatusArePresent() {
		assertThat(jdbc.sql("select count(distinct province_code) from body").query(Long.class).single()).isEqualTo(31);
		assertThat(jdbc.sql("select distinct status from certificate").query(String.class).list())
			.contains("VALID", "SUSPENDED", "REVOKED", "EXPIRED");
		assertThat(jdbc.sql("select distinct status from scope_row").query(String.class).list()).contains("VALID", "SUSPENDED");
	}

	@Test
	void expiredCertificatesAreThoseWhoseValidityEndedAndValidOnesHaveNot() {
		assertThat(jdbc.sql("select count(*) from certificate where status = 'EXPIRED' and valid_until >= current_date")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from certificate where status = 'VALID' and valid_until < current_date")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from certificate where valid_until <> issued_on + interval '6 years' - interval '1 day'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void scopeRowsUseRealStandardsIncludingSupersededEditions() {
		List<String> codesUsed = jdbc.sql("select distinct method_code from scope_row").query(String.class).list();
		codesUsed.forEach(c -> assertThat(StandardCode.parse(c).code()).isEqualTo(c));
		long superseded = jdbc.sql("""
				select count(*) from scope_row where method_code in
				  ('GB 5009.12-2017', 'GB 5009.12-2010', 'GB 5009.3-2010', 'GB 5009.5-2016', 'GB 5009.6-2016',
				   'GB 5009.11-2014', 'GB 5009.15-2014', 'GB 5009.17-2014', 'GB 21861-2014', 'GB 175-2007')""")
			.query(Long.class)
			.single();
		assertThat(codesUsed.size()).isGreaterThan(100);
		assertThat(superseded).isPositive();
	}
}
