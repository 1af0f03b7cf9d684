package io.detc.run;

import io.detc.event.LogSourceKey;
import java.nio.file.Path;
import java.util.Optional;

/** An events file to run: where it is, the path to print, and a log source that overrides format recognition. */
public record EventInput(Path path, String shown, Optional<LogSourceKey> forced) {
}
