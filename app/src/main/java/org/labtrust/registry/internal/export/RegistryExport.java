package org.labtrust.registry.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Streams the whole public registry from a server-side cursor, so that memory stays flat however
 * large the registry (5 million scope rows at national scale). Holds one connection while it runs.
 */
@Component
public class RegistryExport {

	static final String[] CSV_COLUMNS = { "credit_code", "body_name", "province_code", "certificate_number",
			"certificate_status", "authority_code", "field_code", "issued_on", "valid_until", "line_no", "object",
			"parameter", "method_code", "method_title", "limitation", "site", "scope_status" };

	private static final int FETCH_SIZE = 5_000;

	private final DataSource dataSource;

	RegistryExport(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** RFC 4180 CSV with a header row, one line per scope row (certificates without scope get one). */
	public void writeCsv(OutputStream out) throws IOException {
		Writer w = writer(out);
		w.write(String.join(",", CSV_COLUMNS));
		w.write("\r\n");
		stream("""
				select b.credit_code, b.name, b.province_code, c.number, c.status, c.authority_code, c.field_code,
				       c.issued_on::text, c.valid_until::text, r.line_no::text, r.object_name, r.parameter_name,
				       r.method_code, r.method_title, r.limitation, s.name, r.status
				from certificate c
				join body b on b.id = c.body_id
				left join scope_row r on r.certificate_id = c.id
				left join site s on s.id = r.site_id
				order by c.id, r.line_no""", rs -> {
			for (int i = 1; i <= CSV_COLUMNS.length; i++) {
				if (i > 1) {
					w.write(',');
				}
				writeCsvField(w, rs.getString(i));
			}
			w.write("\r\n");
		});
		w.flush();
	}

	/** JSON Lines: one certificate per line with its body and full scope; PostgreSQL builds the JSON. */
	public void writeJsonl(OutputStream out) throws IOException {
		Writer w = writer(out);
		stream("""
				select json_build_object(
				  'number', c.number, 'status', c.status, 'authorityCode', c.authority_code,
				  'fieldCode', c.field_code, 'industryCode', c.industry_code,
				  'issuedOn', c.issued_on, 'validUntil', c.valid_until,
				  'body', json_build_object('creditCode', b.credit_code, 'name', b.name,
				                            'provinceCode', b.province_code, 'address', b.address),
				  'scope', coalesce((select json_agg(json_build_object(
				      'lineNo', r.line_no, 'object', r.object_name, 'parameter', r.parameter_name,
				      'methodCode', r.method_code, 'methodTitle', r.method_title, 'limitation', r.limitation,
				      'status', r.status) order by r.line_no)
				    from scope_row r where r.certificate_id = c.id), '[]'::json))::text
				from certificate c join body b on b.id = c.body_id
				order by c.id""", rs -> {
			w.write(rs.getString(1));
			w.write('\n');
		});
		w.flush();
	}

	private interface RowWriter {
		void write(ResultSet rs) throws SQLException, IOException;
	}

	private void stream(String sql, RowWriter rows) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false); // PostgreSQL uses a cursor only inside a transaction
			connection.setReadOnly(true);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setFetchSize(FETCH_SIZE);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rows.write(rs);
					}
				}
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new UncheckedIOException(new IOException("Export failed", e));
		}
	}

	private static Writer writer(OutputStream out) {
		return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
	}

	static void writeCsvField(Writer w, String value) throws IOException {
		if (value == null) {
			return;
		}
		boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0;
		if (!quote) {
			w.write(value);
			return;
		}
		w.write('"');
		w.write(value.replace("\"", "\"\""));
		w.write('"');
	}
}
