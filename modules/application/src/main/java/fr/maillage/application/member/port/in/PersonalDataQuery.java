package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.member.Member;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the network holds about a member (GDPR, rights of access and to portability): the profile and consents,
 * then one section per module that keeps data about them ({@code PersonalDataPort}): roles, memberships and payments
 * and their history, visits and the usage ledger lines of their visits, bookings, the audit events about them. Only
 * this network's data, and only this member's. An erased member's export shows what was kept, pseudonymised.
 *
 * <p>By the network's animators (and platform admins) for any member ({@code member.export.animators-only}, 403, for a
 * manager: the export holds the sales and visits of every operator of the network), or by the member themself.
 * Audited as {@code member.exported}.
 */
public interface PersonalDataQuery {

    record MemberExport(Network network, Member member, Instant exportedAt, Map<String, Object> sections) {

        public MemberExport {
            sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        }
    }

    MemberExport exportMember(Caller caller, NetworkSlug network, UUID member);

    MemberExport exportOwn(Caller caller, NetworkSlug network);
}
