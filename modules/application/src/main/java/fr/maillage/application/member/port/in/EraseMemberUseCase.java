package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.NetworkSlug;
import java.util.UUID;

/**
 * Erasure of a member (GDPR, right to erasure): the profile is pseudonymised ("Membre effacé", a placeholder email,
 * no phone, company, address or newsletter, cut from the person's account), what cannot go on without the person ends
 * (future bookings cancelled, an open visit closed), their MEMBER role in the network goes (and their membership of the
 * network's organization in the identity provider, if no role remains), and what the law requires to keep stays
 * (memberships and payments, for 10 years: docs/security.md). Audited as {@code member.erased}, without personal data.
 * Idempotent: erasing an erased member answers it as it is. Refused (409) while a sale of the member awaits payment
 * ({@code member.erase.payment-pending}): record the payment or cancel the sale first.
 *
 * <p>By the network's animators (and platform admins) for any member ({@code member.erase.animators-only}, 403, for a
 * manager), or by the member themself. Both confirm with {@link EraseMemberCommand}.
 */
public interface EraseMemberUseCase {

    Member eraseMember(Caller caller, NetworkSlug network, UUID member, EraseMemberCommand.Raw confirmation);

    Member eraseOwn(Caller caller, NetworkSlug network, EraseMemberCommand.Raw confirmation);
}
