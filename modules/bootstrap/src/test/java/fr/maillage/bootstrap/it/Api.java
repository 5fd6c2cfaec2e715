package fr.maillage.bootstrap.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the end-to-end tests: no mock MVC, the requests go through Tomcat. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    Call get(String path) {
        return new Call("GET", path, null);
    }

    Call post(String path, String json) {
        return new Call("POST", path, json);
    }

    Call put(String path, String json) {
        return new Call("PUT", path, json);
    }

    Call patch(String path, String json) {
        return new Call("PATCH", path, json);
    }

    Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    final class Call {

        private final String method;
        private final String path;
        private final String body;
        private final List<String> headers = new ArrayList<>();
        private Duration timeout = Duration.ofSeconds(60);

        private Call(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
            if (body != null) {
                header("Content-Type", "application/json");
            }
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** A longer wait than the default 60 s. */
        Call timeout(Duration wait) {
            this.timeout = wait;
            return this;
        }

        Call lang(String language) {
            return header("Accept-Language", language);
        }

        Call header(String name, String value) {
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    headers.set(i + 1, value);
                    return this;
                }
            }
            headers.add(name);
            headers.add(value);
            return this;
        }

        Reply send() {
            return send(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }

        Reply send(HttpRequest.BodyPublisher publisher) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .method(method, publisher);
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
