package fr.maillage.adapter.rest.me;

import fr.maillage.application.access.port.in.WhoAmIQuery;
import fr.maillage.application.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, and in which networks they hold which roles. */
@RestController
@Tag(name = "Me")
class MeController {

    private final WhoAmIQuery whoAmI;

    MeController(WhoAmIQuery whoAmI) {
        this.whoAmI = whoAmI;
    }

    record MembershipResponse(String slug, String name, List<String> roles) {
    }

    record MeResponse(String subject, boolean platformAdmin, List<MembershipResponse> networks) {
    }

    @Operation(summary = "Who am I", description = "Any authenticated person.")
    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    MeResponse me(@Parameter(hidden = true) Caller caller) {
        WhoAmIQuery.Me me = whoAmI.whoAmI(caller);
        return new MeResponse(me.subject(), me.platformAdmin(), me.networks().stream()
                .map(m -> new MembershipResponse(m.slug().value(), m.name().value(),
                        m.roles().stream().map(Enum::name).sorted().toList()))
                .toList());
    }
}
