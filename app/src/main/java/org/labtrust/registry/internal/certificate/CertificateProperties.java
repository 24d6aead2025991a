package org.labtrust.registry.internal.certificate;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code labtrust.registry.certificate.*}: electronic certificates.
 *
 * @param signingKey PEM file with the Ed25519 private and public key that signs certificates (not
 * the log's key); generated on first start only on the embedded (demo and test) database, else it
 * must exist. Defaults to {@code <data-dir>/certificate-signing-key.pem}.
 * @param font the CJK font of the PDF, {@code path} or {@code path,N} for face N of a collection;
 * empty searches Debian's usual paths (fonts-noto-cjk first)
 */
@ConfigurationProperties("labtrust.registry.certificate")
public record CertificateProperties(Path signingKey, String font) {
}
