package fr.maillage.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health probes, metrics and the API description are there without a token. */
class OperabilityIT extends EndToEndTest {

    @Test
    void liveness_and_readiness_including_the_database_are_up() {
        assertThat(api.get("/actuator/health/liveness").send().json().get("status").asString()).isEqualTo("UP");
        Api.Reply readiness = api.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/db/status").asString()).as("readiness includes the database")
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health").send().json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheus_metrics_include_the_connection_pool_and_http_requests() {
        api.get("/api/networks").token(platformAdmin()).send();
        Api.Reply metrics = api.get("/actuator/prometheus").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections_max{pool=\"maillage\"} 8.0")
                .contains("http_server_requests_seconds_count")
                .contains("jvm_threads_live_threads");
    }

    @Test
    void the_openapi_document_is_version_3_1_and_describes_the_network_api() {
        Api.Reply doc = api.get("/v3/api-docs").send();
        assertThat(doc.status()).isEqualTo(200);
        JsonNode openapi = doc.json();
        assertThat(openapi.get("openapi").asString()).startsWith("3.1");
        assertThat(openapi.get("paths").propertyNames()).contains("/api/networks", "/api/networks/{slug}",
                "/api/networks/{slug}/archive");
        assertThat(openapi.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(api.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
    }

    @Test
    void actuator_endpoints_that_are_not_exposed_stay_hidden() {
        assertThat(api.get("/actuator/env").send().status()).isIn(401, 404);
        assertThat(api.get("/actuator/env").token(platformAdmin()).send().status()).isEqualTo(404);
    }
}
