package fr.maillage.application.people.port.in;

import fr.maillage.application.identity.EmailAddress;
import fr.maillage.application.shared.Fields;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.Text;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Invite a person, by email, into a network with a role. */
public record InvitePersonCommand(NetworkSlug network, EmailAddress email, NetworkRole role,
        @Nullable String firstName, @Nullable String lastName) {

    public static InvitePersonCommand parse(NetworkSlug network, @Nullable String email, @Nullable String role,
            @Nullable String firstName, @Nullable String lastName) {
        Fields fields = new Fields();
        EmailAddress e = fields.required("email", email, EmailAddress::of);
        NetworkRole r = fields.required("role", role, NetworkRole::of);
        String first = fields.optional("firstName", firstName, InvitePersonCommand::personName);
        String last = fields.optional("lastName", lastName, InvitePersonCommand::personName);
        fields.throwIfInvalid();
        return new InvitePersonCommand(network, Objects.requireNonNull(e), Objects.requireNonNull(r), first, last);
    }

    private static String personName(String raw) {
        if (Text.hasControlCharacters(raw)) {
            throw new InvalidValueException("text.control-characters");
        }
        String name = Text.normalize(raw);
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidValueException("person.name.length", 1, 100);
        }
        return name;
    }
}
