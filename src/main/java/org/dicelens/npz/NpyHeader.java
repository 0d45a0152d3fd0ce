package org.dicelens.npz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} array (format versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY}, the version,
 * the header length (2 bytes in 1.0, 4 in 2.0/3.0, little-endian) and a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4, 5), }}. The dict is parsed by a small grammar of
 * strings, booleans, integers and tuples (never evaluated); any other key or value is refused.
 *
 * @param dataOffset bytes from the start of the .npy to its first element
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape, long dataOffset) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself refuses headers above 10000 bytes unless told otherwise; a little slack for hand-written files. */
    static final int MAX_HEADER = 65536;

    /** Bytes before the dict: magic, version and the length field (its size depends on the version). */
    static int preambleLength(byte[] first8) {
        return first8[6] == 1 ? 10 : 12;
    }

    /**
     * Checks the magic and version in the first 8 bytes and reads the dict's length from the preamble.
     *
     * @return the dict's length in bytes
     * @throws NpyFormatException naming the problem
     */
    static int dictLength(byte[] preamble) throws NpyFormatException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (preamble[i] != MAGIC[i]) {
                throw new NpyFormatException("magic", "not a NumPy .npy array (it does not start with \\x93NUMPY)");
            }
        }
        int major = preamble[6] & 0xFF;
        int minor = preamble[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException("version", ".npy format version " + major + "." + minor
                    + " is not one DiceLens reads (1.0, 2.0, 3.0)");
        }
        long len = major == 1 ? (preamble[8] & 0xFF) | (preamble[9] & 0xFF) << 8
                : (preamble[8] & 0xFFL) | (preamble[9] & 0xFFL) << 8 | (preamble[10] & 0xFFL) << 16 | (preamble[11] & 0xFFL) << 24;
        if (len > MAX_HEADER) {
            throw new NpyFormatException("header", "the header declares " + len + " bytes, more than the " + MAX_HEADER
                    + " a .npy header can sensibly hold");
        }
        return (int) len;
    }

    /** Parses the dict; {@code major} selects the text encoding (latin-1 before 3.0, UTF-8 from 3.0). */
    static NpyHeader parse(byte[] dict, int major, long dataOffset) throws NpyFormatException {
        String text = new String(dict, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> map = new DictParser(text).parseDict();
        for (String k : map.keySet()) {
            if (!k.equals("descr") && !k.equals("fortran_order") && !k.equals("shape")) {
                throw new NpyFormatException("header", "unknown key '" + k + "' in the header dict");
            }
        }
        Object descr = map.get("descr");
        Object fortran = map.get("fortran_order");
        Object shape = map.get("shape");
        if (descr instanceof List) {
            throw new NpyFormatException("descr", "a structured (record) dtype; DiceLens reads plain numeric arrays");
        }
        if (!(descr instanceof String d)) {
            throw new NpyFormatException("descr", "the header has no dtype string ('descr')");
        }
        if (!(fortran instanceof Boolean f)) {
            throw new NpyFormatException("fortran_order", "the header has no True/False 'fortran_order'");
        }
        if (!(shape instanceof List<?> s)) {
            throw new NpyFormatException("shape", "the header has no shape tuple");
        }
        long[] dims = new long[s.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!(s.get(i) instanceof Long v) || v < 0) {
                throw new NpyFormatException("shape", "the shape " + text(s) + " is not a tuple of non-negative integers");
            }
            dims[i] = v;
        }
        return new NpyHeader(d, f, dims, dataOffset);
    }

    String shapeText() {
        return text(shape);
    }

    static String text(List<?> shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(shape.get(i));
        }
        return sb.append(shape.size() == 1 ? ",)" : ")").toString();
    }

    static String text(long[] shape) {
        List<Object> l = new ArrayList<>();
        for (long v : shape) {
            l.add(v);
        }
        return text(l);
    }

    /** A recursive-descent parser for the literal subset numpy writes: {str: value}, 'str', True/False, int, (..). */
    private static final class DictParser {
        private final String s;
        private int pos;

        DictParser(String s) {
            this.s = s;
        }

        Map<String, Object> parseDict() throws NpyFormatException {
            skip();
            expect('{');
            Map<String, Object> map = new HashMap<>();
            skip();
            while (peek() != '}') {
                Object key = value(0);
                if (!(key instanceof String k)) {
                    throw bad("a dict key that is not a string");
                }
                skip();
                expect(':');
                Object v = value(0);
                if (map.put(k, v) != null) {
                    throw bad("the key '" + k + "' twice");
                }
                skip();
                if (peek() == ',') {
                    pos++;
                    skip();
                } else if (peek() != '}') {
                    throw bad("'" + peek() + "' where ',' or '}' belongs");
                }
            }
            pos++;
            skip();
            if (pos != s.length()) {
                throw bad("text after the dict");
            }
            return map;
        }

        private Object value(int depth) throws NpyFormatException {
            if (depth > 4) {
                throw bad("nesting deeper than a numeric array header has");
            }
            skip();
            char c = peek();
            if (c == '\'' || c == '"') {
                return string(c);
            }
            if (c == '(' || c == '[') {
                return sequence(c == '(' ? ')' : ']', depth);
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '-' || Character.isDigit(c)) {
                return integer();
            }
            throw bad("'" + c + "' where a string, number, True/False or tuple belongs");
        }

        private String string(char quote) throws NpyFormatException {
            int end = s.indexOf(quote, pos + 1);
            if (end < 0 || end - pos > 256) {
                throw bad("an unterminated string");
            }
            String v = s.substring(pos + 1, end);
            if (v.indexOf('\\') >= 0) {
                throw bad("an escaped string");
            }
            pos = end + 1;
            return v;
        }

        private List<Object> sequence(char close, int depth) throws NpyFormatException {
            pos++;
            List<Object> items = new ArrayList<>();
            skip();
            while (peek() != close) {
                if (items.size() >= 64) {
                    throw bad("a tuple of more than 64 items");
                }
                items.add(value(depth + 1));
                skip();
                if (peek() == ',') {
                    pos++;
                    skip();
                } else if (peek() != close) {
                    throw bad("'" + peek() + "' where ',' or '" + close + "' belongs");
                }
            }
            pos++;
            return items;
        }

        private Long integer() throws NpyFormatException {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++; // Python 2 wrote long integers as 3L
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw bad("the number " + digits);
            }
        }

        private void skip() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n' || s.charAt(pos) == '\t'
                    || s.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private char peek() throws NpyFormatException {
            if (pos >= s.length()) {
                throw bad("the dict ends early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw bad("'" + peek() + "' where '" + c + "' belongs");
            }
            pos++;
        }

        private NpyFormatException bad(String what) {
            return new NpyFormatException("header", "the header dict is not a NumPy array header: " + what
                    + " (at character " + pos + ")");
        }
    }
}
