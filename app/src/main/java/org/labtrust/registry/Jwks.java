package org.labtrust.registry;

import java.util.List;

/**
 * A JWK Set (RFC 7517 §5) of the keys that sign electronic certificates, as
 * {@code GET /api/v1/keys} serves it.
 */
public record Jwks(List<Key> keys) {

	/**
	 * An Ed25519 public key as an OKP JWK (RFC 8037 §2).
	 *
	 * @param kid the key's RFC 7638 thumbprint
	 * @param x the raw 32-byte public key, base64url
	 */
	public record Key(String kty, String crv, String x, String kid, String use, String alg) {
	}
}
