package org.exchangehub.hub.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.exchangehub.hub.testing.MultipartFile;

/** A small HTTP client for the hub's API in tests: real HTTP on the hub's port, JSON answers as trees. */
final class HubApi {

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String etag() {
            return raw.headers().firstValue("ETag").orElseThrow();
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        /** The problem+json field names, for asserting which fields were named. */
        List<String> errorFields() {
            return body.path("errors").findValuesAsText("field");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    HubApi(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    String token() {
        return token;
    }

    Answer post(String path, Object body) {
        return send(json(request(path), body, "POST"));
    }

    Answer post(String path, Object body, String ifMatch) {
        return send(json(request(path), body, "POST").header("If-Match", ifMatch));
    }

    Answer put(String path, Object body, String ifMatch) {
        HttpRequest.Builder b = json(request(path), body, "PUT");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer upload(String path, String fileName, byte[] content) {
        MultipartFile file = MultipartFile.of(fileName, content);
        return send(request(path).header("Content-Type", file.contentType()).POST(file.body()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.Builder json(HttpRequest.Builder b, Object body, String method) {
        try {
            String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
            return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : parse(r.body());
            return new Answer(r.statusCode(), body, r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
