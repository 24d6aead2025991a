package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector in rfc6962_published.json, generated and verified. */
@DisplayName("Published RFC 6962 / RFC 9162 reference vectors")
class PublishedVectorsTest {

    private static final MerkleTree REFERENCE_TREE = MerkleTree.ofEntries(Reference.leaves());

    static Stream<Arguments> inclusionPaths() {
        return Stream.concat(Reference.objects("inclusion").stream(),
                        Reference.objects("inclusion_all_computed").stream())
                .map(v -> Arguments.of(Reference.uint64(v, "leaf_index"), Reference.uint64(v, "tree_size"),
                        Reference.strings(v.get("path"))));
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionPaths")
    @DisplayName("Each published audit path is the one MerkleTree generates and it verifies")
    void inclusionPath(long index, long size, List<String> path) {
        assertEquals(path, hex(REFERENCE_TREE.inclusionProof(index, size)));
        byte[] leaf = REFERENCE_TREE.leafHash(index);
        assertTrue(InclusionProof.verify(index, size, leaf, Reference.hashes(path), Reference.root(size)));
    }

    static Stream<Arguments> consistencyProofs() {
        return Stream.concat(Reference.objects("consistency").stream(),
                        Reference.objects("consistency_all_computed").stream())
                .map(v -> Arguments.of(Reference.uint64(v, "size1"), Reference.uint64(v, "size2"),
                        Reference.strings(v.get("proof"))));
    }

    @ParameterizedTest(name = "from {0} to {1}")
    @MethodSource("consistencyProofs")
    @DisplayName("Each published consistency proof is the one MerkleTree generates and it verifies")
    void consistencyProof(long size1, long size2, List<String> proof) {
        assertEquals(proof, hex(REFERENCE_TREE.consistencyProof(size1, size2)));
        assertTrue(ConsistencyProof.verify(size1, size2, Reference.root(size1), Reference.root(size2),
                Reference.hashes(proof)));
    }

    static Stream<Arguments> inclusionProbes() {
        return Reference.objects("probes_inclusion").stream().map(v -> Arguments.of(v.get("file"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProbes")
    @DisplayName("Each transparency-dev inclusion probe is accepted or rejected as its wantErr says")
    void inclusionProbe(String file, Map<String, Object> v) {
        boolean verified = InclusionProof.verify(Reference.uint64(v, "leafIdx"), Reference.uint64(v, "treeSize"),
                Reference.hash(v, "leafHash"), Reference.hashes(v.get("proof")), Reference.hash(v, "root"));
        assertEquals(!(Boolean) v.get("wantErr"), verified, (String) v.get("desc"));
    }

    static Stream<Arguments> consistencyProbes() {
        return Reference.objects("probes_consistency").stream().map(v -> Arguments.of(v.get("file"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProbes")
    @DisplayName("Each transparency-dev consistency probe is accepted or rejected as its wantErr says")
    void consistencyProbe(String file, Map<String, Object> v) {
        boolean verified = ConsistencyProof.verify(Reference.uint64(v, "size1"), Reference.uint64(v, "size2"),
                Reference.hash(v, "root1"), Reference.hash(v, "root2"), Reference.hashes(v.get("proof")));
        assertEquals(!(Boolean) v.get("wantErr"), verified, (String) v.get("desc"));
    }

    @Test
    @DisplayName("The reference file holds the expected number of vectors, so none are silently skipped")
    void vectorCounts() {
        assertEquals(8, Reference.leaves().size());
        assertEquals(7, Reference.objects("inclusion").size());
        assertEquals(5, Reference.objects("consistency").size());
        assertEquals(36, Reference.objects("inclusion_all_computed").size());
        assertEquals(36, Reference.objects("consistency_all_computed").size());
        assertEquals(98, Reference.objects("probes_inclusion").size());
        assertEquals(98, Reference.objects("probes_consistency").size());
        assertEquals(4, Reference.objects("hasher").size());
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::encode).collect(Collectors.toList());
    }
}
