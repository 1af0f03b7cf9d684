package io.detc.engine;

/**
 * OpenSearch could not be reached, or refused a request the engine needs (creating an index, loading, a search).
 * The message is one line, meant for the user as it is: {@code detc eval} prints it without a stack trace.
 */
public final class OpenSearchException extends RuntimeException {
    public OpenSearchException(String message) {
        super(message);
    }

    public OpenSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
