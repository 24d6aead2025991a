package org.labtrust.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code verify-certificate}: checks an electronic CMA certificate (a JWS, from a file or standard
 * input) against the platform's keys (a JWK Set file, or fetched from {@code <url>/api/v1/keys}),
 * and prints the facts it certifies. With {@code --number} it also checks that the certificate is
 * the one expected.
 */
final class CertificateCommand implements Command {

    /** A key set is a few hundred bytes; this leaves room for many keys. */
    private static final int MAX_JWKS_BYTES = 1 << 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final InputStream stdin;

    /** Reads standard input as it is when the command runs. */
    CertificateCommand() {
        this(null);
    }

    CertificateCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "verify-certificate";
    }

    @Override
    public Set<String> flags() {
        return Set.of("--jws", "--jwks", "--url", "--number");
    }

    @Override
    public String usage() {
        return "verify-certificate --jws FILE|- (--jwks FILE | --url https://platform) [--number N]";
    }

    @Override
    public Verdict run(CliArgs args) throws UsageException, IOException {
        String jws = read(args.string("--jws"));
        if (args.has("--jwks") == args.has("--url")) {
            throw new UsageException("give the keys either as --jwks FILE or as --url of the platform");
        }
        String jwks = args.has("--jwks") ? readFile(args.string("--jwks"), "key set") : fetch(args.url("--url"));
        CertificateJws.Verified c;
        try {
            c = CertificateJws.verify(jws, jwks);
        } catch (VerificationException e) {
            return new Verdict(false, e.getMessage());
        }
        String detail = "certificate " + c.number() + " signed by key " + c.keyId() + " at " + c.signedAt()
                + "\n  holder:      " + c.bodyName() + " (" + c.creditCode() + ")"
                + "\n  address:     " + c.address()
                + "\n  status:      " + c.status() + " as of " + c.signedAt()
                + "\n  valid:       " + c.issuedOn() + " to " + c.validUntil()
                + "\n  authority:   " + c.authorityName() + " (" + c.authorityCode() + ")"
                + "\n  field:       " + c.fieldCode() + ", industry " + c.industryCode()
                + "\n  scope:       " + c.scope().size() + " rows";
        if (args.has("--number") && !args.string("--number").replaceAll("\\s", "").equals(c.number())) {
            return new Verdict(false, "the signature holds, but this is certificate " + c.number() + ", not "
                    + args.string("--number") + "\n" + detail);
        }
        return new Verdict(true, detail);
    }

    private String read(String source) throws UsageException {
        if (!"-".equals(source)) {
            return readFile(source, "JWS");
        }
        try {
            byte[] bytes = (stdin != null ? stdin : System.in).readNBytes(CertificateJws.MAX_CHARS + 1);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read the JWS from standard input: " + e.getMessage());
        }
    }

    private static String readFile(String file, String what) throws UsageException {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read the " + what + " file " + file + ": " + e);
        }
    }

    /** {@code GET <platform>/api/v1/keys}, bounded in size and time. */
    private static String fetch(URI platform) throws IOException {
        URI uri = URI.create(platform.toString().replaceAll("/+$", "") + "/api/v1/keys");
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").build();
        try {
            HttpResponse<byte[]> response = http.sendAsync(request, info -> new LimitedBody(MAX_JWKS_BYTES))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new IOException("cannot fetch " + uri + ": HTTP " + response.statusCode());
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            throw new IOException("no answer from " + uri + " within " + TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException("cannot fetch " + uri + ": "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
        }
    }
}
