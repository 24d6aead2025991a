package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draw command replays RFC 3797's own example (section 6) and the IETF NomCom 2022 selection. */
class DrawCommandTest {

    @TempDir
    Path dir;

    final Cli cli = new Cli();

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() throws IOException {
        try (InputStream in = DrawCommandTest.class.getResourceAsStream("/reference/rfc3797_published.json")) {
            Map<String, Object> root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<Map<String, Object>>) root.get("cases");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keysDigestsAndSelectionsMatchThePublishedOnes() throws IOException {
        for (Map<String, Object> published : cases()) {
            List<List<Long>> sources = new ArrayList<>();
            for (Object source : (List<Object>) published.get("sources")) {
                sources.add(((List<Object>) source).stream().map(n -> ((Number) n).longValue()).toList());
            }
            String key = RandomDraw.keyString(sources);
            assertEquals(published.get("key"), key);
            List<Map<String, Object>> rows = (List<Map<String, Object>>) published.get("rows");
            List<Integer> drawn = RandomDraw.select(key, ((Number) published.get("pool")).intValue(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(((String) rows.get(i).get("md5")).toLowerCase(), HexFormat.of().formatHex(RandomDraw.md5(i, key)));
                assertEquals(((Number) rows.get(i).get("selected")).intValue(), drawn.get(i) + 1, "selection " + (i + 1));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCommandNamesTheDrawnAndChecksAPublishedResult() throws IOException {
        Map<String, Object> example = cases().get(0);
        Path pool = Files.write(dir.resolve("pool.txt"), (List<String>) example.get("names"));
        String sources = "9319/2.5.8.10.12/9.18.26.34.41.45";
        assertEquals(Main.VERIFIED, cli.run("draw", "--sources", sources, "--pool", pool.toString(), "--count", "5"),
                cli.printed());
        assertTrue(cli.out().contains("Lee, Doc, Mary, Charity, Kasczynski"), cli.printed());
        assertEquals(Main.VERIFIED, cli.run("draw", "--sources", sources, "--pool", pool.toString(), "--count", "3",
                "--expect", "Lee,Doc,Mary"), cli.printed());
        assertEquals(Main.NOT_VERIFIED, cli.run("draw", "--sources", sources, "--pool", pool.toString(), "--count", "3",
                "--expect", "Lee,Mary,Doc"), cli.printed());
        assertEquals(Main.USAGE_ERROR, cli.run("draw", "--sources", "9319/x", "--pool", pool.toString(), "--count", "3"));
        assertEquals(Main.USAGE_ERROR, cli.run("draw", "--sources", sources, "--pool", pool.toString(), "--count", "26"));
    }
}
