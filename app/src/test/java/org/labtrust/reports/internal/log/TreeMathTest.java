package org.labtrust.reports.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labtrust.verifier.InclusionProof;
import org.labtrust.verifier.MerkleTree;

/**
 * The writer's tiles and the proofs computed from them agree with the verifier module's
 * independent RFC 6962 implementation, for sizes around every tile boundary.
 */
class TreeMathTest {

	static Stream<Long> sizes() {
		Random random = new Random(20261127);
		return Stream.concat(
				LongStream.of(1, 2, 3, 255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537, 70_000).boxed(),
				random.longs(12, 1, 20_000).boxed());
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void rootsAndProofsFromTilesMatchTheReferenceTree(long size) {
		Random random = new Random(size);
		TreeHash hash = new TreeHash();
		TileEdge edge = TileEdge.empty();
		Map<String, byte[]> stored = new HashMap<>();
		List<byte[]> leafHashes = new ArrayList<>();
		for (long i = 0; i < size; i++) {
			byte[] entry = new byte[1 + random.nextInt(40)];
			random.nextBytes(entry);
			byte[] leaf = hash.leaf(entry);
			leafHashes.add(leaf);
			edge.append(leaf);
			if (random.nextInt(300) == 0 || i == size - 1) { // store in uneven batches, as the writer does
				edge.changedTiles().forEach(t -> stored.put(t.level() + "/" + t.index(), t.data()));
			}
		}
		MerkleTree reference = MerkleTree.ofLeafHashes(leafHashes);
		assertThat(edge.root()).isEqualTo(reference.rootHash(size));

		TreeMath fromStore = new TreeMath((level, index, width) -> {
			byte[] tile = stored.get(level + "/" + index);
			assertThat(tile).as("tile %d/%d", level, index).isNotNull();
			assertThat(tile.length).isGreaterThanOrEqualTo(width * TreeHash.SIZE);
			return tile;
		});
		assertThat(fromStore.root(size)).isEqualTo(reference.rootHash(size));
		for (long index : new long[] { 0, size / 3, size / 2, size - 1 }) {
			List<byte[]> proof = fromStore.inclusionProof(index, size);
			assertThat(proof).usingElementComparator(java.util.Arrays::compare)
				.containsExactlyElementsOf(reference.inclusionProof(index, size));
			assertThat(InclusionProof.verify(index, size, leafHashes.get((int) index), proof, reference.rootHash(size))).isTrue();
		}
		// An earlier tree is provable from the same tiles (every checkpoint stays provable).
		long earlier = Math.max(1, size / 2);
		assertThat(fromStore.root(earlier)).isEqualTo(reference.rootHash(earlier));
	}

	@Test
	void reloadedEdgeContinuesTheSameTree() {
		TreeHash hash = new TreeHash();
		TileEdge first = TileEdge.empty();
		Map<String, byte[]> stored = new HashMap<>();
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < 70_000; i++) {
			byte[] leaf = hash.leaf(new byte[] { (byte) i, (byte) (i >> 8), (byte) (i >> 16) });
			leaves.add(leaf);
			first.append(leaf);
		}
		first.changedTiles().forEach(t -> stored.put(t.level() + "/" + t.index(), t.data()));
		TileEdge reloaded = TileEdge.load(70_000, (level, index, width) -> stored.get(level + "/" + index));
		for (int i = 70_000; i < 70_300; i++) {
			byte[] leaf = hash.leaf(new byte[] { (byte) i, (byte) (i >> 8), (byte) (i >> 16) });
			leaves.add(leaf);
			reloaded.append(leaf);
		}
		assertThat(reloaded.root()).isEqualTo(MerkleTree.ofLeafHashes(leaves).rootHash(70_300));
	}
}
