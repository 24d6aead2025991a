package org.labtrust.reports.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.labtrust.reports.internal.log.Checkpoints;
import org.labtrust.reports.internal.log.LogSigner;
import org.labtrust.reports.internal.log.TilePath;
import org.labtrust.reports.internal.log.TileStore;
import org.labtrust.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The log as C2SP tlog-tiles: checkpoint, hash tiles, entry bundles, and the verifier key. */
@RestController
@Tag(name = "Transparency log", description = "C2SP tlog-tiles and tlog-checkpoint (docs/log-format.md)")
class LogController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final Checkpoints checkpoints;

	private final TileStore tiles;

	private final LogSigner signer;

	LogController(Checkpoints checkpoints, TileStore tiles, LogSigner signer) {
		this.checkpoints = checkpoints;
		this.tiles = tiles;
		this.signer = signer;
	}

	@GetMapping("/log/checkpoint")
	@Operation(summary = "The latest signed checkpoint (tlog-checkpoint in a signed note, Ed25519)")
	ResponseEntity<String> checkpoint() {
		return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache())
			.body(checkpoints.latest().note());
	}

	@GetMapping("/log/key")
	@Operation(summary = "The note verifier key of the log, as golang.org/x/mod/sumdb/note reads it")
	ResponseEntity<String> key() {
		return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(signer.verifierKey() + "\n");
	}

	@GetMapping("/log/tile/**")
	@Operation(summary = "A hash tile tile/<L>/<N>[.p/<W>] or an entry bundle tile/entries/<N>[.p/<W>]")
	ResponseEntity<byte[]> tile(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + "/log/tile/".length());
		TilePath tile = TilePath.parse(path)
			.orElseThrow(() -> DomainException.notFound("LOG_TILE_PATH_INVALID", "Not a tlog-tiles path: " + path));
		long size = checkpoints.latest().size();
		if (!tile.within(size)) {
			throw notFound(path);
		}
		byte[] data = tile.entries() ? tiles.bundle(tile.index(), tile.width(), size).orElseThrow(() -> notFound(path))
				: tiles.hashes(tile.level(), tile.index(), tile.width()).orElseThrow(() -> notFound(path));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE).body(data);
	}

	private static DomainException notFound(String path) {
		return DomainException.notFound("LOG_TILE_NOT_FOUND", "The log holds no such tile (yet): " + path);
	}
}
