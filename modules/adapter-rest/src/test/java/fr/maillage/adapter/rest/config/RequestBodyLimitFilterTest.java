package fr.maillage.adapter.rest.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The larger body limit applies to POST /api/networks/{slug}/member-imports, and to nothing else. */
class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(65_536, 5_242_880, null);

    @Test
    void the_member_imports_of_any_network_take_the_import_limit() {
        assertThat(limit("POST", "/api/networks/baronnies/member-imports")).isEqualTo(5_242_880);
        assertThat(limit("POST", "/api/networks/so-lozere-2/member-imports")).isEqualTo(5_242_880);
    }

    @Test
    void every_other_request_keeps_the_api_limit() {
        for (String path : new String[] {"/api/networks/baronnies/member-imports/123", "/api/networks/baronnies/members",
                "/api/networks/member-imports", "/api/networks/a/b/member-imports", "/api/networks//member-imports",
                "/api/networks/baronnies/member-imports/", "/x/api/networks/baronnies/member-imports",
                "/api/networks/baronnies/member-importsx", "/api/networks"}) {
            assertThat(limit("POST", path)).as(path).isEqualTo(65_536);
        }
        assertThat(limit("PUT", "/api/networks/baronnies/member-imports")).isEqualTo(65_536);
        assertThat(limit("PATCH", "/api/networks/baronnies/member-imports")).isEqualTo(65_536);
    }

    private long limit(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return filter.limitOf(request);
    }
}
