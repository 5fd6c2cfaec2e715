package fr.maillage.adapter.rest.member;

import com.fasterxml.jackson.annotation.JsonSetter;
import fr.maillage.application.member.port.in.CreateMemberCommand;
import fr.maillage.application.member.port.in.UpdateProfileCommand;
import fr.maillage.application.setup.port.in.OperatorCommand.AddressInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The bodies the member API accepts; every field is read as given and checked by the command it feeds. */
final class MemberRequests {

    private MemberRequests() {
    }

    @Schema(name = "CreateMember", description = "A member recorded by a manager.")
    record Create(
            @Schema(example = "camille.martin@example.org", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable String email,
            @Schema(example = "Camille", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String givenName,
            @Schema(example = "Martin", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String familyName,
            @Schema(description = "French (06 12 34 56 78) or international (+41 22 123 45 67); stored as E.164")
            @Nullable String phone,
            @Schema(description = "Employer invoices may be addressed to, at most 160 characters")
            @Nullable String company,
            @Nullable AddressInput address,
            @Schema(description = "News by email (the person's consent, collected by the manager)")
            @Nullable Boolean newsletter,
            @Schema(description = "Also create the person's account (they are asked to set a password) and give "
                    + "them the MEMBER role") @Nullable Boolean invite) {

        CreateMemberCommand.Raw raw() {
            return new CreateMemberCommand.Raw(email, givenName, familyName, phone, company, address, newsletter,
                    invite);
        }
    }

    /**
     * A JSON merge patch of a profile: a field left out stays, {@code null} clears an optional one. Jackson calls the
     * setters for the fields present, {@code null} included, which is how a left-out field is told from a null one.
     */
    @Schema(name = "MemberPatch", description = "Changes to a member's profile (JSON merge patch): omitted fields "
            + "stay, null clears phone, company or address. email: managers only, for a member without an account.")
    static final class Patch {

        private final Set<String> present = new HashSet<>();
        private @Nullable String email;
        private @Nullable String givenName;
        private @Nullable String familyName;
        private @Nullable String phone;
        private @Nullable String company;
        private @Nullable AddressInput address;
        private @Nullable Boolean newsletter;
        private @Nullable String language;

        Patch() {
        }

        @JsonSetter("email")
        void email(@Nullable String value) {
            present.add(UpdateProfileCommand.EMAIL);
            email = value;
        }

        @JsonSetter("givenName")
        void givenName(@Nullable String value) {
            present.add(UpdateProfileCommand.GIVEN_NAME);
            givenName = value;
        }

        @JsonSetter("familyName")
        void familyName(@Nullable String value) {
            present.add(UpdateProfileCommand.FAMILY_NAME);
            familyName = value;
        }

        @JsonSetter("phone")
        void phone(@Nullable String value) {
            present.add(UpdateProfileCommand.PHONE);
            phone = value;
        }

        @JsonSetter("company")
        void company(@Nullable String value) {
            present.add(UpdateProfileCommand.COMPANY);
            company = value;
        }

        @JsonSetter("address")
        void address(@Nullable AddressInput value) {
            present.add(UpdateProfileCommand.ADDRESS);
            address = value;
        }

        @JsonSetter("newsletter")
        void newsletter(@Nullable Boolean value) {
            present.add(UpdateProfileCommand.NEWSLETTER);
            newsletter = value;
        }

        @JsonSetter("language")
        void language(@Nullable String value) {
            present.add(UpdateProfileCommand.LANGUAGE);
            language = value;
        }

        UpdateProfileCommand command() {
            return new UpdateProfileCommand(new UpdateProfileCommand.Raw(email, givenName, familyName, phone, company,
                    address, newsletter, language), present);
        }
    }
}
