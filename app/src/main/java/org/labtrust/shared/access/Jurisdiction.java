package org.labtrust.shared.access;

/**
 * Where an officer may act: the whole country, or the territory of one provincial authority.
 * Identified by the CMA authority code that certificates carry ({@code 00} national, {@code 01}
 * to {@code 31} the provinces), so that "may this officer act on this certificate" is one
 * comparison.
 */
public record Jurisdiction(String authorityCode) {

	public static final String NATIONAL_CODE = "00";

	public static final Jurisdiction NATIONAL = new Jurisdiction(NATIONAL_CODE);

	public Jurisdiction {
		if (authorityCode == null || !authorityCode.matches("\\d{2}")) {
			throw new IllegalArgumentException("Jurisdiction is a two-digit CMA authority code: " + authorityCode);
		}
	}

	public boolean isNational() {
		return NATIONAL_CODE.equals(authorityCode);
	}

	/** True when a resource of the given authority lies within this jurisdiction. */
	public boolean covers(String resourceAuthorityCode) {
		return isNational() || authorityCode.equals(resourceAuthorityCode);
	}

	@Override
	public String toString() {
		return authorityCode;
	}
}
