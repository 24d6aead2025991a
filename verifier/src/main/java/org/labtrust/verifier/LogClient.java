package org.labtrust.verifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Reads a C2SP tlog-tiles log over HTTP: {@code <prefix>/checkpoint}, hash tiles and entry
 * bundles. Accepts gzip, refuses answers larger than the resource can be, and gives up on any
 * one answer, body included, after a timeout. Thread-safe, so one client serves parallel
 * fetches.
 */
public final class LogClient implements TileSource {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** An entry bundle holds at most 256 entries of up to 65,535 bytes, each after a 2-byte length. */
    private static final int MAX_BUNDLE_BYTES = TilePath.FULL_WIDTH * (2 + EntryBundle.MAX_ENTRY_BYTES);
    /** Room for gzip's header and for data that does not compress. */
    private static final int GZIP_OVERHEAD = 1024;

    private final String prefix;
    private final Duration timeout;
    private final HttpClient http;

    /** A client for the log at {@code prefix}, e.g. {@code https://platform.example/log}. */
    public LogClient(URI prefix) {
        this(prefix, DEFAULT_TIMEOUT);
    }

    /** As {@link #LogClient(URI)}, giving up on connecting or on any one answer after {@code timeout}. */
    public LogClient(URI prefix, Duration timeout) {
        String scheme = Objects.requireNonNull(prefix, "prefix").getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("log prefix must be an http or https URL, got " + prefix);
        }
        this.prefix = prefix.toString().replaceAll("/+$", "");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The latest checkpoint, as text; verify it with {@link Checkpoint#verify}. */
    public String checkpoint() throws IOException {
        URI uri = uri("checkpoint");
        byte[] body = get(uri, SignedNote.MAX_BYTES, true);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(uri + " is not valid UTF-8");
        }
    }

    /** The hash tile or entry bundle at {@code tile}. */
    @Override
    public byte[] read(TilePath tile) throws IOException {
        int maxBytes = tile.entryBundle() ? MAX_BUNDLE_BYTES : tile.width() * MerkleHash.HASH_SIZE;
        return get(uri(tile.toString()), maxBytes, false);
    }

    private URI uri(String path) {
        return URI.create(prefix + "/" + path);
    }

    private byte[] get(URI uri, int maxBytes, boolean mutable) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept-Encoding", "gzip, identity");
        if (mutable) {
            request.header("Cache-Control", "no-cache");
        }
        HttpResponse<byte[]> response = send(request.build(), maxBytes + GZIP_OVERHEAD);
        if (response.statusCode() != 200) {
            throw new IOException("cannot fetch " + uri + ": HTTP " + response.statusCode());
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim();
        if (encoding.equalsIgnoreCase("identity")) {
            if (response.body().length > maxBytes) {
                throw new IOException(uri + " is longer than " + maxBytes + " bytes");
            }
            return response.body();
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new IOException("cannot read " + uri + ": unsupported Content-Encoding " + encoding);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new IOException(uri + " is longer than " + maxBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new IOException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Sends with a deadline on the whole exchange; the client's own timeout stops at the headers. */
    private HttpResponse<byte[]> send(HttpRequest request, int maxBytes) throws IOException {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete answer from " + request.uri() + " within " + timeout);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + request.uri());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // A refused connection comes with no message at all.
            String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw new IOException("cannot fetch " + request.uri() + ": " + reason, cause);
        }
    }
}
