package io.detc.event;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into {@code \n}-terminated lines without ever holding more than one line of at most
 * {@code maxBytes} (plus a fixed read buffer): a longer line is counted and skipped, not buffered, so a hostile or
 * broken file cannot exhaust memory. A trailing {@code \r} and a leading UTF-8 byte order mark are dropped.
 * Not thread-safe; one per stream.
 */
final class LineReader {
    private static final int CHUNK = 1 << 16;
    private static final int INITIAL_LINE = 1 << 13;
    /** After a line above this size the buffer is dropped, so one big line does not pin memory for the rest. */
    private static final int KEEP_LINE = 1 << 20;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int pos;
    private int limit;
    private boolean eof;

    private byte[] line = new byte[INITIAL_LINE];
    private int offset;
    private int length;
    private long totalBytes;
    private boolean tooLong;
    private long number;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (line.length > KEEP_LINE) {
            line = new byte[INITIAL_LINE];
        }
        offset = 0;
        length = 0;
        totalBytes = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof) {
                    break;
                }
                int n = in.read(chunk, 0, CHUNK);
                if (n < 0) {
                    eof = true;
                    break;
                }
                pos = 0;
                limit = n;
                continue;
            }
            any = true;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (chunk[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? limit : nl;
            append(pos, end - pos);
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        if (!any) {
            return false;
        }
        number++;
        if (!tooLong) {
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (number == 1 && length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                    && (line[2] & 0xff) == 0xBF) {
                offset = 3;
                length -= 3;
            }
        }
        return true;
    }

    private void append(int from, int n) {
        totalBytes += n;
        if (tooLong) {
            return;
        }
        if (length + n > maxBytes) {
            tooLong = true;
            return;
        }
        if (length + n > line.length) {
            byte[] bigger = new byte[Math.min(maxBytes, Math.max(line.length * 2, length + n))];
            System.arraycopy(line, 0, bigger, 0, length);
            line = bigger;
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    /** The current line's bytes, valid from {@link #offset()} for {@link #length()} until the next call. */
    byte[] bytes() {
        return line;
    }

    int offset() {
        return offset;
    }

    int length() {
        return length;
    }

    /** Whether the current line exceeded the cap (its bytes are then not available). */
    boolean tooLong() {
        return tooLong;
    }

    /** The current line's full size in bytes, counted even when it was too long to keep. */
    long totalBytes() {
        return totalBytes;
    }

    /** The 1-based number of the current line; after the end, the number of lines read. */
    long number() {
        return number;
    }

    /** Whether the current line holds only spaces, tabs and carriage returns. */
    boolean isBlank() {
        for (int i = offset; i < offset + length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
