package org.labtrust.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * Serves a map of resources under {@code /log/} with the JDK's HTTP server: 404 for what is not
 * there, gzip for entry bundles when asked, 500 for paths a test marks as failing. Records every
 * path requested.
 */
final class TestLogServer implements AutoCloseable {

    private final Map<String, byte[]> served;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    TestLogServer(Map<String, byte[]> served) {
        this.served = served;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/log/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    String prefix() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/log";
    }

    /** Paths below the prefix, in the order they were asked for. */
    List<String> requests() {
        return requests;
    }

    /** Makes {@code path} answer 500 until {@link #heal}. */
    void fail(String path) {
        failing.add(path);
    }

    void heal() {
        failing.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/log/".length());
        requests.add(path);
        byte[] body = served.get(path);
        if (failing.contains(path) || body == null) {
            exchange.sendResponseHeaders(failing.contains(path) ? 500 : 404, -1);
            exchange.close();
            return;
        }
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (path.startsWith("tile/entries/") && accepted != null && accepted.contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (OutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            body = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
