package io.detc.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * One embedded OpenSearch 2.19 node per test JVM (research engines.md 4a): a plain {@link Node} with the netty4
 * transport and the painless scripting plugin (script queries, bucket_selector), real HTTP on 127.0.0.1, started on
 * first use and closed by a shutdown hook.
 */
final class OpenSearchNode {
    static final ObjectMapper JSON = new ObjectMapper();
    private static OpenSearchNode instance;

    private final Node node;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private static final class EmbeddedNode extends Node {
        EmbeddedNode(Settings s, Collection<Class<? extends Plugin>> plugins) {
            super(InternalSettingsPreparer.prepareEnvironment(s, Map.of(), null, () -> "detc-it"), plugins, true);
        }
    }

    private OpenSearchNode() throws Exception {
        Path home = Files.createTempDirectory("detc-opensearch");
        Settings settings = Settings.builder()
                .put("path.home", home.toString()).put("path.data", home.resolve("data").toString())
                .put("cluster.name", "detc-it").put("node.name", "n1").put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1").put("http.port", "19200-19299")
                .put("transport.port", "19300-19399")
                .put("transport.type", "netty4").put("http.type", "netty4")
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        node = new EmbeddedNode(settings, List.of(org.opensearch.transport.Netty4Plugin.class,
                org.opensearch.painless.PainlessPlugin.class)).start();
        base = "http://" + node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }));
    }

    static synchronized OpenSearchNode get() {
        if (instance == null) {
            try {
                instance = new OpenSearchNode();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the embedded OpenSearch node", e);
            }
        }
        return instance;
    }

    /** The node's HTTP address, {@code http://127.0.0.1:port}. */
    String base() {
        return base;
    }

    record Response(int status, JsonNode body) {
    }

    Response send(String method, String path, String body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                    contentType).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response json(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }
}
