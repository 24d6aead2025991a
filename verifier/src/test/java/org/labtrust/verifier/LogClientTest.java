package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LogClient (HTTP)")
class LogClientTest {

    private final TestLog log = new TestLog(1).grow(300);
    private final TestLogServer server = new TestLogServer(log.served());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("Fetches the checkpoint, hash tiles and gzip-compressed entry bundles as served")
    void fetches() throws IOException {
        LogClient client = new LogClient(URI.create(server.prefix() + "/"));
        assertEquals(new String(log.served().get("checkpoint"), StandardCharsets.UTF_8), client.checkpoint());
        assertArrayEquals(log.served().get("tile/0/001.p/44"), client.read(TilePath.hashTile(0, 1, 44)));
        assertArrayEquals(log.served().get("tile/entries/000"), client.read(TilePath.entryBundle(0, 256)));
        assertEquals(List.of("checkpoint", "tile/0/001.p/44", "tile/entries/000"), server.requests());
    }

    @Test
    @DisplayName("A missing resource or a server error is an IOException naming the URL and status")
    void httpErrors() {
        LogClient client = new LogClient(URI.create(server.prefix()));
        IOException missing = assertThrows(IOException.class, () -> client.read(TilePath.hashTile(0, 2, 256)));
        assertTrue(missing.getMessage().contains("tile/0/002") && missing.getMessage().contains("404"), missing.getMessage());
        server.fail("checkpoint");
        IOException failing = assertThrows(IOException.class, client::checkpoint);
        assertTrue(failing.getMessage().contains("500"), failing.getMessage());
    }

    @Test
    @DisplayName("Answers longer than the resource can be are refused, compressed or not")
    void tooLong() {
        LogClient client = new LogClient(URI.create(server.prefix()));
        log.served().put("tile/0/000", new byte[8193]);
        assertThrows(IOException.class, () -> client.read(TilePath.hashTile(0, 0, 256)));
        // 17 MB of zeros gzip to a few kilobytes; no bundle can be that long.
        log.served().put("tile/entries/000", new byte[17 << 20]);
        IOException e = assertThrows(IOException.class, () -> client.read(TilePath.entryBundle(0, 256)));
        assertTrue(e.getMessage().contains("longer"), e.getMessage());
    }

    @Test
    @DisplayName("A checkpoint that is not UTF-8 is refused")
    void notUtf8() {
        log.served().put("checkpoint", new byte[] {'o', '\n', (byte) 0xff, '\n'});
        assertThrows(IOException.class, () -> new LogClient(URI.create(server.prefix())).checkpoint());
    }

    @Test
    @DisplayName("A server that stalls in the middle of an answer is given up on after the timeout")
    void timeout() throws IOException {
        ExecutorService threads = Executors.newCachedThreadPool();
        HttpServer stalling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stalling.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            OutputStream body = exchange.getResponseBody();
            body.write('x');
            body.flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stalling.setExecutor(threads);
        stalling.start();
        try {
            LogClient client = new LogClient(URI.create("http://127.0.0.1:" + stalling.getAddress().getPort() + "/log"),
                    Duration.ofMillis(500));
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(IOException.class, client::checkpoint));
            assertTrue(e.getMessage().contains("within"), e.getMessage());
        } finally {
            stalling.stop(0);
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("Only http and https prefixes are accepted")
    void schemes() {
        assertThrows(IllegalArgumentException.class, () -> new LogClient(URI.create("file:///tmp/log")));
        assertThrows(IllegalArgumentException.class, () -> new LogClient(URI.create("log.example/reports")));
    }
}
