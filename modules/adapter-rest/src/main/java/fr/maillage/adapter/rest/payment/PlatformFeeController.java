package fr.maillage.adapter.rest.payment;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.application.payment.port.in.PlatformFeeUseCase;
import fr.maillage.application.payment.port.in.SetPlatformFeeCommand;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.PlatformFee;
import fr.maillage.application.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's fee on a network's online payments: platform admins set and remove it; animators and managers read
 * it.
 */
@RestController
@Tag(name = "Online payments", description = "Stripe Connect accounts of operators, Checkout for members, webhook")
class PlatformFeeController {

    private final PlatformFeeUseCase fees;

    PlatformFeeController(PlatformFeeUseCase fees) {
        this.fees = fees;
    }

    record PlatformFeeRequest(@Nullable Long fixedCents, @Nullable Integer perMille) {
    }

    record PlatformFeeResponse(long fixedCents, int perMille) {

        static PlatformFeeResponse of(PlatformFee fee) {
            return new PlatformFeeResponse(fee.fixedCents(), fee.perMille());
        }
    }

    private static final String PATH = "/api/networks/{slug}/platform-fee";

    @Operation(summary = "The platform's fee on the network's online payments", description = "Animators, managers "
            + "and platform admins (BILLING). fixedCents plus perMille of each payment (rounded down, never more than "
            + "the payment), taken as the application fee of each Checkout session; a subscription takes perMille "
            + "only. 0 and 0 when no fee is set.")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    PlatformFeeResponse platformFee(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        return PlatformFeeResponse.of(fees.platformFee(caller, network(slug)));
    }

    @Operation(summary = "Set the platform's fee", description = "Platform admins only (animators and managers: 403). "
            + "Both fields required: fixedCents 0 to " + SetPlatformFeeCommand.MAX_FIXED_CENTS + ", perMille 0 to "
            + SetPlatformFeeCommand.MAX_PER_MILLE + " (400 with the field errors otherwise). Applies to the Checkout "
            + "sessions opened from now on; audited as network.platform-fee.set.")
    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    PlatformFeeResponse setPlatformFee(@Parameter(hidden = true) Caller caller, @PathVariable String slug,
            @RequestBody PlatformFeeRequest body) {
        return PlatformFeeResponse.of(fees.setPlatformFee(caller, network(slug),
                new SetPlatformFeeCommand.Raw(body.fixedCents(), body.perMille())));
    }

    @Operation(summary = "Remove the platform's fee", description = "Platform admins only. No fee on the Checkout "
            + "sessions opened from now on; 204 whether or not one was set (audited as network.platform-fee.removed "
            + "when one was).")
    @DeleteMapping(PATH)
    ResponseEntity<Void> removePlatformFee(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        fees.removePlatformFee(caller, network(slug));
        return ResponseEntity.noContent().build();
    }
}
