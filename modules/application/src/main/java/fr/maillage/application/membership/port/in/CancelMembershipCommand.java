package fr.maillage.application.membership.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.membership.Membership;
import org.jspecify.annotations.Nullable;

/** Why a membership is cancelled: one line of 3 to 500 characters, kept in its history. */
public record CancelMembershipCommand(String reason) {

    public record Raw(@Nullable String reason) {
    }

    public static CancelMembershipCommand parse(Raw raw) {
        Fields fields = new Fields();
        String reason = fields.required("reason", raw.reason(), Membership::cancelReason);
        fields.throwIfInvalid();
        return new CancelMembershipCommand(reason);
    }
}
