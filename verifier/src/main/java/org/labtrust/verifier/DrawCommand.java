package org.labtrust.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code draw}: replays a published random draw (RFC 3797) from its sources and its ordered pool,
 * prints who is drawn, and with {@code --expect} checks the published result.
 */
final class DrawCommand implements Command {

    @Override
    public String name() {
        return "draw";
    }

    @Override
    public Set<String> flags() {
        return Set.of("--sources", "--pool", "--count", "--expect");
    }

    @Override
    public String usage() {
        return "draw --sources 9319/2.5.8.10.12 --pool FILE (one candidate a line, in pool order) --count N "
                + "[--expect NAME,NAME,...]";
    }

    @Override
    public Verdict run(CliArgs args) throws UsageException {
        List<List<Long>> sources = new ArrayList<>();
        for (String source : args.string("--sources").split("/")) {
            List<Long> numbers = new ArrayList<>();
            for (String number : source.split("[.,]")) {
                try {
                    numbers.add(Long.parseLong(number.strip()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--sources: '" + number + "' is not a number");
                }
            }
            sources.add(numbers);
        }
        List<String> pool;
        try {
            pool = Files.readAllLines(Path.of(args.string("--pool")), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UsageException("cannot read the pool file: " + e.getMessage());
        }
        long count = args.size("--count");
        if (count > pool.size()) {
            throw new UsageException("--count " + count + " is more than the pool of " + pool.size());
        }
        String key;
        try {
            key = RandomDraw.keyString(sources);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sources: " + e.getMessage());
        }
        List<String> drawn = RandomDraw.select(key, pool.size(), (int) count).stream().map(pool::get).toList();
        String detail = "key " + key + ", pool of " + pool.size() + ", drawn in order: " + String.join(", ", drawn);
        if (!args.has("--expect")) {
            return new Verdict(true, detail);
        }
        List<String> expected = List.of(args.string("--expect").split(","));
        return expected.stream().map(String::strip).toList().equals(drawn) ? new Verdict(true, detail)
                : new Verdict(false, detail + "; the published result was " + String.join(", ", expected));
    }
}
