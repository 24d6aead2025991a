package org.labtrust.reports.internal.log;

import java.io.ByteArrayOutputStream;

/** Big-endian integers, as both the log entry encoding and PostgreSQL's binary COPY want them. */
final class BigEndian {

	private BigEndian() {
	}

	static void writeShort(ByteArrayOutputStream out, int value) {
		out.write(value >>> 8);
		out.write(value);
	}

	static void writeInt(ByteArrayOutputStream out, int value) {
		writeShort(out, value >>> 16);
		writeShort(out, value & 0xffff);
	}

	static void writeLong(ByteArrayOutputStream out, long value) {
		writeInt(out, (int) (value >>> 32));
		writeInt(out, (int) value);
	}
}
