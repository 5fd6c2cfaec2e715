package fr.maillage.application.visit.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member's arrival recorded at the front desk. {@code overrideReason} lets a manager record it outside the opening
 * hours (it is kept on the visit and in the audit log); it is ignored when the place is open.
 */
public record DeskCheckInCommand(MemberId member, @Nullable String overrideReason) {

    public static final int REASON_MAX = 500;

    public record Raw(@Nullable String memberId, @Nullable String overrideReason) {
    }

    public static DeskCheckInCommand parse(Raw raw) {
        Fields fields = new Fields();
        MemberId member = fields.required("memberId", raw.memberId(), DeskCheckInCommand::memberId);
        String reason = raw.overrideReason() == null || raw.overrideReason().isBlank() ? null
                : fields.optional("overrideReason", raw.overrideReason(),
                        r -> BoundedText.line(r, 3, REASON_MAX, "check-in.override-reason.length"));
        fields.throwIfInvalid();
        return new DeskCheckInCommand(member, reason);
    }

    static MemberId memberId(String raw) {
        try {
            return new MemberId(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("member.id.format");
        }
    }
}
