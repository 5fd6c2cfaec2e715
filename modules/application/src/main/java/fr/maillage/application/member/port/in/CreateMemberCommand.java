package fr.maillage.application.member.port.in;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.setup.port.in.OperatorCommand;
import fr.maillage.application.setup.port.in.OperatorCommand.AddressInput;
import fr.maillage.application.shared.Fields;
import fr.maillage.domain.member.MemberProfile;
import fr.maillage.domain.shared.PostalAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A member a manager records: email and names required; phone, company, postal address optional. With
 * {@code invite}, the person also gets an account (asked to set a password) and the MEMBER role; without, the member
 * has no account until they sign up with the same email (they are then linked).
 */
public record CreateMemberCommand(EmailAddress email, MemberProfile profile, boolean newsletter, boolean invite) {

    public record Raw(@Nullable String email, @Nullable String givenName, @Nullable String familyName,
            @Nullable String phone, @Nullable String company, @Nullable AddressInput address,
            @Nullable Boolean newsletter, @Nullable Boolean invite) {
    }

    public static CreateMemberCommand parse(Raw raw) {
        Fields fields = new Fields();
        EmailAddress email = fields.required("email", raw.email(), EmailAddress::of);
        String given = fields.required("givenName", raw.givenName(), MemberProfile::givenName);
        String family = fields.required("familyName", raw.familyName(), MemberProfile::familyName);
        String phone = optionalText(fields, "phone", raw.phone(), true);
        String company = optionalText(fields, "company", raw.company(), false);
        PostalAddress address = raw.address() == null ? null
                : OperatorCommand.address(fields, "address", raw.address());
        fields.throwIfInvalid();
        return new CreateMemberCommand(Objects.requireNonNull(email), new MemberProfile(Objects.requireNonNull(given),
                Objects.requireNonNull(family), phone, company, address), Boolean.TRUE.equals(raw.newsletter()),
                Boolean.TRUE.equals(raw.invite()));
    }

    /** An optional phone ({@code phone}) or company: blank is none. */
    static @Nullable String optionalText(Fields fields, String field, @Nullable String raw, boolean phone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return fields.optional(field, raw, phone ? MemberProfile::phone : MemberProfile::company);
    }
}
