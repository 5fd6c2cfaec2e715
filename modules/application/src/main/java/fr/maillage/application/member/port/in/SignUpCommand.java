package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.member.MemberProfile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a person gives when they join a network: their names, optionally a phone number and a company, whether they
 * want the network's news by email (never pre-ticked), and their acceptance of the network's terms (required).
 */
public record SignUpCommand(MemberProfile profile, boolean newsletter) {

    /** The body of a join as the caller sent it; a missing body is read as every required field missing. */
    public record Raw(@Nullable String givenName, @Nullable String familyName, @Nullable Boolean acceptTerms,
            @Nullable Boolean newsletter, @Nullable String phone, @Nullable String company) {
    }

    public static SignUpCommand parse(@Nullable Raw raw) {
        Raw r = raw == null ? new Raw(null, null, null, null, null, null) : raw;
        Fields fields = new Fields();
        String given = fields.required("givenName", r.givenName(), MemberProfile::givenName);
        String family = fields.required("familyName", r.familyName(), MemberProfile::familyName);
        String phone = r.phone() == null || r.phone().isBlank() ? null
                : fields.optional("phone", r.phone(), MemberProfile::phone);
        String company = r.company() == null || r.company().isBlank() ? null
                : fields.optional("company", r.company(), MemberProfile::company);
        if (r.acceptTerms() == null) {
            fields.reject("acceptTerms", "field.required");
        } else if (!r.acceptTerms()) {
            fields.reject("acceptTerms", "member.terms.not-accepted");
        }
        fields.throwIfInvalid();
        return new SignUpCommand(new MemberProfile(Objects.requireNonNull(given), Objects.requireNonNull(family),
                phone, company, null), Boolean.TRUE.equals(r.newsletter()));
    }
}
