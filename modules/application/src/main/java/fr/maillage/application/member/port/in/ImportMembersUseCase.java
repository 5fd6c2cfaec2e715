package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;

/**
 * Animators and managers ({@link fr.maillage.application.access.Permission#MANAGE_MEMBERS}) import a member list
 * from a CSV file, all or nothing. The file is read at once: an unreadable file, a missing column or too many rows is
 * refused (400) before any job exists. Otherwise a job is queued and runs in the background: every row is validated
 * first; one bad row and the job fails with a report of every bad row, writing no member; else every new member is
 * written in one transaction ({@code IMPORT}, no account: the person is linked when they join with the same email).
 * Rows whose email is already a member's are skipped and reported. Follow the job with
 * {@link MemberImportsQuery#memberImport}.
 */
public interface ImportMembersUseCase {

    MemberImportsQuery.Report startImport(Caller caller, NetworkSlug network, ImportMembersCommand command);
}
