package org.labtrust.registry.internal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate key against RFC 8037's Ed25519 example, and the start-up rule for its file. */
class CertificateKeyTest {

	/** RFC 8037 Appendix A.1 and A.2. */
	private static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

	private static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

	@TempDir
	Path dir;

	private Path rfcKeyFile() throws Exception {
		byte[] d = Base64.getUrlDecoder().decode(D);
		byte[] x = Base64.getUrlDecoder().decode(X);
		byte[] pkcs8 = concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), d);
		byte[] spki = concat(HexFormat.of().parseHex("302a300506032b6570032100"), x);
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8)
				+ "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(spki)
				+ "\n-----END PUBLIC KEY-----\n";
		return Files.writeString(dir.resolve("rfc8037.pem"), pem);
	}

	@Test
	void theRfc8037KeyHasTheRfcThumbprintAndSignsTheRfcExample() throws Exception {
		CertificateKey key = CertificateKey.load(rfcKeyFile(), false);
		// RFC 8037 A.3
		assertThat(key.keyId()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
		assertThat(key.jwk()).containsEntry("x", X).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519")
			.containsEntry("kid", key.keyId()).doesNotContainKey("d");
		// RFC 8037 A.4
		byte[] signature = key.sign("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc".getBytes(StandardCharsets.US_ASCII));
		assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(signature)).isEqualTo(
				"hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
	}

	@Test
	void aMissingKeyFileStopsStartUpUnlessItMayBeGenerated() throws Exception {
		Path file = dir.resolve("keys/certificate-signing-key.pem");
		assertThatThrownBy(() -> CertificateKey.load(file, false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("does not exist")
			.hasMessageContaining("openssl genpkey -algorithm ed25519");
		CertificateKey generated = CertificateKey.load(file, true);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(CertificateKey.load(file, false).keyId()).isEqualTo(generated.keyId());
	}

	@Test
	void aFileWhosePublicKeyIsNotItsPrivateKeysIsRefused() throws Exception {
		String rfc = Files.readString(rfcKeyFile());
		Path other = dir.resolve("other.pem");
		CertificateKey.load(other, true);
		String otherPublic = Files.readString(other).substring(Files.readString(other).indexOf("-----BEGIN PUBLIC KEY-----"));
		Path mixed = Files.writeString(dir.resolve("mixed.pem"),
				rfc.substring(0, rfc.indexOf("-----BEGIN PUBLIC KEY-----")) + otherPublic);
		assertThatThrownBy(() -> CertificateKey.load(mixed, false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("another private key");
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
