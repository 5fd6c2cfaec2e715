package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.NetworkSlug;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Animators and managers ({@link fr.maillage.application.access.Permission#MANAGE_MEMBERS}) keep the network's
 * member files: any member of the network, whatever the place they come to. An email is used once in a network
 * ({@code member.email.taken}, 409); an erased member cannot be changed ({@code member.erased}, 409).
 */
public interface ManageMembersUseCase {

    /**
     * Records a member (the body is read once the caller's access is checked). With {@code invite}, the identity provider is asked first (account, organization membership):
     * if it fails, nothing is written (503); then the member and their MEMBER role are written together.
     */
    Member createMember(Caller caller, NetworkSlug network, CreateMemberCommand.Raw member);

    /** Changes a member's profile; {@code expectedVersion} (If-Match) refuses a stale change (412). */
    Member updateMember(Caller caller, NetworkSlug network, UUID member, UpdateProfileCommand command,
            @Nullable Long expectedVersion);
}
