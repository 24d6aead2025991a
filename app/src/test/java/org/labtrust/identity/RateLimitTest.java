package org.labtrust.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous requests are limited per client address (20 a minute in tests). The test connects
 * from other loopback addresses than 127.0.0.1, which the tests' configuration exempts.
 */
class RateLimitTest extends IntegrationTest {

	@Test
	void theTwentyFirstRequestOfAMinuteFromOneAddressGets429AndOthersAreNotAffected() throws IOException {
		for (int i = 0; i < 20; i++) {
			assertThat(request("127.0.0.21", "/api/v1/bodies?size=1").status()).as("request " + (i + 1)).isEqualTo(200);
		}
		Answer limited = request("127.0.0.21", "/api/v1/bodies?size=1");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.retryAfter()).isBetween(1L, 60L);
		assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
		assertThat(request("127.0.0.22", "/api/v1/bodies?size=1").status()).as("another address").isEqualTo(200);
	}

	private record Answer(int status, long retryAfter, String body) {
	}

	/** HTTP/1.1 over a socket bound to the given local address, so that the server sees that address. */
	private Answer request(String from, String path) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			int status = Integer.parseInt(in.readLine().split(" ")[1]);
			long retryAfter = -1;
			String line;
			while ((line = in.readLine()) != null && !line.isEmpty()) {
				if (line.toLowerCase().startsWith("retry-after:")) {
					retryAfter = Long.parseLong(line.substring(12).strip());
				}
			}
			StringBuilder body = new StringBuilder();
			while ((line = in.readLine()) != null) {
				body.append(line);
			}
			return new Answer(status, retryAfter, body.toString());
		}
	}
}
