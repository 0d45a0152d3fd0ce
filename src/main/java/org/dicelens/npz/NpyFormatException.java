package org.dicelens.npz;

/**
 * A problem inside one .npy stream, before the reader knows which file (and which archive entry) it came from;
 * {@link NpyReader} and {@link NpzReader} turn it into an {@link org.dicelens.common.InputException} naming both.
 */
final class NpyFormatException extends Exception {
    private final String field;

    NpyFormatException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
