package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate JWS verification with keys made here: what the platform signs verifies, and a
 * changed payload, another key, another algorithm, an unknown key id or an unknown header
 * parameter do not. The command line maps those to exit codes 0, 1 and 2.
 */
class CertificateJwsTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private static final String PAYLOAD = "{\"authorityCode\":\"28\",\"authorityName\":\"甘肃省市场监督管理局\","
            + "\"body\":{\"address\":\"兰州市\",\"creditCode\":\"126201006087957611\",\"name\":\"兰州市食品检验所\"},"
            + "\"fieldCode\":\"00\",\"industryCode\":\"09\",\"issuedOn\":\"2021-04-28\",\"number\":\"212800090002\","
            + "\"scope\":[{\"limitation\":null,\"line\":1,\"methodCode\":\"GB 5009.12-2017\",\"methodTitle\":\"铅的测定\","
            + "\"objectName\":\"大米\",\"parameterName\":\"铅\",\"status\":\"VALID\"}],\"signedAt\":\"2026-11-27T08:00:00Z\","
            + "\"status\":\"VALID\",\"typ\":\"labtrust-cma-certificate/v1\",\"validUntil\":\"2027-04-27\"}";

    @TempDir
    Path dir;

    private final KeyPair key = ed25519();

    private final String kid = CertificateJws.thumbprint(raw(key));

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] raw(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private String jwks() {
        return "{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"kid\":\"" + kid + "\",\"kty\":\"OKP\",\"use\":\"sig\",\"x\":\""
                + B64URL.encodeToString(raw(key)) + "\"}]}";
    }

    private static String sign(KeyPair signer, String header, String payload) throws GeneralSecurityException {
        String input = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(signer.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(s.sign());
    }

    private String header() {
        return "{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\",\"typ\":\"" + CertificateJws.HEADER_TYPE + "\"}";
    }

    @Test
    void aCertificateSignedByTheKnownKeyVerifiesAndStatesItsFacts() throws Exception {
        CertificateJws.Verified c = CertificateJws.verify(sign(key, header(), PAYLOAD), jwks());
        assertEquals("212800090002", c.number());
        assertEquals("兰州市食品检验所", c.bodyName());
        assertEquals("VALID", c.status());
        assertEquals(1, c.scope().size());
        assertEquals("铅", c.scope().get(0).parameterName());
        assertEquals(kid, c.keyId());
        assertEquals(PAYLOAD, c.payloadJson());
    }

    @Test
    void theThumbprintIsRfc8037s() {
        // RFC 8037 A.3
        byte[] x = Base64.getUrlDecoder().decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", CertificateJws.thumbprint(x));
    }

    @Test
    void aChangedPayloadAnotherKeyAndAnUnknownKidAreRefused() throws Exception {
        String[] parts = sign(key, header(), PAYLOAD).split("\\.");
        String changed = B64URL.encodeToString(PAYLOAD.replace("VALID", "REVOKED").getBytes(StandardCharsets.UTF_8));
        VerificationException altered = assertThrows(VerificationException.class,
                () -> CertificateJws.verify(parts[0] + "." + changed + "." + parts[2], jwks()));
        assertTrue(altered.getMessage().contains("does not verify"), altered.getMessage());

        VerificationException other = assertThrows(VerificationException.class,
                () -> CertificateJws.verify(sign(ed25519(), header(), PAYLOAD), jwks()));
        assertTrue(other.getMessage().contains("does not verify"), other.getMessage());

        String unknown = header().replace(kid, "not-a-known-key");
        VerificationException kidless = assertThrows(VerificationException.class,
                () -> CertificateJws.verify(sign(key, unknown, PAYLOAD), jwks()));
        assertTrue(kidless.getMessage().contains("not in the key set"), kidless.getMessage());
    }

    @Test
    void onlyEdDsaIsAcceptedAndUnknownHeaderParametersAreRefused() throws Exception {
        for (String alg : new String[] { "none", "HS256", "ES256", "RS256", "eddsa" }) {
            String header = header().replace("\"EdDSA\"", "\"" + alg + "\"");
            VerificationException e = assertThrows(VerificationException.class,
                    () -> CertificateJws.verify(sign(key, header, PAYLOAD), jwks()));
            assertTrue(e.getMessage().contains("only EdDSA"), e.getMessage());
        }
        String crit = header().replace("}", ",\"crit\":[\"exp\"],\"exp\":1}");
        VerificationException e = assertThrows(VerificationException.class,
                () -> CertificateJws.verify(sign(key, crit, PAYLOAD), jwks()));
        assertTrue(e.getMessage().contains("does not accept"), e.getMessage());
        String jku = header().replace("}", ",\"jku\":\"https://attacker.example/keys\"}");
        assertThrows(VerificationException.class, () -> CertificateJws.verify(sign(key, jku, PAYLOAD), jwks()));
    }

    @Test
    void aPayloadThatIsNotACertificateOrIsAmbiguousIsRefusedEvenWhenSigned() throws Exception {
        String otherType = PAYLOAD.replace("labtrust-cma-certificate/v1", "something-else");
        assertThrows(VerificationException.class, () -> CertificateJws.verify(sign(key, header(), otherType), jwks()));
        String duplicate = PAYLOAD.replace("{\"authorityCode\":\"28\",", "{\"status\":\"REVOKED\",\"authorityCode\":\"28\",");
        VerificationException e = assertThrows(VerificationException.class,
                () -> CertificateJws.verify(sign(key, header(), duplicate), jwks()));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    }

    @Test
    void malformedTokensAndKeySetsAreRefused() throws Exception {
        String good = sign(key, header(), PAYLOAD);
        assertThrows(VerificationException.class, () -> CertificateJws.verify(good + ".x", jwks()));
        assertThrows(VerificationException.class, () -> CertificateJws.verify(good + "=", jwks())); // padding
        assertThrows(VerificationException.class, () -> CertificateJws.verify(good, "{\"keys\":[]}"));
        assertThrows(VerificationException.class, () -> CertificateJws.verify(good, "not json"));
        String withPrivate = jwks().replace("\"use\"", "\"d\":\"AAAA\",\"use\"");
        assertThrows(VerificationException.class, () -> CertificateJws.verify(good, withPrivate));
    }

    @Test
    void theCommandExitsZeroOnAGoodCertificateOneOnAForgeryAndTwoOnABadCommandLine() throws Exception {
        Path jws = Files.writeString(dir.resolve("certificate.jws"), sign(key, header(), PAYLOAD) + "\n");
        Path keys = Files.writeString(dir.resolve("keys.json"), jwks());
        Cli cli = new Cli();
        assertEquals(Main.VERIFIED, cli.run("verify-certificate", "--jws", jws.toString(), "--jwks", keys.toString()),
                cli.printed());
        assertTrue(cli.out().startsWith("VERIFIED: certificate 212800090002"), cli.printed());
        assertTrue(cli.out().contains("兰州市食品检验所"), cli.printed());

        assertEquals(Main.NOT_VERIFIED, cli.run("verify-certificate", "--jws", jws.toString(), "--jwks", keys.toString(),
                "--number", "212800090003"), cli.printed());

        Path forged = Files.writeString(dir.resolve("forged.jws"), sign(ed25519(), header(), PAYLOAD));
        assertEquals(Main.NOT_VERIFIED, cli.run("verify-certificate", "--jws", forged.toString(), "--jwks", keys.toString()),
                cli.printed());
        assertTrue(cli.out().startsWith("NOT VERIFIED: "), cli.printed());

        assertEquals(Main.USAGE_ERROR, cli.run("verify-certificate", "--jws", jws.toString()), cli.printed());
        assertEquals(Main.USAGE_ERROR, cli.run("verify-certificate", "--jws", dir.resolve("none").toString(), "--jwks",
                keys.toString()), cli.printed());
    }

    @Test
    void theCommandReadsTheJwsFromStandardInput() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.json"), jwks());
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(sign(key, header(), PAYLOAD).getBytes(StandardCharsets.US_ASCII)));
            Cli cli = new Cli();
            assertEquals(Main.VERIFIED, cli.run("verify-certificate", "--jws", "-", "--jwks", keys.toString()), cli.printed());
        } finally {
            System.setIn(saved);
        }
    }
}
