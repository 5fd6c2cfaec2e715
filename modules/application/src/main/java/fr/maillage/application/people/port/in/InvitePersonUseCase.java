package fr.maillage.application.people.port.in;

import fr.maillage.application.shared.Caller;

/**
 * An animator (or a platform admin) invites a person into the network with a role: the person's account is found or
 * created in the identity provider (then asked to set a password), added to the network's organization, and given
 * the role. Inviting again is harmless.
 */
public interface InvitePersonUseCase {

    Invitation invite(Caller caller, InvitePersonCommand command);

    /** The outcome: who, which role, whether the account was created and whether the role is new. */
    record Invitation(String subject, String email, fr.maillage.domain.network.NetworkRole role, boolean accountCreated,
            boolean roleGranted) {
    }
}
