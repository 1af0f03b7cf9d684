package io.detc.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The little of OpenSearch's REST API the engine needs, over {@link java.net.http} and Jackson: a base URL
 * ({@code http://host:port} or {@code https://}, optionally {@code user:password@} for basic authentication), JSON
 * and NDJSON requests, and errors as one-line {@link OpenSearchException}s (the password never appears in them).
 */
final class OpenSearchHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String shown;
    private final Optional<String> authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What one request answered. */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private OpenSearchHttp(URI base, String shown, Optional<String> authorization) {
        this.base = base;
        this.shown = shown;
        this.authorization = authorization;
    }

    /**
     * Parses {@code http[s]://[user:password@]host[:port][/path]}; an {@link IllegalArgumentException} with a
     * one-line reason otherwise.
     */
    static OpenSearchHttp of(String url) {
        URI u;
        try {
            u = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad OpenSearch URL '" + url + "': " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("bad OpenSearch URL '" + url + "': write http://host:port (or https://)");
        }
        if (u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException("bad OpenSearch URL '" + url + "': no query or fragment");
        }
        Optional<String> auth = Optional.ofNullable(u.getRawUserInfo()).map(ui -> "Basic " + Base64.getEncoder()
                .encodeToString(java.net.URLDecoder.decode(ui, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        URI base = URI.create(scheme + "://" + u.getRawAuthority().replaceFirst("^.*@", "") + path);
        return new OpenSearchHttp(base, base.toString(), auth);
    }

    /** The base URL without credentials, for messages. */
    String shown() {
        return shown;
    }

    Response json(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        authorization.ifPresent(a -> b.header("Authorization", a));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new OpenSearchException("cannot reach OpenSearch at " + shown + ": " + (e.getMessage() == null
                    || e.getMessage().isBlank() ? "connection refused" : e.getMessage()), e);
        } catch (HttpTimeoutException e) {
            throw new OpenSearchException("OpenSearch at " + shown + " did not answer " + method + " " + path
                    + " in time", e);
        } catch (IOException e) {
            throw new OpenSearchException("cannot talk to OpenSearch at " + shown + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchException("interrupted while waiting for OpenSearch at " + shown, e);
        }
        JsonNode json;
        try {
            json = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new OpenSearchException(method + " " + path + " on " + shown + ": HTTP " + r.statusCode()
                    + ", and the answer is not JSON (is this OpenSearch?): " + abbreviate(r.body()), e);
        }
        return new Response(r.statusCode(), json);
    }

    /** Like {@link #json}, but an answer other than 2xx is an {@link OpenSearchException} saying what failed. */
    JsonNode ok(String method, String path, String body, String what) {
        Response r = json(method, path, body);
        if (!r.ok()) {
            throw failure(what, r);
        }
        return r.body();
    }

    /** One line for a refused request: HTTP status, the error type and reason OpenSearch gave. */
    OpenSearchException failure(String what, Response r) {
        return new OpenSearchException(what + ": OpenSearch at " + shown + " answered HTTP " + r.status() + ": "
                + reason(r.body()));
    }

    static String reason(JsonNode body) {
        JsonNode err = body.path("error");
        if (err.isTextual()) {
            return err.asText();
        }
        JsonNode root = err.path("root_cause").path(0);
        JsonNode e = root.isMissingNode() ? err : root;
        if (e.isMissingNode() || e.isNull()) {
            return abbreviate(body.toString());
        }
        String type = e.path("type").asText("");
        String reason = e.path("reason").asText("");
        JsonNode caused = err.path("caused_by");
        if (!caused.isMissingNode() && !caused.path("reason").asText("").equals(reason)) {
            reason = reason + " (" + caused.path("type").asText("") + ": " + caused.path("reason").asText("") + ")";
        }
        return abbreviate((type.isEmpty() ? "" : type + ": ") + reason).replace('\n', ' ');
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "...";
    }
}
