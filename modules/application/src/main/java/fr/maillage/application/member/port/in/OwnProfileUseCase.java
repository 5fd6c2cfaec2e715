package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.NetworkSlug;
import org.jspecify.annotations.Nullable;

/**
 * A member reads and edits their own profile in a network
 * ({@link fr.maillage.application.access.Permission#SELF_SERVICE}): names, phone, company, address and the newsletter,
 * not the email (it is their account's). Without a profile in the network: {@code member.not-found} (404).
 */
public interface OwnProfileUseCase {

    Member ownProfile(Caller caller, NetworkSlug network);

    Member updateOwnProfile(Caller caller, NetworkSlug network, UpdateProfileCommand command,
            @Nullable Long expectedVersion);
}
