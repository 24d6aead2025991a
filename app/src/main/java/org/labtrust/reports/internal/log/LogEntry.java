package org.labtrust.reports.internal.log;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One entry of the report log, encoded byte for byte as {@code docs/log-format.md} specifies
 * (version 1). Filings and revocations share a header; each kind then has its own fields.
 */
public sealed interface LogEntry permits LogEntry.Filing, LogEntry.Revocation {

	int VERSION = 1;

	int KIND_FILING = 1;

	int KIND_REVOCATION = 2;

	int MAX_SCOPE_ITEMS = 100;

	/** A string field is a 1-byte length and its UTF-8 bytes. */
	int MAX_STRING_BYTES = 255;

	Instant acceptedAt();

	String certificateNumber();

	String reportNumber();

	int kind();

	byte[] encode();

	/** A report issued by a body under a certificate. {@code replaces} is an entry index or -1. */
	record Filing(Instant acceptedAt, String certificateNumber, String reportNumber, LocalDate issuedOn,
			byte[] digest, int[] scopeLines, long replaces) implements LogEntry {

		public Filing {
			if (digest.length != 32) {
				throw new IllegalArgumentException("digest must be 32 bytes");
			}
			if (scopeLines.length < 1 || scopeLines.length > MAX_SCOPE_ITEMS) {
				throw new IllegalArgumentException("1 to " + MAX_SCOPE_ITEMS + " scope lines");
			}
			for (int line : scopeLines) {
				if (line < 0 || line > 0xffff) {
					throw new IllegalArgumentException("scope line " + line + " does not fit in 16 bits");
				}
			}
		}

		@Override
		public int kind() {
			return KIND_FILING;
		}

		/** The same report: everything but the time the log accepted it. */
		public boolean sameReportAs(Filing other) {
			return certificateNumber.equals(other.certificateNumber) && reportNumber.equals(other.reportNumber)
					&& issuedOn.equals(other.issuedOn) && Arrays.equals(digest, other.digest)
					&& Arrays.equals(scopeLines, other.scopeLines) && replaces == other.replaces;
		}

		@Override
		public byte[] encode() {
			ByteArrayOutputStream out = header(this);
			BigEndian.writeInt(out, (int) issuedOn.toEpochDay());
			out.writeBytes(digest);
			BigEndian.writeShort(out, scopeLines.length);
			for (int line : scopeLines) {
				BigEndian.writeShort(out, line);
			}
			if (replaces >= 0) {
				out.write(1);
				BigEndian.writeLong(out, replaces);
			}
			else {
				out.write(0);
			}
			return out.toByteArray();
		}
	}

	/** A body withdrew a report it had filed. */
	record Revocation(Instant acceptedAt, String certificateNumber, String reportNumber, long revokes,
			RevocationReason reason) implements LogEntry {

		@Override
		public int kind() {
			return KIND_REVOCATION;
		}

		@Override
		public byte[] encode() {
			ByteArrayOutputStream out = header(this);
			BigEndian.writeLong(out, revokes);
			out.write(reason.code());
			return out.toByteArray();
		}
	}

	/** Reads an entry, refusing anything that is not exactly a version-1 encoding. */
	static LogEntry decode(byte[] bytes) {
		try {
			ByteBuffer in = ByteBuffer.wrap(bytes);
			int version = Byte.toUnsignedInt(in.get());
			if (version != VERSION) {
				throw new IllegalArgumentException("unknown entry version " + version);
			}
			int kind = Byte.toUnsignedInt(in.get());
			Instant acceptedAt = Instant.ofEpochMilli(in.getLong());
			String certificate = readString(in);
			String report = readString(in);
			LogEntry entry;
			if (kind == KIND_FILING) {
				LocalDate issuedOn = LocalDate.ofEpochDay(Integer.toUnsignedLong(in.getInt()));
				byte[] digest = new byte[32];
				in.get(digest);
				int[] lines = new int[Short.toUnsignedInt(in.getShort())];
				for (int i = 0; i < lines.length; i++) {
					lines[i] = Short.toUnsignedInt(in.getShort());
				}
				int flag = in.get();
				long replaces = flag == 1 ? in.getLong() : -1;
				if (flag != 0 && flag != 1) {
					throw new IllegalArgumentException("bad replaces flag");
				}
				entry = new Filing(acceptedAt, certificate, report, issuedOn, digest, lines, replaces);
			}
			else if (kind == KIND_REVOCATION) {
				long revokes = in.getLong();
				entry = new Revocation(acceptedAt, certificate, report, revokes,
						RevocationReason.ofCode(Byte.toUnsignedInt(in.get())));
			}
			else {
				throw new IllegalArgumentException("unknown entry kind " + kind);
			}
			if (in.hasRemaining()) {
				throw new IllegalArgumentException("trailing bytes after entry");
			}
			return entry;
		}
		catch (BufferUnderflowException e) {
			throw new IllegalArgumentException("truncated entry", e);
		}
	}

	private static ByteArrayOutputStream header(LogEntry entry) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(96);
		out.write(VERSION);
		out.write(entry.kind());
		BigEndian.writeLong(out, entry.acceptedAt().toEpochMilli());
		writeString(out, entry.certificateNumber());
		writeString(out, entry.reportNumber());
		return out;
	}

	private static void writeString(ByteArrayOutputStream out, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > MAX_STRING_BYTES) {
			throw new IllegalArgumentException("string longer than 255 bytes");
		}
		out.write(bytes.length);
		out.writeBytes(bytes);
	}

	private static String readString(ByteBuffer in) {
		byte[] bytes = new byte[Byte.toUnsignedInt(in.get())];
		in.get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
