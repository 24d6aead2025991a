package org.labtrust.verifier;

/**
 * Known answers from the tests of Go's golang.org/x/mod/sumdb/note (note_test.go): two verifier
 * keys, the private seed of the first, a text and each key's signature line over it.
 */
final class GoNoteVectors {

    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** {@code PRIVATE+KEY+PeterNeumann+c74f20a3+<this>}: 0x01 then the 32-byte Ed25519 seed. */
    static final String PETER_PRIVATE = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIGNATURE = "\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIGNATURE = "\u2014 EnochRoot "
            + "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    static final String PETER_NOTE = TEXT + "\n" + PETER_SIGNATURE;

    private GoNoteVectors() {
    }
}
