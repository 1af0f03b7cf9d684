package io.detc.source;

import io.detc.diag.Code;
import io.detc.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads rule files as strict UTF-8. Binary content (a NUL byte), invalid UTF-8 and files over the size limit are
 * diagnostics, not exceptions; the file is then skipped, and said so. A UTF-8 byte order mark is dropped.
 */
public final class SourceReader {
    /** Far above any real rule (SigmaHQ's largest is about 40 KB) and far below what would strain memory. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private final long maxBytes;

    public SourceReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The file's text, or empty after reporting why it cannot be read. {@code shown} is the path to print. */
    public Optional<SourceFile> read(Path path, String shown, Diagnostics diags) {
        SourceFile named = new SourceFile(shown, "");
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                diags.report(Code.FILE_TOO_LARGE, Span.startOf(named), "file is " + size + " bytes; rule files are"
                        + " limited to " + maxBytes + " bytes, so it was not read");
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) maxBytes + 1);
            }
            if (bytes.length > maxBytes) {
                diags.report(Code.FILE_TOO_LARGE, Span.startOf(named), "file grew past " + maxBytes + " bytes while"
                        + " being read, so it was not read");
                return Optional.empty();
            }
        } catch (IOException | SecurityException e) {
            diags.report(Code.IO_ERROR, Span.startOf(named), "cannot read file: " + describe(e));
            return Optional.empty();
        }
        return decode(bytes, shown, diags);
    }

    /** Decodes bytes that are already in memory (tests, stdin). */
    public Optional<SourceFile> decode(byte[] bytes, String shown, Diagnostics diags) {
        SourceFile named = new SourceFile(shown, "");
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                diags.report(Code.BINARY_FILE, Span.startOf(named), "file holds a NUL byte at offset " + i
                        + "; it looks binary, not a YAML rule");
                return Optional.empty();
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            String good = out.flip().toString();
            SourceFile partial = new SourceFile(shown, good);
            Position at = partial.position(good.length());
            diags.report(Code.BINARY_FILE, new Span(partial, at.line(), at.column(), 1),
                    "invalid UTF-8 at byte offset " + in.position() + "; rule files must be UTF-8");
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(new SourceFile(shown, out.flip().toString()));
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

}
