package org.labtrust.registry.internal.certificate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The certificate signing key, the signer and the PDF renderer. */
@Configuration(proxyBeanMethods = false)
class CertificateConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CertificateConfiguration.class);

	/** On the embedded database (demo, tests) a missing key is generated; in production it must exist. */
	@Bean
	CertificateKey certificateKey(CertificateProperties properties, @Value("${labtrust.data-dir}") Path dataDir,
			DatabaseMode mode) {
		Path file = properties.signingKey() != null && !properties.signingKey().toString().isEmpty()
				? properties.signingKey() : dataDir.resolve("certificate-signing-key.pem");
		CertificateKey key = CertificateKey.load(file, mode == DatabaseMode.EMBEDDED);
		log.info("Certificates are signed with key {} from {}", key.keyId(), file.toAbsolutePath());
		return key;
	}

	@Bean
	CertificateSigner certificateSigner(CertificateKey key, Clock clock) {
		return new CertificateSigner(key, clock);
	}

	/** A configured font that cannot be read stops start-up; no font at all only disables the PDF. */
	@Bean
	CertificatePdfs certificatePdfs(CertificateProperties properties, RegistryQueries queries,
			@Value("${labtrust.public-url}") String publicUrl) {
		Optional<CertificateFont> font = CertificateFont.locate(properties.font());
		if (font.isEmpty()) {
			log.warn("No CJK font found in {}: certificate PDFs answer 503 until fonts-noto-cjk is installed or"
					+ " labtrust.registry.certificate.font is set", CertificateFont.DEBIAN_FONTS);
		}
		else {
			log.info("Certificate PDFs are set in {}", font.get());
		}
		return new CertificatePdfs(font.map(f -> new CertificatePdf(f, queries.codes(), publicUrl, ChinaTime.ZONE)));
	}
}
