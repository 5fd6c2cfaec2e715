package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.member.MemberImport;
import fr.maillage.domain.member.MemberImportIssue;
import fr.maillage.domain.network.NetworkSlug;
import java.util.List;
import java.util.UUID;

/**
 * An import job of the network, as animators and managers follow it: its state and counts, what was found of the file,
 * and the issues of its rows (errors, and rows skipped as already members), at most the service's limit of them.
 * Another network's import, or an unknown one, is not found ({@code member.import.not-found}, 404). An unfinished job
 * whose worker stopped (no heartbeat for longer than the timeout) is reported, and stored, as FAILED
 * ({@code member.import.interrupted}).
 */
public interface MemberImportsQuery {

    record Report(MemberImport job, String encoding, char separator, List<String> ignoredColumns,
            List<MemberImportIssue> issues) {

        public Report {
            ignoredColumns = List.copyOf(ignoredColumns);
            issues = List.copyOf(issues);
        }
    }

    Report memberImport(Caller caller, NetworkSlug network, UUID importId);
}
