package org.labtrust.shared;

/**
 * A rule of the domain refused an input or an action. Carries a stable machine code (the
 * {@code code} member of the RFC 9457 problem answer) and the HTTP status it maps to; the human
 * message is looked up as {@code problem.<code>} in the message bundles, in the user's language.
 */
public class DomainException extends RuntimeException {

	private final String code;
	private final int status;
	private final transient Object[] args;

	public DomainException(String code, int status, String detail, Object... args) {
		super(detail);
		this.code = code;
		this.status = status;
		this.args = args;
	}

	/** Stable machine-readable code, e.g. {@code CERT_NUMBER_INVALID}. */
	public String code() {
		return code;
	}

	/** HTTP status this refusal answers with. */
	public int status() {
		return status;
	}

	/** Arguments for the localized message. */
	public Object[] args() {
		return args.clone();
	}

	public static DomainException badRequest(String code, String detail, Object... args) {
		return new DomainException(code, 400, detail, args);
	}

	public static DomainException notFound(String code, String detail, Object... args) {
		return new DomainException(code, 404, detail, args);
	}
}
