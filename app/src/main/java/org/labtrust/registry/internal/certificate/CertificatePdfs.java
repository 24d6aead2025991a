package org.labtrust.registry.internal.certificate;

import java.util.Optional;

import org.labtrust.shared.DomainException;

/**
 * The PDF renderer, when a CJK font was found. Without one the platform still starts (the
 * registry, the signed form and everything else work) and the PDF endpoint answers 503
 * {@code CERT_PDF_FONT_MISSING}, rather than a PDF whose Chinese would not show.
 */
public final class CertificatePdfs {

	private final Optional<CertificatePdf> renderer;

	public CertificatePdfs(Optional<CertificatePdf> renderer) {
		this.renderer = renderer;
	}

	/** @throws DomainException {@code CERT_PDF_FONT_MISSING} (503) when no font is installed */
	public CertificatePdf require() {
		return renderer.orElseThrow(() -> new DomainException("CERT_PDF_FONT_MISSING", 503,
				"No CJK font for certificate PDFs: install fonts-noto-cjk or set labtrust.registry.certificate.font"));
	}
}
